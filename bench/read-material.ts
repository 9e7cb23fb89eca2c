/**
 * "Read the material" to ready for review: the demo office's disclosure case (three short documents: a two-page
 * witness statement, an email, a call log) is read as a reviewer asks for it, and the preparation job is timed from
 * the request to every document ready (run done). Target: within 5 s on an idle machine.
 *
 * The built product does the work (dist/: the job worker as `rightsdesk start` runs it, in one process with the
 * web half's enqueue). Before each round the case is put back as the demo leaves it (nothing read). Prints the
 * machine's load average and the CPU time of this process (main thread and worker threads; the database is
 * another process) beside wall times, since wall time on a shared machine means little alone.
 *
 *   npm run build && npx tsx bench/read-material.ts [--runs 5]
 *
 * Uses DATABASE_URL when set (a fresh database is created beside it and dropped after); otherwise the embedded
 * PostgreSQL in a temporary data directory.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import pino from 'pino'

const dist = (p: string) => new URL(`../dist/${p}`, import.meta.url).href
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function freshDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL
  if (!admin) return { drop: async () => undefined }
  const name = `bench_read_${process.pid}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

async function main(): Promise<void> {
  const { loadConfig } = await import(dist('config.js'))
  const { createServices } = await import(dist('services.js'))
  const { seedDemo } = await import(dist('cli/demo/seed-demo.js'))
  const { startWorker } = await import(dist('jobs/worker.js'))
  const { requestPreparation, findRun } = await import(dist('application/disclosure/runs.js'))
  const { demoEmail } = await import(dist('cli/demo/demo-controllers.js'))

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'read-material-'))
  const db = await freshDatabase()
  const config = loadConfig({
    ...process.env,
    RIGHTSDESK_DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'development',
  })
  const services = await createServices(config, 'both')
  try {
    await seedDemo(services.app)
    await startWorker({
      jobs: services.jobs,
      mailer: services.mailer,
      log: pino({ level: 'silent' }),
      app: services.app,
      sweepCron: '0 0 1 1 *',
    })
    const pool = services.db.pool as pg.Pool
    const user = await pool.query('SELECT id, name, controller_ids FROM users WHERE email = $1', [
      demoEmail('dp-manager'),
    ])
    const u = user.rows[0]
    const actor = { kind: 'user', id: u.id, name: u.name, roles: ['dp-manager'], controllerIds: u.controller_ids }
    // The demo's disclosure case: the one case holding material.
    const demo = await pool.query<{ case_id: string }>(
      "SELECT DISTINCT case_id FROM documents WHERE kind = 'material' LIMIT 1",
    )
    const demoCase = demo.rows[0]!.case_id
    console.log(`load average before: ${load()} (1, 5, 15 min; 2 cores)`)
    console.log('| round | request → ready (wall) | of which waiting for the job | reading | CPU of the process |')
    console.log('|---|---:|---:|---:|---:|')
    const walls: number[] = []
    for (let round = 0; round <= Number(values.runs); round++) {
      const caseId = await resetCase(pool, demoCase)
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const requested = new Date()
      const run = await requestPreparation(services.app, actor, caseId)
      let done = run
      while (done.status !== 'done' && done.status !== 'failed') {
        await new Promise((r) => setTimeout(r, 20))
        done = (await findRun(pool, run.id))!
      }
      const wall = (performance.now() - t0) / 1000
      const c = process.cpuUsage(cpu0)
      if (done.status !== 'done') throw new Error(`preparation failed: ${done.error}`)
      const started = await pool.query<{ started_at: Date; finished_at: Date }>(
        'SELECT started_at, finished_at FROM disclosure_runs WHERE id = $1',
        [run.id],
      )
      const wait = (started.rows[0]!.started_at.getTime() - requested.getTime()) / 1000
      const reading = (started.rows[0]!.finished_at.getTime() - started.rows[0]!.started_at.getTime()) / 1000
      // Round 0 warms the process (first use of the PDF engine, the gazetteers, the OCR engine): reported apart.
      const label = round === 0 ? 'first (cold)' : String(round)
      if (round > 0) walls.push(wall)
      console.log(
        `| ${label} | ${wall.toFixed(2)} s | ${wait.toFixed(2)} s | ${reading.toFixed(2)} s | ${((c.user + c.system) / 1e6).toFixed(2)} s |`,
      )
    }
    walls.sort((a, b) => a - b)
    console.log(
      `median of ${walls.length} warm rounds: ${walls[Math.floor(walls.length / 2)]?.toFixed(2)} s (target < 5 s idle)`,
    )
    console.log(`load average after: ${load()}`)
  } finally {
    await services.close()
    await db.drop()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

/** The case as the demo leaves it: material added, nothing read (what a reviewer meets before "Read the material"). */
async function resetCase(pool: pg.Pool, caseId: string): Promise<string> {
  await pool.query(
    `DELETE FROM disclosure_run_parts WHERE run_id IN (SELECT id FROM disclosure_runs WHERE case_id = $1)`,
    [caseId],
  )
  for (const table of ['redactions', 'disclosure_withheld_pages', 'disclosure_items', 'disclosure_runs'])
    await pool.query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId])
  return caseId
}

await main()
