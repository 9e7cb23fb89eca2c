import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  makeDataDir,
  repoRoot,
  runCli,
  stopAllRightsdesk,
  stopOrphanedPostgres,
  type CliResult,
} from './support/rightsdesk-process.js'

/**
 * What an operator sees when something is wrong: the real executable exits non-zero with one line on
 * stderr that says what to fix, never a stack trace. And the deadline calculator gives the spec's answers
 * through the binary itself, not only through the function the unit tests call.
 */

let scratch = ''

beforeAll(async () => {
  scratch = await makeDataDir('rightsdesk-config-')
})

afterAll(async () => {
  await stopAllRightsdesk()
  if (scratch) await fs.rm(scratch, { recursive: true, force: true })
})

function expectOneLine(result: CliResult, command: string, says: RegExp): void {
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(new RegExp(`^rightsdesk ${command}: `))
  expect(lines[0]).toMatch(says)
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.code).not.toBe(0)
}

describe('rightsdesk start with a bad configuration', () => {
  const dataDir = () => path.join(scratch, 'data')

  // It gives up rather than retrying for ever: the test's own time limit is the bound (no timed assertions).
  it('a DATABASE_URL nobody answers on: one line, and it gives up', async () => {
    const result = await runCli(['start'], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x',
      RIGHTSDESK_DATA_DIR: dataDir(),
    })
    expectOneLine(
      result,
      'start',
      /Could not connect to the PostgreSQL server at postgres:\/\/nobody@127\.0\.0\.1:1\/x/,
    )
  })

  it('a DATABASE_URL that is not a URL: a configuration error', async () => {
    const result = await runCli(['start'], { DATABASE_URL: 'not-a-url', RIGHTSDESK_DATA_DIR: dataDir() })
    expectOneLine(result, 'start', /^rightsdesk start: Configuration error: DATABASE_URL /)
    expect(result.code).toBe(2)
  })

  it('PORT=abc: a configuration error', async () => {
    const result = await runCli(['start'], { PORT: 'abc', RIGHTSDESK_DATA_DIR: dataDir() })
    expectOneLine(result, 'start', /^rightsdesk start: Configuration error: PORT /)
    expect(result.code).toBe(2)
  })

  it('a data directory that cannot be created: one line naming it', async () => {
    // We may run as root, which ignores permission bits: a directory under a regular file fails for anyone.
    await fs.writeFile(path.join(scratch, 'a-file'), '')
    const bad = path.join(scratch, 'a-file', 'data')
    const result = await runCli(['start'], { RIGHTSDESK_DATA_DIR: bad })
    expectOneLine(result, 'start', new RegExp(`The data directory ${bad} is not writable`))
  })

  it('a port already in use: one line naming the port, and no PostgreSQL left running', async () => {
    const port = await freePort()
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve))
    // A data directory of its own (not under the 0700 scratch directory: as root, PostgreSQL runs as
    // the 'postgres' user, who must be able to reach it).
    const dir = await makeDataDir('rightsdesk-busy-port-')
    try {
      const result = await runCli(['start'], { PORT: String(port), RIGHTSDESK_DATA_DIR: dir })
      expectOneLine(result, 'start', new RegExp(`Port ${port} is already in use`))
      // The embedded server it had started was stopped on the way out: the pid file is gone with it.
      await expect(fs.access(path.join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow()
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
      await stopOrphanedPostgres(dir)
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})

describe('rightsdesk usage', () => {
  it('an unknown command exits 2 with one line', async () => {
    const result = await runCli(['nosuch'])
    expectOneLine(result, 'nosuch', /unknown command/)
    expect(result.code).toBe(2)
  })

  it('an impossible date exits 2 with one line', async () => {
    const result = await runCli(['deadline', '--received', '2026-02-30'])
    expectOneLine(result, 'deadline', /--received 2026-02-30/)
    expect(result.code).toBe(2)
  })

  it('every command answers --help with exit 0', async () => {
    const listed = await runCli(['--help'])
    expect(listed.code).toBe(0)
    const names = [...listed.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1])
    const required = ['start', 'web', 'worker', 'migrate', 'seed-demo', 'create-user', 'token', 'deadline', 'audit']
    expect(names).toEqual(expect.arrayContaining(required))
    const results = await Promise.all(names.map(async (name) => ({ name, ...(await runCli([`${name}`, '--help'])) })))
    for (const r of results) {
      expect({ name: r.name, code: r.code, stderr: r.stderr }).toEqual({ name: r.name, code: 0, stderr: '' })
      expect(r.stdout, r.name).toMatch(new RegExp(`rightsdesk ${r.name}`))
    }
  })
})

interface Vector {
  received: string
  clockStops: { type: string; requested: string; resolved: string }[]
  extended: boolean
  expectedDue: string
  note: string
}

/** uk-rules.md §11.4, read from the spec itself so a vector added there is tested here too. */
async function specVectors(): Promise<Vector[]> {
  const spec = await fs.readFile(path.join(repoRoot, '..', 'shared', 'spec', 'uk-rules.md'), 'utf8')
  const section = spec.slice(spec.indexOf('### 11.4'))
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1]
  if (!json) throw new Error('no ```json block after ### 11.4 in uk-rules.md')
  return JSON.parse(json) as Vector[]
}

/** identity, fee and authority restart the clock on arrival; a clarification is an inclusive pause. */
function argvFor(v: Vector): string[] {
  const stops = v.clockStops.flatMap((s) =>
    s.type === 'clarification' ? ['--pause', `${s.requested}..${s.resolved}`] : ['--restart', s.resolved],
  )
  return ['deadline', '--received', v.received, ...stops, ...(v.extended ? ['--extended'] : [])]
}

describe('rightsdesk deadline, the binary', () => {
  it('gives the due date of every uk-rules §11.4 vector', { timeout: 180_000 }, async () => {
    const vectors = await specVectors()
    expect(vectors.length).toBeGreaterThanOrEqual(30)
    const answers: { vector: Vector; result: CliResult }[] = []
    // Each run starts a Node process with the TypeScript loader: a few at a time keeps this well under a minute.
    for (let i = 0; i < vectors.length; i += 6) {
      const batch = vectors.slice(i, i + 6)
      answers.push(
        ...(await Promise.all(batch.map(async (vector) => ({ vector, result: await runCli(argvFor(vector)) })))),
      )
    }
    const wrong = answers
      .map(({ vector, result }) => ({
        vector,
        code: result.code,
        due: result.stdout.split('\n')[0],
        err: result.stderr,
      }))
      .filter((a) => a.code !== 0 || a.due !== a.vector.expectedDue)
      .map((a) => `${a.vector.received} (${a.vector.note}): got ${a.due} exit ${a.code} ${a.err}`)
    expect(wrong).toEqual([])
  })
})
