import { z } from 'zod'
import type { Queryable } from '../../persistence/db.js'

/**
 * The data protection regulator, as the public pages and letters name it. Configurable (uk-rules §10, §0): the
 * Information Commissioner's Office is becoming the "Information Commission" (DUAA 2025 ss.117–120), and complaints
 * to it are made under DPA 2018 s.165 from 19 June 2026. An administrator overrides any field in the `settings`
 * table under the key 'regulator'.
 */
export interface Regulator {
  name: string
  address: string[]
  helpline: string
  website: string
  complaintUrl: string
}

export const REGULATOR_SETTING_KEY = 'regulator'

export const DEFAULT_REGULATOR: Regulator = {
  name: 'Information Commissioner’s Office (ICO)',
  address: ['Wycliffe House', 'Water Lane', 'Wilmslow', 'Cheshire', 'SK9 5AF'],
  helpline: '0303 123 1113',
  website: 'https://ico.org.uk',
  complaintUrl: 'https://ico.org.uk/make-a-complaint/',
}

const httpsUrl = z.url({ protocol: /^https$/ })

const overrides = z
  .object({
    name: z.string().trim().min(1).max(200),
    address: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
    helpline: z.string().trim().min(1).max(40),
    website: httpsUrl,
    complaintUrl: httpsUrl,
  })
  .partial()

/** Reads the regulator's details; a missing or malformed setting falls back field by field to the defaults. */
export async function readRegulator(db: Queryable): Promise<Regulator> {
  const r = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [REGULATOR_SETTING_KEY])
  return regulatorFrom(r.rows[0]?.value)
}

export function regulatorFrom(value: unknown): Regulator {
  const parsed = overrides.safeParse(value ?? {})
  return parsed.success ? { ...DEFAULT_REGULATOR, ...parsed.data } : DEFAULT_REGULATOR
}
