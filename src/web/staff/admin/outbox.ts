import fs from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { recordAudit } from '../../../application/casework/audit.js'
import { DomainError } from '../../../domain/index.js'
import { SECRET_HEADER } from '../../../notifications/mailer.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page } from '../render.js'
import { staffRoute } from '../route.js'

/** Where the file outbox is: AppDeps says, or the data directory's outbox/ (as services.ts configures the mailer). */
function outboxDir(deps: AppDeps): string {
  return deps.outboxDir ?? path.join(path.resolve(process.env.RIGHTSDESK_DATA_DIR ?? './data'), 'outbox')
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'im').exec(raw)
  return m?.[1]?.replace(/\n[ \t]+/g, ' ').trim() ?? ''
}

/** The secret a message carries, as the mailer marked it when it wrote the file (mailer.ts SECRET_HEADER). */
function secretOf(head: string): string | null {
  return header(head, SECRET_HEADER) || null
}

function hiddenBecause(secret: string): string {
  try {
    return text(`staffSignIn.admin.secretHidden.${secret}`)
  } catch {
    return text('staffSignIn.admin.secretHidden.password')
  }
}

/**
 * With no SMTP server (a small office, the demo), emails are written as .eml files: an administrator can read what
 * was "sent". Opening one is recorded, because letters carry personal data. Messages marked as holding a secret (a
 * requester's one-time code, a set-password link, a password) are listed but cannot be opened (issue 11).
 */
export function registerOutboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin/outbox',
    access: 'settings:admin',
    handler: async (request, reply) => {
      const dir = outboxDir(deps)
      const files = (await fs.readdir(dir).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse()
        .slice(0, 200)
      const messages = await Promise.all(
        files.map(async (file) => {
          const head = (await fs.readFile(path.join(dir, file), 'utf8')).split(/\r?\n\r?\n/)[0] ?? ''
          const secret = secretOf(head)
          return {
            file,
            to: header(head, 'To'),
            subject: header(head, 'Subject'),
            date: header(head, 'Date'),
            hidden: secret ? hiddenBecause(secret) : null,
          }
        }),
      )
      return page(deps, request, reply, 'staff/admin/outbox.njk', {
        pageTitle: text('casework.outbox.title'),
        messages,
        dir,
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/admin/outbox/:file',
    access: 'settings:admin',
    handler: async (request, reply) => {
      const { file } = request.params as { file: string }
      if (!/^[\w.-]+\.eml$/.test(file)) throw new DomainError('not-found', `no outbox file ${file}`)
      const raw = await fs.readFile(path.join(outboxDir(deps), file), 'utf8').catch(() => null)
      if (raw === null) throw new DomainError('not-found', `no outbox file ${file}`)
      // A one-time code, a set-password link or a password is for its recipient alone, never for an administrator.
      if (secretOf(raw.split(/\r?\n\r?\n/)[0] ?? ''))
        throw new DomainError('not-permitted', `outbox file ${file} holds a secret for its recipient only`)
      await recordAudit(deps.pool, deps, staffOf(request), {
        command: 'ViewOutbox',
        eventType: 'OutboxMessageViewed',
        payload: { file },
      })
      return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(raw)
    },
  })
}
