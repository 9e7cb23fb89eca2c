/**
 * Start-up of the built product, as an operator meets it: wall time of `rightsdesk deadline …` and
 * `rightsdesk --help` beside `node -e 0` (target: within 0.3 s of it), and of `rightsdesk start` to the first
 * 200 from /ready, on a fresh data directory with the demo (target < 5 s) and on an existing one (target < 1.5 s).
 * Prints the machine's load average beside the figures: on a shared two-core machine they mean little without it.
 *
 * Run: npm run build && npx tsx bench/startup.ts [--runs 10]
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { freePort, repoRoot, waitForReady } from '../test/support/rightsdesk-process.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } })
const runs = Number(values.runs)
const bin = path.join(repoRoot, 'bin', 'rightsdesk.js')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** Wall time of one short command, in seconds; fails loudly if it does not exit 0. */
function timeCommand(args: string[]): number {
  const started = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' })
  const s = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return s
}

function commandRow(name: string, args: string[], baseline?: number): number {
  const times = Array.from({ length: runs }, () => timeCommand(args))
  const m = median(times)
  const over = baseline === undefined ? '' : `  (+${(m - baseline).toFixed(2)} s over node -e 0)`
  console.log(`| ${name.padEnd(44)} | ${m.toFixed(2)} s | ${Math.min(...times).toFixed(2)} s |${over}`)
  return m
}

/** Seconds from spawning `rightsdesk start` to a 200 from /ready; then stops it cleanly (Ctrl-C). */
async function timeStart(dataDir: string, demo: boolean): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [bin, 'start', ...(demo ? ['--demo'] : [])], {
    cwd: repoRoot,
    env: { ...process.env, RIGHTSDESK_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'test', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const gone = () => (child.exitCode === null ? undefined : `exited ${child.exitCode}: ${stderr}`)
  try {
    await waitForReady(`http://127.0.0.1:${port}`, 120_000, gone)
    return (performance.now() - started) / 1000
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
  }
}

async function main() {
  console.log(`Load average before: ${load()} (${os.cpus().length} cores), ${runs} runs each\n`)
  console.log('| command | median | fastest |')
  console.log('|---|---|---|')
  const node = commandRow('node -e 0', ['-e', '0'])
  commandRow('rightsdesk deadline --received 2026-01-31', [bin, 'deadline', '--received', '2026-01-31'], node)
  commandRow('rightsdesk --help', [bin, '--help'], node)

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-bench-start-'))
  try {
    const fresh = await timeStart(dataDir, true)
    const again: number[] = []
    for (let i = 0; i < Math.min(runs, 5); i++) again.push(await timeStart(dataDir, false))
    console.log(`\n| start to /ready | seconds |\n|---|---|`)
    console.log(`| fresh data directory, with the demo (initdb, migrate, seed) | ${fresh.toFixed(2)} s |`)
    console.log(`| existing data directory (median of ${again.length}) | ${median(again).toFixed(2)} s |`)
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
  console.log(`\nLoad average after: ${load()}`)
}

await main()
