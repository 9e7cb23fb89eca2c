import { randomUUID } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { Actor } from '../../application/actor.js'
import type { AppDeps } from '../../application/deps.js'
import { applyCommand } from '../../application/apply-command.js'
import { logRequestIn } from '../../application/log-request.js'
import { addDays, localDateInLondon } from '../../domain/index.js'
import type { CaseState, Role } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { upsertController } from '../../persistence/repositories/controller-repository.js'
import { countUsers, insertUser } from '../../persistence/repositories/user-repository.js'
import type { Services } from '../../services.js'
import { DEMO_CASES, type DemoCase, type DemoIds } from './demo-cases.js'
import { demoHistory } from './demo-history.js'
import { seedGovernanceIn } from './demo-governance.js'
import {
  DEMO_CONTROLLERS,
  DEMO_PASSWORD,
  DEMO_SECOND_ADMIN,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  demoEmail,
} from './demo-controllers.js'
import { DEFAULT_SETTINGS } from '../../application/casework/settings.js'
import { seedDemoSettings, seedDemoTask, withDemoLetter } from './demo-casework.js'
import { DEMO_MATERIAL } from './demo-material.js'
import { storeDocumentIn } from '../../application/store-document.js'

export interface SeedResult {
  users: { email: string; role: string; authenticator: boolean }[]
  password: string
  /** The authenticator-app secret of the demo accounts that must use one (`rightsdesk demo-code` prints its code). */
  totpSecret: string
  cases: number
}

/** Fills an empty database with the demo office. Does nothing (returns null) if any user exists. */
export async function seedDemoIfEmpty(services: Services): Promise<SeedResult | null> {
  if ((await countUsers(services.db.pool)) > 0) return null
  return seedDemo(services.app)
}

/** All or nothing: one transaction, so an interrupted seed leaves an empty database to seed again. */
export async function seedDemo(deps: AppDeps): Promise<SeedResult> {
  return withTransaction(deps.pool, (tx) => seedIn(tx, deps))
}

async function seedIn(tx: Tx, deps: AppDeps): Promise<SeedResult> {
  for (const c of DEMO_CONTROLLERS) await upsertController(tx, c)
  const passwordHash = await hash(DEMO_PASSWORD)
  const actors = new Map<string, Actor>()
  const controllerIds = DEMO_CONTROLLERS.map((c) => c.id)
  const totpSecret = (role: string) =>
    DEFAULT_SETTINGS.totpRequiredRoles.includes(role as Role) ? DEMO_TOTP_SECRET : null
  for (const u of DEMO_USERS) {
    const id = randomUUID()
    await insertUser(tx, {
      id,
      email: demoEmail(u.role),
      name: u.name,
      roles: [u.role],
      controllerIds,
      passwordHash,
      totpSecret: totpSecret(u.role),
    })
    actors.set(u.role, { kind: 'user', id, name: u.name, roles: [u.role as Role], controllerIds })
  }
  const second = DEMO_SECOND_ADMIN
  await insertUser(tx, {
    ...second,
    id: randomUUID(),
    roles: [second.role],
    controllerIds,
    passwordHash,
    totpSecret: DEMO_TOTP_SECRET,
  })
  // A year of history replayed is not news to anyone: nobody is emailed for it (their choice is restored below).
  await tx.query(`UPDATE users SET notify_mode = 'digest'`)
  const ids: DemoIds = { dpManager: actors.get('dp-manager')!.id, reviewer: actors.get('reviewer')!.id }
  const today = localDateInLondon(deps.clock.now())
  await seedDemoSettings(tx, deps.clock.now())
  const created = new Map<string, CaseState>()
  // A year of closed requests first (so references run in date order), then the current caseload.
  for (const demo of [...demoHistory(), ...DEMO_CASES]) {
    const state = await seedCase(
      tx,
      deps,
      actors,
      { ...ids, parentCaseId: demo.about ? created.get(demo.about)?.id : undefined },
      demo,
      today,
    )
    created.set(demo.key, state)
  }
  const disclosure = created.get('disclosure-1')
  if (disclosure) await seedDemoMaterial(tx, deps, actors.get('dp-manager')!, disclosure)
  const working = created.get('work-1')
  if (working) await seedDemoTask(tx, working, ids.dpManager, actors.get('staff')!.id, today)
  const staff = [...actors.values()].map((a) => ({ id: a.id, name: a.name, email: demoEmail(a.roles[0]!) }))
  await seedGovernanceIn(tx, DEMO_CONTROLLERS, staff, today)
  await settleDemoNotifications(tx, today)
  return {
    users: [
      ...DEMO_USERS.map((u) => ({ email: demoEmail(u.role), role: u.role, authenticator: !!totpSecret(u.role) })),
      { email: second.email, role: 'second admin', authenticator: true },
    ],
    password: DEMO_PASSWORD,
    totpSecret: DEMO_TOTP_SECRET,
    cases: created.size,
  }
}

