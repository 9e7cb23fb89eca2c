import { z } from 'zod'
import { auditKeyFileExists, parseAuditSigningKey } from './storage/audit-key.js'

/**
 * Every setting Rightsdesk reads from the environment, validated once at start (DESIGN.md §3).
 * The README's configuration table lists the same variables; keep the two in step.
 */
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'must be a postgres:// or postgresql:// URL')

const smtpUrl = z.string().refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), 'must be an smtp:// or smtps:// URL')

const clamdUrl = z.string().refine((v) => /^tcp:\/\/[^\s/:]+(:\d{1,5})?\/?$/.test(v), 'must be tcp://host:port (clamd)')

const calendarName = z.enum(['england-and-wales', 'scotland', 'northern-ireland', 'uk-any-part'])

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  RIGHTSDESK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default('Rightsdesk <no-reply@rightsdesk.localhost>'),
  RIGHTSDESK_BASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BLOB_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 256-bit key)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKING_DAY_CALENDAR: calendarName.default('england-and-wales'),
  CLARIFICATION_SAME_DAY_EXCLUDES_ONE_DAY: boolFromEnv.default(true),
  DEADLINE_SWEEP_CRON: z.string().min(9).default('5 * * * *'),
  DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(5),
  IDENTITY_DOCUMENT_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  TRUST_PROXY: boolFromEnv.default(false),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  CLAMAV_URL: clamdUrl.optional(),
  CLAMAV_SOCKET: z.string().min(1).optional(),
  // Issue 11: the audit trail proves itself with checkpoints signed by a key that is never in the database.
  AUDIT_SIGNING_KEY: z
    .string()
    .superRefine((v, ctx) => {
      try {
        parseAuditSigningKey(v)
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message })
      }
    })
    .optional(),
  AUDIT_CHECKPOINT_CRON: z.string().min(9).default('0 * * * *'),
  AUDIT_CHECKPOINT_EMAIL: z.email('must be an email address').optional(),
  // Read by the disclosure thread pool (disclosure/threads/pool.ts) when it starts; checked here, at start.
  RIGHTSDESK_DISCLOSURE_THREADS: z.coerce.number().int().min(0).max(64).optional(),
})

export type Config = z.infer<typeof configSchema> & { dataDir: string; baseUrl: string }

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment; throws ConfigError with one line per problem, never a stack trace for the user. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(stripEmpty(env))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)
    throw new ConfigError(`Configuration error: ${lines.join('; ')}`)
  }
  const c = parsed.data
  if (c.NODE_ENV === 'production') {
    const missing = (['SESSION_SECRET', 'BLOB_ENCRYPTION_KEY', 'RIGHTSDESK_BASE_URL'] as const).filter((k) => !c[k])
    if (missing.length > 0)
      throw new ConfigError(`Configuration error: ${missing.join(', ')} must be set when NODE_ENV=production`)
  }
  // Generating the audit key beside the data in production would let whoever holds the disk forge the trail's proofs.
  if (c.NODE_ENV === 'production' && !c.AUDIT_SIGNING_KEY && !auditKeyFileExists(c.RIGHTSDESK_DATA_DIR))
    throw new ConfigError(
      `Configuration error: AUDIT_SIGNING_KEY must be set (an Ed25519 private key, PEM or base64 PKCS#8), or the key placed in ${c.RIGHTSDESK_DATA_DIR}/keys/audit-signing-key.pem, when NODE_ENV=production`,
    )
  if (c.CLAMAV_URL && c.CLAMAV_SOCKET)
    throw new ConfigError('Configuration error: set CLAMAV_URL or CLAMAV_SOCKET, not both')
  const baseUrl = (c.RIGHTSDESK_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '')
  return { ...c, dataDir: c.RIGHTSDESK_DATA_DIR, baseUrl }
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v
  return out
}
