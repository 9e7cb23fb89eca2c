import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { eicarBytes } from '../../src/application/portal/upload-fixtures.js'

/** Debian's clamav-daemon puts clamd here; .ci/run installs it. */
export const CLAMD_BIN = '/usr/sbin/clamd'

export interface RunningClamd {
  socketPath: string
  port: number
  stop(): Promise<void>
}

/** Why the virus-scanning tests cannot run here, or null when they can. In CI clamd must be there: never a skip. */
export function clamdMissing(): string | null {
  if (fs.existsSync(CLAMD_BIN)) return null
  if (process.env.CI === 'true') throw new Error(`${CLAMD_BIN} is missing in CI: .ci/run installs clamav-daemon`)
  return `skipped: no ${CLAMD_BIN} (apt-get install clamav-daemon to run the virus-scanning tests)`
}

/**
 * A real clamd of our own on a Unix socket and a loopback TCP port. freshclam cannot reach the internet here, so
 * its signature database is one we write: a body signature for the EICAR test string, anywhere in any file.
 */
export async function startClamd(): Promise<RunningClamd> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-clamd-'))
  await fsp.mkdir(path.join(dir, 'db'))
  await fsp.writeFile(
    path.join(dir, 'db', 'rightsdesk-test.ndb'),
    `Rightsdesk.Test.EICAR:0:*:${eicarBytes().toString('hex')}\n`,
  )
  const port = await freePort()
  const socketPath = path.join(dir, 'clamd.sock')
  const conf = [
    'Foreground yes',
    `DatabaseDirectory ${path.join(dir, 'db')}`,
    `LocalSocket ${socketPath}`,
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    `LogFile ${path.join(dir, 'clamd.log')}`,
  ].join('\n')
  await fsp.writeFile(path.join(dir, 'clamd.conf'), `${conf}\n`)
  const child = spawn(CLAMD_BIN, ['-c', path.join(dir, 'clamd.conf')], { stdio: 'ignore' })
  await untilPong(socketPath, child, dir)
  return {
    socketPath,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await fsp.rm(dir, { recursive: true, force: true })
    },
  }
}

async function untilPong(socketPath: string, child: ChildProcess, dir: string): Promise<void> {
  const end = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) {
      const log = await fsp.readFile(path.join(dir, 'clamd.log'), 'utf8').catch(() => '')
      throw new Error(`clamd exited (${child.exitCode}): ${log.slice(-500)}`)
    }
    if (await pong(socketPath)) return
    if (Date.now() > end) throw new Error('clamd did not answer PING within 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
}

function pong(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath)
    let reply = ''
    socket.on('error', () => resolve(false))
    socket.on('data', (d) => (reply += d.toString()))
    socket.on('close', () => resolve(reply.startsWith('PONG')))
    socket.on('connect', () => socket.end('zPING\0'))
  })
}

/** A loopback port nobody is listening on (taken from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
