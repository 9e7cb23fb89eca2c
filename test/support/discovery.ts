import type { Actor } from '../../src/application/actor.js'
import type { AppDeps } from '../../src/application/deps.js'
import { latestRun, planRun, runUnit, startIndexing } from '../../src/application/discovery/index-runs.js'

/** Indexes a source the way the worker does (plan, then every unit), in this process, and returns the run. */
export async function indexNow(deps: AppDeps, actor: Actor, sourceId: string) {
  const run = await startIndexing(deps, actor, sourceId)
  await planRun(deps, run.id)
  const units = await deps.pool.query<{ id: string }>(
    `SELECT id FROM discovery_index_units WHERE run_id = $1 AND status <> 'done' ORDER BY unit_key`,
    [run.id],
  )
  for (const u of units.rows) await runUnit(deps, u.id)
  return (await latestRun(deps.pool, sourceId))!
}

/** An mbox of `n` small messages; message i is from person i % names.length. */
export function syntheticMbox(n: number, names: string[], start = 0): string {
  const out: string[] = []
  for (let i = start; i < start + n; i++) {
    const name = names[i % names.length]!
    const local = name.toLowerCase().replace(/\s+/g, '.')
    out.push(
      `From MAILER-DAEMON Mon Mar  2 10:00:00 2026\nMessage-ID: <m${i}@force.example>\nDate: Mon, 2 Mar 2026 10:${String(i % 60).padStart(2, '0')}:00 +0000\nFrom: ${name} <${local}@force.example>\nTo: control.room@force.example\nSubject: Report ${i}\n\nLog ${i}. Spoke to ${name} about the incident.\nFrom the desk: nothing more.\n`,
    )
  }
  return out.join('\n')
}
