/**
 * How fast Rightsdesk starts and how many requests its API logs per second, measured on the real
 * executable with its embedded PostgreSQL on a fresh data directory. Prints figures; asserts nothing.
 *
 *   npx tsx bench/api-throughput.ts          (N=2000 by default; BENCH_N=500 for a quick look)
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import {
  apiClient,
  makeDataDir,
  runCli,
  sampleRequest,
  startRightsdesk,
  stopAllRightsdesk,
  stopOrphanedPostgres,
  type RightsdeskProcess,
} from '../test/support/rightsdesk-process.js'

const N = Number(process.env.BENCH_N ?? 2000)
const CONCURRENCY = [1, 8, 32]
const LOGGER = 'correspondence@demo.rightsdesk.example'
const ADMIN = 'admin@demo.rightsdesk.example'

interface Run {
  concurrency: number
  ok: number
  failed: number
  seconds: number
  p50: number
  p95: number
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await fn()
  return [value, (performance.now() - started) / 1000]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** Logs N requests with `concurrency` always in flight; latency is per request, as a client sees it. */
async function logRequests(app: RightsdeskProcess, token: string, concurrency: number, offset: number): Promise<Run> {
  const client = apiClient(app.baseUrl, token)
  const latencies: number[] = []
  let next = 0
  let failed = 0
  const worker = async () => {
    while (next < N) {
      const n = offset + next++
      const started = performance.now()
      const res = await client.post('/cases', sampleRequest(n)).catch(() => ({ status: 0 }))
      latencies.push(performance.now() - started)
      if (res.status !== 201) failed += 1
    }
  }
  const [, seconds] = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)))
  latencies.sort((a, b) => a - b)
  const ok = N - failed
  return { concurrency, ok, failed, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) }
}

async function createToken(dataDir: string, email: string): Promise<string> {
  const result = await runCli(['token', 'create', '--user', email], { RIGHTSDESK_DATA_DIR: dataDir })
  if (result.code !== 0) throw new Error(`token create failed: ${result.stderr.trim()}`)
  return result.stdout.trim()
}

function table(rows: string[][]): string {
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n')
}

async function main(): Promise<void> {
  const dataDir = await makeDataDir('rightsdesk-bench-')
  try {
    const [first, firstStart] = await timed(() => startRightsdesk({ dataDir, demo: true }))
    await first.stop()
    const token = await createToken(dataDir, LOGGER)
    const adminToken = await createToken(dataDir, ADMIN)
    const [app, secondStart] = await timed(() => startRightsdesk({ dataDir }))

    const runs: Run[] = []
    for (const [i, concurrency] of CONCURRENCY.entries()) {
      runs.push(await logRequests(app, token, concurrency, i * N))
      process.stderr.write(`concurrency ${concurrency} done\n`)
    }
    // The same check over HTTP, while running: the chain walk alone, without a process and database start.
    const [online, onlineSeconds] = await timed(() =>
      apiClient(app.baseUrl, adminToken, 300_000).get<{ ok: boolean; count: number }>('/audit/verify'),
    )
    const [, stopSeconds] = await timed(() => app.stop())
    const [verify, verifySeconds] = await timed(() => runCli(['audit', 'verify'], { RIGHTSDESK_DATA_DIR: dataDir }))
    const events = /(\d+) events verified/.exec(verify.stdout)?.[1] ?? `failed: ${verify.stderr.trim()}`

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
    console.log(`\nRightsdesk API throughput: ${os.cpus().length} × ${cpu}, Node ${process.version}, N=${N}\n`)
    console.log(
      table([
        ['Measure', 'Result'],
        ['---', '---'],
        ['`start --demo` on a fresh data dir, to /ready 200', `${firstStart.toFixed(1)} s`],
        ['`start` on the existing data dir, to /ready 200', `${secondStart.toFixed(1)} s`],
        ['Clean stop (SIGINT) after the load', `${stopSeconds.toFixed(1)} s`],
        [`\`audit verify\` (CLI, whole process) over ${events} events`, `${verifySeconds.toFixed(1)} s`],
        [
          `GET /api/v1/audit/verify over ${online.body.count} events (ok: ${online.body.ok})`,
          `${onlineSeconds.toFixed(2)} s`,
        ],
      ]),
    )
    console.log('')
    console.log(
      table([
        ['Concurrency', 'Requests (201)', 'Failed', 'Requests/s', 'p50 latency', 'p95 latency'],
        ['---:', '---:', '---:', '---:', '---:', '---:'],
        ...runs.map((r) => [
          String(r.concurrency),
          String(r.ok),
          String(r.failed),
          (N / r.seconds).toFixed(0),
          `${r.p50.toFixed(1)} ms`,
          `${r.p95.toFixed(1)} ms`,
        ]),
      ]),
    )
  } finally {
    await stopAllRightsdesk()
    await stopOrphanedPostgres(dataDir)
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

await main()
