import fs from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  apiClient,
  embeddedPostgresRunning,
  isAlive,
  makeDataDir,
  postmasterPid,
  runCli,
  sampleRequest,
  sleep,
  startRightsdesk,
  stopAllRightsdesk,
  stopOrphanedPostgres,
  type ApiClient,
  type CaseSummary,
  type RightsdeskProcess,
} from './support/rightsdesk-process.js'

/**
 * The reliability requirement: a request the API acknowledged (201) is never lost, whether
 * Rightsdesk or its embedded PostgreSQL is killed with -9 in the middle of a burst of requests. The real
 * executable runs as a child process on one data directory, as in production.
 */

// Kills per test (CRASH_TRIALS, 4 by default; every CI run adds its trials to the evidence, and a long soak is
// `CRASH_TRIALS=100 npx vitest run test/crash.int.test.ts`).
const TRIALS = Number(process.env.CRASH_TRIALS ?? 4)
const IN_FLIGHT = 4
const CORRESPONDENCE = 'correspondence@demo.rightsdesk.example'

let dataDir = ''
let token = ''
let requestNo = 0

beforeAll(async () => {
  dataDir = await makeDataDir('rightsdesk-crash-')
  const first = await startRightsdesk({ dataDir, demo: true })
  expect((await first.stop()).code).toBe(0)
  // Admin commands need the data directory to themselves, so the token is made while the server is down.
  const created = await runCli(['token', 'create', '--user', CORRESPONDENCE], { RIGHTSDESK_DATA_DIR: dataDir })
  expect(created.code, created.stderr).toBe(0)
  token = created.stdout.trim()
}, 300_000)

afterEach(async () => {
  await stopAllRightsdesk()
  await stopOrphanedPostgres(dataDir)
})

afterAll(async () => {
  await stopAllRightsdesk()
  if (!dataDir) return
  await stopOrphanedPostgres(dataDir)
  await fs.rm(dataDir, { recursive: true, force: true })
})

interface Load {
  acknowledged: CaseSummary[]
  rejected: Map<number, number>
  networkErrors: number
  stop(): Promise<void>
}

/** Logs requests with IN_FLIGHT always outstanding; only a 201 with its body read counts as acknowledged. */
function startLoad(client: () => ApiClient): Load {
  let running = true
  const load: Load = { acknowledged: [], rejected: new Map(), networkErrors: 0, stop: async () => undefined }
  const worker = async () => {
    while (running) {
      try {
        const res = await client().post<CaseSummary>('/cases', sampleRequest(++requestNo))
        if (res.status === 201) load.acknowledged.push(res.body)
        else load.rejected.set(res.status, (load.rejected.get(res.status) ?? 0) + 1)
      } catch {
        load.networkErrors += 1
        await sleep(20) // the server is gone or restarting: do not spin
      }
    }
  }
  const workers = Array.from({ length: IN_FLIGHT }, worker)
  load.stop = async () => {
    running = false
    await Promise.all(workers)
  }
  return load
}

/** Reads every acknowledged case back by its reference (and a few by id); returns how many matched. */
async function countPresent(client: ApiClient, acknowledged: CaseSummary[]): Promise<number> {
  let present = 0
  for (let i = 0; i < acknowledged.length; i += 8) {
    const batch = acknowledged.slice(i, i + 8)
    const found = await Promise.all(
      batch.map(async (ack) => {
        const res = await client.get<{ state: { id: string; reference: string } }>(`/cases/${ack.reference}`)
        return res.status === 200 && res.body.state.id === ack.id && res.body.state.reference === ack.reference
      }),
    )
    present += found.filter(Boolean).length
  }
  for (const ack of [acknowledged[0], acknowledged.at(-1)]) {
    if (!ack) continue
    const byId = await client.get<{ state: { reference: string } }>(`/cases/${ack.id}`)
    expect(byId.status).toBe(200)
    expect(byId.body.state.reference).toBe(ack.reference)
  }
  return present
}

