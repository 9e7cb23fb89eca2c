import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A real IMAP server for the intake tests: Debian's dovecot (dovecot-imapd, installed by .ci/run), started here with
 * a configuration of its own in a temporary folder, one user with a password and a Maildir, on a free local port.
 */
export interface Dovecot {
  port: number
  user: string
  password: string
  /** Delivers a message by writing it into the Maildir, as the mail server's delivery agent would. */
  deliver(raw: string): Promise<void>
  stop(): Promise<void>
}

export const DOVECOT = '/usr/sbin/dovecot'
export const dovecotAvailable = () => existsSync(DOVECOT)

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-dovecot-'))
  const port = await freePort()
  const user = 'rights'
  const password = 'intake-test-password'
  const maildir = path.join(dir, 'mail', user)
  for (const sub of ['cur', 'new', 'tmp']) await fs.mkdir(path.join(maildir, sub), { recursive: true })
  await fs.writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`)
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim())
  await fs.chmod(dir, 0o755)
  execFileSync('chown', ['-R', `${uid}:${gid}`, path.join(dir, 'mail')])
  await fs.writeFile(
    path.join(dir, 'dovecot.conf'),
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      `listen = 127.0.0.1`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${dir}/passwd\n}`,
      `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${dir}/mail/%u\n}`,
      `mail_location = maildir:${dir}/mail/%u`,
      `first_valid_uid = ${Math.min(uid, 500)}`,
      'mail_privileged_group =',
      '',
    ].join('\n'),
  )
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' })
  const deadline = Date.now() + 20_000
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
    if (up) break
    if (Date.now() > deadline || child.exitCode !== null) {
      const log = await fs.readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '')
      throw new Error(`dovecot did not start: ${log.slice(-500)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  let n = 0
  return {
    port,
    user,
    password,
    async deliver(raw) {
      const name = `${Date.now()}.${process.pid}_${n++}.rightsdesk`
      const tmp = path.join(maildir, 'tmp', name)
      await fs.writeFile(tmp, raw.replace(/\r?\n/g, '\r\n'))
      execFileSync('chown', [`${uid}:${gid}`, tmp])
      await fs.rename(tmp, path.join(maildir, 'new', name))
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
