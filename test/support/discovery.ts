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

/** Route fixtures: a source with a saved search on the case (runId, sourceId) and an intake draft (draftId). */
export async function discoveryFixtures(h: { deps: AppDeps }, caseId: string): Promise<Record<string, string>> {
  const { default: fs } = await import('node:fs/promises')
  const os = await import('node:os')
  const path = await import('node:path')
  const { registerSource } = await import('../../src/application/discovery/sources.js')
  const { runDiscovery } = await import('../../src/application/discovery/search.js')
  const { draftFromEmail } = await import('../../src/application/discovery/mailbox-intake.js')
  const users = await h.deps.pool.query<{ id: string; roles: string[]; controller_ids: string[]; name: string }>(
    "SELECT id, roles, controller_ids, name FROM users WHERE 'admin' = ANY(roles) OR 'dp-manager' = ANY(roles) ORDER BY email",
  )
  const as = (role: string): Actor => {
    const u = users.rows.find((r) => r.roles.includes(role))!
    return { kind: 'user', id: u.id, name: u.name, roles: [role as never], controllerIds: u.controller_ids }
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-fixture-mail-'))
  await fs.writeFile(path.join(dir, 'mail.mbox'), syntheticMbox(3, ['Morgan Matrix']))
  const controller = (
    await h.deps.pool.query<{ controller_id: string }>('SELECT controller_id FROM cases WHERE id = $1', [caseId])
  ).rows[0]!.controller_id
  const source = await registerSource(h.deps, as('admin'), {
    controllerId: controller,
    kind: 'mbox',
    name: 'Fixture mailbox',
    location: dir,
    ownerId: as('dp-manager').id,
    retentionNote: 'Test fixture',
  })
  await indexNow(h.deps, as('admin'), source.id)
  const runId = await runDiscovery(h.deps, as('dp-manager'), caseId, {
    subject: { names: ['Morgan Matrix'] },
    sourceIds: [source.id],
    scopeNote: '',
  })
  const raw = Buffer.from(
    'From: A Person <a@home.example>\nSubject: SAR\nMessage-ID: <fixture@home>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nPlease send my data.\n',
  )
  await draftFromEmail(h.deps, { id: '00000000-0000-4000-8000-000000000001', controller_id: controller }, raw)
  const draft = await h.deps.pool.query<{ id: string }>(
    "SELECT id FROM intake_drafts WHERE message_id = '<fixture@home>'",
  )
  return { runId, sourceId: source.id, draftId: draft.rows[0]!.id }
}
