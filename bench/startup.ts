/**
 * Start-up of the built product, as an operator meets it: wall time of `rightsdesk deadline …` and
 * `rightsdesk --help` beside `node -e 0` (target: within 0.3 s of it), and of `rightsdesk start` to the first
 * 200 from /ready, on a fresh data directory with the demo (target < 5 s) and on an existing one (target < 1.5 s).
 * Prints the machine's load average beside the figures: on a shared two-core machine wall times mean little without
 * it, so each row also gives the CPU time the process used (user + system, read from /proc as the child is reaped),
 * which other people's work on the machine changes far less.
 *
 * Run: npm run build && npx tsx bench/startup.ts [--runs 10]
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

/** CPU seconds used by this process's children that have exited (Linux: /proc/self/stat cutime + cstime). */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/** Wall and CPU time of one short command, in seconds; fails loudly if it does not exit 0. */
function timeCommand(args: string[]): { wall: number; cpu: number } {
  const cpu = childrenCpu()
  const started = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' })
  const wall = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return { wall, cpu: childrenCpu() - cpu }
}

function commandRow(name: string, args: string[], baseline?: { wall: number; cpu: number }) {
  const times = Array.from({ length: runs }, () => timeCommand(args))
  const row = { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) }
  const over = baseline
    ? ` +${(row.wall - baseline.wall).toFixed(2)} s | +${(row.cpu - baseline.cpu).toFixed(2)} s |`
    : ' | |'
  const fastest = Math.min(...times.map((t) => t.wall))
  console.log(`| ${name} | ${row.wall.toFixed(2)} s | ${fastest.toFixed(2)} s | ${row.cpu.toFixed(2)} s |${over}`)
  return row
}

/** Seconds from spawning `rightsdesk start` to a 200 from /ready, and the CPU it used by then; then stops it. */
async function timeStart(dataDir: string, demo: boolean): Promise<{ wall: number; cpu: number }> {
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
    await waitForReady(`http://127.0.0.1:${port}`, 300_000, gone)
    return { wall: (performance.now() - started) / 1000, cpu: processCpu(child.pid ?? 0) }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
  }
}

/** CPU seconds a running process has used, itself and its exited children (not the PostgreSQL still running). */
function processCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100
}

async function main() {
  console.log(`Load average before: ${load()} (${os.cpus().length} cores), ${runs} runs each\n`)
  console.log('| command | wall (median) | wall (fastest) | CPU (median) | wall over node -e 0 | CPU over node -e 0 |')
  console.log('|---|---|---|---|---|---|')
  const node = commandRow('node -e 0', ['-e', '0'])
  commandRow('rightsdesk deadline --received 2026-01-31', [bin, 'deadline', '--received', '2026-01-31'], node)
  commandRow('rightsdesk --help', [bin, '--help'], node)

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-bench-start-'))
  try {
    const fresh = await timeStart(dataDir, true)
    const again: { wall: number; cpu: number }[] = []
    for (let i = 0; i < Math.min(runs, 5); i++) again.push(await timeStart(dataDir, false))
    const wall = median(again.map((a) => a.wall))
    const cpu = median(again.map((a) => a.cpu))
    console.log(`\n| start to /ready | wall | CPU of the Rightsdesk process |\n|---|---|---|`)
    console.log(
      `| fresh data directory, with the demo (initdb, migrate, seed) | ${fresh.wall.toFixed(2)} s | ${fresh.cpu.toFixed(2)} s |`,
    )
    console.log(`| existing data directory (median of ${again.length}) | ${wall.toFixed(2)} s | ${cpu.toFixed(2)} s |`)
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
  console.log(`\nLoad average after: ${load()}`)
}

await main()
