import fs from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type Nodemailer from 'nodemailer'
import { lazyRequire } from '../lazy-require.js'

export interface MailMessage {
  to: string | string[]
  subject: string
  text: string
  html?: string
  cc?: string | string[]
  attachments?: { filename: string; content: Buffer; contentType?: string }[]
  /** What secret the message carries, if any: the outbox marks the file so the staff view can hide it. */
  secret?: string
}

/** The header that marks an outbox file as holding a secret (never sent over SMTP: it is for our own outbox view). */
export const SECRET_HEADER = 'X-Rightsdesk-Secret'

export interface SentMail {
  messageId: string
  /** Where the message was written when no SMTP server is configured. */
  file?: string
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox'
  send(message: MailMessage): Promise<SentMail>
  close(): void
}

// nodemailer is a hundred modules: it loads when the first message is sent, not with the web server (issue 12).
const nodemailerModule = lazyRequire<typeof Nodemailer>('nodemailer')

/**
 * Sends mail over SMTP when SMTP_URL is set. Otherwise each message is written whole as an .eml file in
 * <data>/outbox, so a small office or a demo can read exactly what would have been sent.
 */
export function createMailer(opts: { smtpUrl: string | undefined; from: string; outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    let smtp: ReturnType<typeof Nodemailer.createTransport> | undefined
    const transport = () => (smtp ??= nodemailerModule().createTransport(opts.smtpUrl))
    return {
      mode: 'smtp',
      async send({ secret: _secret, ...message }) {
        const info = await transport().sendMail({ from: opts.from, ...message })
        return { messageId: info.messageId }
      },
      close: () => smtp?.close(),
    }
  }
  let stream: ReturnType<typeof Nodemailer.createTransport> | undefined
  const transport = () =>
    (stream ??= nodemailerModule().createTransport({ streamTransport: true, buffer: true, newline: 'unix' }))
  return {
    mode: 'outbox',
    async send({ secret, ...message }) {
      const headers = secret ? { [SECRET_HEADER]: secret } : undefined
      const info = await transport().sendMail({ from: opts.from, ...message, ...(headers ? { headers } : {}) })
      await fs.mkdir(opts.outboxDir, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const file = path.join(opts.outboxDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`)
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 })
      return { messageId: info.messageId, file }
    },
    close: () => stream?.close(),
  }
}
