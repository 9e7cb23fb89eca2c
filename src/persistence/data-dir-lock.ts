import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * One Rightsdesk process per data directory: two would fight over one embedded PostgreSQL. The lock is
 * a Unix domain socket we listen on. The kernel owns it, so it dies with the process however the
 * process ends (even kill -9); a socket file left behind is recognised as stale because nobody answers.
 */
export interface DataDirLock {
  /** The socket path that holds the lock. */
  readonly socketPath: string
  release(): Promise<void>
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    const who = holderPid === undefined ? 'Another Rightsdesk process' : `Another Rightsdesk process (pid ${holderPid})`
    super(
      `${who} is already using the data directory ${dataDir}. Stop it first, or set RIGHTSDESK_DATA_DIR to another directory.`,
    )
    this.name = 'DataDirLockedError'
  }
}

const LOCK_NAME = 'rightsdesk.lock'
const POINTER_NAME = 'rightsdesk.lock-socket'
// sun_path is 108 bytes on Linux including the terminating NUL (104 on macOS): stay under both.
const MAX_SOCKET_PATH = 103
// Recovering a stale socket is serialised by this directory, so two processes starting together after a
// crash cannot both unlink-and-listen. Older than this, it was left by a process that died mid-recovery.
const RECOVERY_STALE_MS = 10_000

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const dir = path.resolve(dataDir)
  await ensureWritableDataDir(dir)
  const socketPath = await lockSocketPath(dir)
  const server = net.createServer((conn) => conn.end(String(process.pid)))
  server.on('error', () => undefined) // errors after listen (none expected) must not crash the process
  if (!(await tryListen(server, socketPath))) await takeOverStale(server, socketPath, dir)
  // The lock must never keep the process alive on its own.
  server.unref()
  let released: Promise<void> | undefined
  return {
    socketPath,
    release() {
      // Closing a listening Unix socket also removes its file (libuv unlinks it).
      released ??= new Promise<void>((resolve) => server.close(() => resolve()))
      return released
    },
  }
}

/** Creates the directory if needed and proves we can write in it, with a one-line error if not. */
export async function ensureWritableDataDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true })
    const probe = path.join(dir, `.write-test-${process.pid}`)
    await fs.writeFile(probe, '')
    await fs.rm(probe)
  } catch (err) {
    throw new Error(
      `The data directory ${dir} is not writable: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      {
        cause: err,
      },
    )
  }
}

async function lockSocketPath(dir: string): Promise<string> {
  const inDir = path.join(dir, LOCK_NAME)
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH) return inDir
  // Too deep for a socket: key a socket in the temp dir by the real path, so every spelling of this
  // directory (symlinks, relative paths) meets the same lock, and leave a note saying where it is.
  const hash = createHash('sha256')
    .update(await fs.realpath(dir))
    .digest('hex')
    .slice(0, 32)
  const socketPath = path.join(os.tmpdir(), `rightsdesk-${hash}.lock`)
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(`Cannot lock the data directory ${dir}: the temp directory ${os.tmpdir()} path is too long`)
  }
  const note = `The lock for this data directory is the socket ${socketPath} (this path is too long for a socket).\n`
  await fs.writeFile(path.join(dir, POINTER_NAME), note)
  return socketPath
}

/** Listens on the socket; false when the address is taken (live holder or stale file). */
function tryListen(server: net.Server, socketPath: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (err.code === 'EADDRINUSE') resolve(false)
      else reject(new Error(`Cannot lock the data directory (socket ${socketPath}): ${err.code ?? err.message}`))
    }
    const onListening = () => {
      server.off('error', onError)
      resolve(true)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(socketPath)
  })
}

type Probe = { live: true; pid: number | undefined } | { live: false }

/** Connects to the socket: a live holder answers with its pid; a stale file refuses the connection. */
function probeHolder(socketPath: string): Promise<Probe> {
  return new Promise((resolve) => {
    const conn = net.connect(socketPath)
    let text = ''
    let connected = false
    // A holder whose event loop is busy still accepts (the kernel does), but may be slow to answer.
    const timer = setTimeout(() => conn.destroy(), 2_000)
    conn.setEncoding('utf8')
    conn.on('connect', () => (connected = true))
    conn.on('data', (chunk: string) => (text += chunk))
    conn.on('error', () => undefined)
    conn.on('close', () => {
      clearTimeout(timer)
      const pid = Number.parseInt(text, 10)
      resolve(connected ? { live: true, pid: Number.isFinite(pid) ? pid : undefined } : { live: false })
    })
  })
}

async function takeOverStale(server: net.Server, socketPath: string, dataDir: string): Promise<void> {
  const first = await probeHolder(socketPath)
  if (first.live) throw new DataDirLockedError(dataDir, first.pid)
  await withRecoveryMutex(`${socketPath}.recovering`, async () => {
    // Check again under the mutex: another process may have recovered it since our probe.
    const again = await probeHolder(socketPath)
    if (again.live) throw new DataDirLockedError(dataDir, again.pid)
    await fs.rm(socketPath, { force: true })
    if (await tryListen(server, socketPath)) return
    const holder = await probeHolder(socketPath)
    throw new DataDirLockedError(dataDir, holder.live ? holder.pid : undefined)
  })
}

async function withRecoveryMutex(mutexDir: string, fn: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + RECOVERY_STALE_MS + 5_000
  for (;;) {
    try {
      await fs.mkdir(mutexDir)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw err
      const age = await fs.stat(mutexDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (age > RECOVERY_STALE_MS) await fs.rm(mutexDir, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 50))
    }
  }
  try {
    await fn()
  } finally {
    await fs.rm(mutexDir, { recursive: true, force: true })
  }
}
