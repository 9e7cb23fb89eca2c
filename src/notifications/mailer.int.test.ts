import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMailer } from './mailer.js'

describe('the mailer without an SMTP server', () => {
  it('writes each message whole as an .eml file in the outbox, readable only by the service', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-outbox-'))
    const mailer = createMailer({ smtpUrl: undefined, from: 'Rightsdesk <no-reply@test.example>', outboxDir: dir })
    const sent = await mailer.send({
      to: 'officer@test.example',
      subject: 'OPCC-2026-00001 is due on Friday',
      text: 'Open the case.',
    })
    expect(sent.file).toBeDefined()
    const raw = await fs.readFile(sent.file!, 'utf8')
    expect(raw).toContain('Subject: OPCC-2026-00001 is due on Friday')
    expect(raw).toContain('To: officer@test.example')
    expect(raw).toContain('Open the case.')
    expect((await fs.stat(sent.file!)).mode & 0o077).toBe(0)
    await fs.rm(dir, { recursive: true })
  })
})