function report(trial: number, load: Load, present: number, extra = ''): void {
  const rejected = [...load.rejected].map(([status, n]) => `${n}×${status}`).join(', ') || 'none'
  console.log(
    `trial ${trial}: ${load.acknowledged.length} acknowledged, ${present} present` +
      ` (refused: ${rejected}; network errors: ${load.networkErrors})${extra}`,
  )
}

async function expectAuditIntact(): Promise<void> {
  const result = await runCli(['audit', 'verify'], { RIGHTSDESK_DATA_DIR: dataDir })
  console.log(result.stdout.trim() || result.stderr.trim())
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^Audit trail intact: \d+ events verified\.$/m)
}

async function waitForNewPostmaster(killed: number, app: RightsdeskProcess): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(50)) {
    const died = app.exitNote()
    if (died) throw new Error(died) // Rightsdesk itself died with its database: say so now, not in a minute
    const pid = await postmasterPid(dataDir).catch(() => killed)
    if (pid !== killed && isAlive(pid)) return
  }
  throw new Error(`no new postmaster replaced pid ${killed} within 60 s`)
}

const randomDelay = () => 150 + Math.floor(Math.random() * 450)

describe('crash safety (real process, embedded PostgreSQL)', () => {
  it('every request the API acknowledged survives kill -9 of Rightsdesk', { timeout: 300_000 }, async () => {
    const references = new Set<string>()
    for (let trial = 1; trial <= TRIALS; trial++) {
      const app = await startRightsdesk({ dataDir })
      const orphan = await postmasterPid(dataDir)
      const load = startLoad(() => apiClient(app.baseUrl, token))
      await sleep(randomDelay())
      app.kill('SIGKILL')
      expect((await app.waitForExit()).signal).toBe('SIGKILL')
      await load.stop()

      const again = await startRightsdesk({ dataDir })
      expect(isAlive(orphan)).toBe(false) // the restart stopped the PostgreSQL the killed process left behind
      const present = await countPresent(apiClient(again.baseUrl, token), load.acknowledged)
      report(trial, load, present)
      expect(present).toBe(load.acknowledged.length)
      for (const ack of load.acknowledged) {
        expect(references.has(ack.reference)).toBe(false) // never handed out twice across a crash
        references.add(ack.reference)
      }
      expect((await again.stop()).code).toBe(0)
      expect(await embeddedPostgresRunning(dataDir)).toBe(false)
    }
    expect(references.size).toBeGreaterThan(0)
    await expectAuditIntact()
  })

  it(
    'every request the API acknowledged survives kill -9 of the embedded PostgreSQL',
    { timeout: 300_000 },
    async () => {
      const references = new Set<string>()
      let app: RightsdeskProcess = await startRightsdesk({ dataDir })
      for (let trial = 1; trial <= TRIALS; trial++) {
        const current = app
        const load = startLoad(() => apiClient(current.baseUrl, token))
        await sleep(randomDelay())
        const killed = await postmasterPid(dataDir)
        process.kill(killed, 'SIGKILL')
        const started = Date.now()
        // The supervisor brings the server back on the same port; the requests keep coming meanwhile.
        await waitForNewPostmaster(killed, app)
        await app.waitForReady(120_000) // crash recovery on a loaded machine
        const recoveredMs = Date.now() - started
        await sleep(200) // a few requests after the recovery too
        await load.stop()
        expect(await postmasterPid(dataDir)).not.toBe(killed)

        const restart = trial % 2 === 0
        if (restart) {
          expect((await app.stop()).code).toBe(0)
          app = await startRightsdesk({ dataDir })
        }
        const present = await countPresent(apiClient(app.baseUrl, token), load.acknowledged)
        report(trial, load, present, `; ready again after ${recoveredMs} ms${restart ? '; Rightsdesk restarted' : ''}`)
        expect(present).toBe(load.acknowledged.length)
        for (const ack of load.acknowledged) {
          expect(references.has(ack.reference)).toBe(false)
          references.add(ack.reference)
        }
      }
      expect((await app.stop()).code).toBe(0)
      expect(await embeddedPostgresRunning(dataDir)).toBe(false)
      await expectAuditIntact()
    },
  )
})
