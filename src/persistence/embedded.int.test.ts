import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { describe, it, expect } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js'
import { startEmbeddedPostgres } from './embedded.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')
const lockModule = path.join(here, 'data-dir-lock.ts')
const embeddedModule = path.join(here, 'embedded.ts')

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-embedded-'))
  try {
    await fn(dir)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** Runs a TypeScript snippet in a separate Node process; resolves with its first stdout line. */
function runChild(code: string): { child: ChildProcess; firstLine: Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) resolve(out.slice(0, nl))
    })
    child.once('exit', (c) => reject(new Error(`child exited (${c}) before answering: ${stderr}`)))
  })
  return { child, firstLine, exited }
}

async function killAndWait(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  child.kill('SIGKILL')
  await exited
}

async function postmasterPid(dataDir: string): Promise<number> {
  const text = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
  return Number.parseInt(text.split('\n')[0] ?? '', 10)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function retry<T>(fn: () => Promise<T>, attempts: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (err) {
      if (i >= attempts) throw err
      await sleep(100)
    }
  }
}

/** Alive and not a zombie: an exited orphan waits as a zombie until PID 1 gets round to reaping it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** Live postgres processes serving dir/pg, found by command line: one still starting has no pid file yet. */
async function postgresOn(dir: string): Promise<number[]> {
  const found: number[] = []
  for (const name of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const cmdline = await fs.readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')
    if (cmdline.split('\0').includes(path.join(dir, 'pg')) && isAlive(Number(name))) found.push(Number(name))
  }
  return found
}