/** Replays one demo case through the real use cases, with the clock set to each step's day. */
async function seedCase(
  tx: Tx,
  deps: AppDeps,
  actors: Map<string, Actor>,
  ids: DemoIds,
  demo: DemoCase,
  today: string,
) {
  const received = addDays(today, -demo.receivedAgo)
  const on = (day: number) => addDays(received, day)
  const at = (day: number) => ({ now: () => new Date(`${on(day)}T10:${String(day % 60).padStart(2, '0')}:00Z`) })
  const correspondence = actors.get('correspondence')!
  const route = demo.controller === 'northshire-police' && demo.right === 'access' ? 'DPA_PART3' : 'UK_GDPR'
  {
    let { state } = await logRequestIn(tx, { ...deps, clock: at(0) }, correspondence, {
      controllerId: demo.controller,
      caseType: demo.caseType ?? 'rights-request',
      right: (demo.caseType ?? 'rights-request') === 'rights-request' ? demo.right : undefined,
      route,
      channel: demo.channel,
      receivedAt: at(0).now().toISOString(),
      subject: { name: demo.name, email: demo.email },
      requesterType: demo.representative ? 'solicitor-or-agent' : 'self',
      representative: demo.representative,
      request: { description: demo.description, actionWanted: 'Please deal with my request', reasons: '', details: {} },
      parentCaseId: ids.parentCaseId,
      regulatorDueOn: demo.caseType === 'regulator-case' ? addDays(today, 25) : undefined,
    })
    for (const step of demo.steps) {
      if (step.day > demo.receivedAgo) continue
      const actor = actors.get(step.by)!
      const stepDeps = { ...deps, clock: at(step.day) }
      const command = await withDemoLetter(
        tx,
        stepDeps,
        actor,
        state,
        step.command({ ...ids, route }, on),
        !demo.key.startsWith('history-'),
      )
      ;({ state } = await applyCommand(stepDeps, tx, actor, state, command))
    }
    return state
  }
}

/** The search results for the disclosure demo case, as if returned by the teams searched: ready to read and review. */
async function seedDemoMaterial(tx: Tx, deps: AppDeps, dp: Actor, state: CaseState): Promise<void> {
  for (const m of DEMO_MATERIAL)
    await storeDocumentIn(tx, deps, dp, {
      caseId: state.id,
      kind: 'material',
      filename: m.filename,
      contentType: m.contentType,
      bytes: m.bytes(),
    })
}

/**
 * The staff home's "For you" after the replay (issue 14): what still waits (a draft in review, an open appeal, from
 * the last fortnight) stays; the rest was dealt with long ago. None is emailed, now or in a digest.
 */
async function settleDemoNotifications(tx: Tx, today: string): Promise<void> {
  await tx.query(
    `UPDATE staff_notifications n SET cleared_at = n.created_at FROM cases c
      WHERE c.id = n.case_id AND (c.status IN ('closed', 'withdrawn', 'responded', 'approved') OR n.created_at < $1::date)`,
    [addDays(today, -14)],
  )
  await tx.query(`UPDATE staff_notifications SET emailed_at = created_at WHERE emailed_at IS NULL`)
  await tx.query(`UPDATE users SET notify_mode = 'immediate'`)
}