describe('embedded PostgreSQL', () => {
  it('keeps committed data across a stop and a start on the same data directory', async () => {
    await withTempDir(async (dir) => {
      const first = await startEmbeddedPostgres({ dataDir: dir, log: () => undefined })
      try {
        await query(first.url, 'CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)')
        await query(first.url, 'INSERT INTO note VALUES (1, $1)', ['survives'])
      } finally {
        await first.stop()
      }
      await first.stop() // idempotent
      const second = await startEmbeddedPostgres({ dataDir: dir, log: () => undefined })
      try {
        expect(await query(second.url, 'SELECT body FROM note')).toEqual([{ body: 'survives' }])
        const [settings] = await query<{ fsync: string; enc: string }>(
          second.url,
          "SELECT current_setting('fsync') AS fsync, pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()",
        )
        expect(settings).toEqual({ fsync: 'on', enc: 'UTF8' })
        expect((await fs.stat(path.join(dir, 'keys', 'pg-password'))).mode & 0o777).toBe(0o600)
      } finally {
        await second.stop()
      }
    })
  })

  it('refuses a second process on a locked data directory, and takes over a stale lock after kill -9', async () => {
    await withTempDir(async (dir) => {
      const lock = await acquireDataDirLock(dir)
      const second = runChild(
        `import { acquireDataDirLock } from ${JSON.stringify(lockModule)}
         acquireDataDirLock(${JSON.stringify(dir)}).then(() => console.log('ACQUIRED'), (e) => console.log(e.message))`,
      )
      const message = await second.firstLine
      await second.exited
      expect(message).toBe(
        `Another Rightsdesk process (pid ${process.pid}) is already using the data directory ${dir}. Stop it first, or set RIGHTSDESK_DATA_DIR to another directory.`,
      )
      await lock.release()

      const holder = runChild(
        `import { acquireDataDirLock } from ${JSON.stringify(lockModule)}
         await acquireDataDirLock(${JSON.stringify(dir)}); console.log('HELD'); setInterval(() => {}, 1000)`,
      )
      expect(await holder.firstLine).toBe('HELD')
      const refused = await acquireDataDirLock(dir).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(DataDirLockedError)
      expect((refused as Error).message).toContain(`Another Rightsdesk process (pid ${holder.child.pid})`)
      await killAndWait(holder.child, holder.exited)
      const retaken = await acquireDataDirLock(dir) // the socket file is still there, but nobody answers
      await retaken.release()
    })
  })

  it('locks a data directory whose path is too long for a socket through the temp directory', async () => {
    await withTempDir(async (base) => {
      const dir = path.join(base, 'a-rather-long-directory-name-'.repeat(4), 'data')
      const lock = await acquireDataDirLock(dir)
      try {
        expect(path.dirname(lock.socketPath)).toBe(os.tmpdir())
        await expect(acquireDataDirLock(dir)).rejects.toThrow(/Another Rightsdesk process/)
      } finally {
        await lock.release()
      }
    })
  })

  it('stops the PostgreSQL orphaned by a killed Rightsdesk and starts again with its data', async () => {
    await withTempDir(async (dir) => {
      const app = runChild(
        `import { acquireDataDirLock } from ${JSON.stringify(lockModule)}
         import { startEmbeddedPostgres } from ${JSON.stringify(embeddedModule)}
         await acquireDataDirLock(${JSON.stringify(dir)})
         const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, log: () => {} })
         console.log(db.url); setInterval(() => {}, 1000)`,
      )
      const url = await app.firstLine
      await query(url, 'CREATE TABLE note (body text)')
      await query(url, "INSERT INTO note VALUES ('committed before the crash')")
      const orphan = await postmasterPid(dir)
      await killAndWait(app.child, app.exited)
      expect(isAlive(orphan)).toBe(true) // SIGKILL never reaches the server

      const logs: string[] = []
      const lock = await acquireDataDirLock(dir)
      const db = await startEmbeddedPostgres({ dataDir: dir, log: (m) => logs.push(m) })
      try {
        expect(isAlive(orphan)).toBe(false)
        expect(logs.join('\n')).toContain(`orphaned embedded PostgreSQL (pid ${orphan})`)
        expect(await query(db.url, 'SELECT body FROM note')).toEqual([{ body: 'committed before the crash' }])
      } finally {
        await db.stop()
        await lock.release()
      }
    })
  })

  it('restarts a PostgreSQL killed under it on the same port', async () => {
    await withTempDir(async (dir) => {
      const logs: string[] = []
      let gaveUp = false
      const db = await startEmbeddedPostgres({
        dataDir: dir,
        log: (m) => logs.push(m),
        onUnexpectedExit: () => (gaveUp = true),
      })
      const pool = new pg.Pool({ connectionString: db.url, max: 2 })
      pool.on('error', () => undefined)
      try {
        await pool.query('CREATE TABLE note (body text)')
        await pool.query("INSERT INTO note VALUES ('before the kill')")
        const killed = await postmasterPid(dir)
        process.kill(killed, 'SIGKILL')
        // Backends already connected outlive their postmaster for a moment, so wait for the restart
        // itself, then prove the new server answers on the same url.
        const deadline = Date.now() + 30_000
        while (!logs.some((l) => l.includes('running again')) && Date.now() < deadline) await sleep(100)
        expect(logs.join('\n')).toContain('killed by SIGKILL unexpectedly; restarting it on port')
        expect(await postmasterPid(dir)).not.toBe(killed)
        expect(await query(db.url, 'SELECT body FROM note')).toEqual([{ body: 'before the kill' }])
        // The app's pool drops its dead connections and reconnects by itself.
        const rows = await retry(() => pool.query('SELECT body FROM note'), 10)
        expect(rows.rows).toEqual([{ body: 'before the kill' }])
        expect(gaveUp).toBe(false)
      } finally {
        await pool.end()
        await db.stop()
      }
    })
  })

  it('leaves no PostgreSQL running when the app dies while the server is being restarted', async () => {
    await withTempDir(async (dir) => {
      // The app exits just after the supervisor spawned the replacement server, before it is ready.
      const app = runChild(
        `import { startEmbeddedPostgres } from ${JSON.stringify(embeddedModule)}
         const log = (m) => { if (m.includes('restarting it')) setImmediate(() => process.exit(1)) }
         const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, log })
         console.log(db.url); setInterval(() => {}, 1000)`,
      )
      await app.firstLine
      process.kill(await postmasterPid(dir), 'SIGKILL')
      expect(await app.exited).toBe(1)
      const deadline = Date.now() + 20_000
      while ((await postgresOn(dir)).length > 0 && Date.now() < deadline) await sleep(100)
      const left = await postgresOn(dir)
      for (const pid of left) process.kill(pid, 'SIGKILL') // a failing run must not leak it either
      expect(left).toEqual([])
    })
  })

  it('says clearly when the data directory cannot be written', async () => {
    await withTempDir(async (base) => {
      // We run as root, which ignores permission bits: a directory under a regular file fails for anyone.
      await fs.writeFile(path.join(base, 'file'), '')
      const dataDir = path.join(base, 'file', 'sub')
      const error = await startEmbeddedPostgres({ dataDir, log: () => undefined }).catch((e: unknown) => e as Error)
      expect((error as Error).message).toBe(`The data directory ${dataDir} is not writable: ENOTDIR`)
      await expect(acquireDataDirLock(dataDir)).rejects.toThrow(`The data directory ${dataDir} is not writable`)

      if (process.getuid?.() === 0) {
        const closed = path.join(base, 'closed')
        await fs.mkdir(closed, { mode: 0o700 })
        await expect(
          startEmbeddedPostgres({ dataDir: path.join(closed, 'data'), log: () => undefined }),
        ).rejects.toThrow(
          /^Could not start the embedded PostgreSQL in .*: the 'postgres' system user it runs as cannot reach/,
        )
      }
    })
  })
})
