import { randomUUID } from 'node:crypto'
import { can } from '../../domain/index.js'
import type { CaseEvent, CaseState, Permission, Role } from '../../domain/index.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { renderEmail } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { recordAudit } from './audit.js'

/**
 * Telling the person who must act (issue 14: "the reviewer is not told a draft waits"). Each notification is kept
 * for its recipient's staff home until cleared, and emailed either at once or in one daily digest, as each person
 * chooses. Emails name the case reference and the kind of thing only: no personal data of the requester leaves the
 * system in them (UK GDPR Art 5(1)(f), Art 32), the case is opened by its link.
 */
export const NOTIFICATION_KINDS = ['draft-review', 'requester-replied', 'task-returned', 'appeal-received'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFY_MODES = ['immediate', 'digest'] as const
export type NotifyMode = (typeof NOTIFY_MODES)[number]

export interface StaffNotification {
  id: string
  caseId: string
  reference: string
  kind: NotificationKind
  createdAt: Date
}

/** Records one notification for each person named (once each) and queues the email of those who want it at once. */
export async function notifyStaffIn(
  tx: Tx,
  deps: AppDeps,
  n: { userIds: readonly string[]; caseId: string; reference: string; kind: NotificationKind },
): Promise<number> {
  const ids = [...new Set(n.userIds)]
  if (ids.length === 0) return 0
  const people = await tx.query<{ id: string; email: string; notify_mode: string }>(
    `SELECT id, email, notify_mode FROM users WHERE id = ANY($1::uuid[]) AND NOT disabled`,
    [ids],
  )
  const now = deps.clock.now()
  for (const person of people.rows) {
    const immediate = person.notify_mode !== 'digest'
    await tx.query(
      `INSERT INTO staff_notifications (id, user_id, case_id, kind, reference, created_at, emailed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), person.id, n.caseId, n.kind, n.reference, now, immediate ? now : null],
    )
    if (!immediate) continue
    const mail = renderEmail('staff-notification', {
      kind: n.kind,
      reference: n.reference,
      caseUrl: `${deps.baseUrl}/staff/cases/${n.caseId}`,
      settingsUrl: `${deps.baseUrl}/staff/account/notifications`,
    })
    const job: EmailJob = { to: [person.email], subject: mail.subject, text: mail.body }
    await deps.jobs.enqueue(tx, 'email-send', job)
  }
  return people.rowCount ?? 0
}

interface Person {
  id: string
  roles: Role[]
}

/** Active staff of a controller holding a permission (who decides appeals, who may approve a draft). */
async function holders(db: Queryable, controllerId: string, permission: Permission): Promise<Person[]> {
  const r = await db.query<Person>(`SELECT id, roles FROM users WHERE NOT disabled AND $1 = ANY(controller_ids)`, [
    controllerId,
  ])
  return r.rows.filter((u) => can(u.roles, permission))
}

/**
 * Who is told a draft waits: the approvers other than its author (four eyes). The Chief Executive may approve too,
 * but decides appeals (seed 002: the reviewer signs off responses), so is told only when nobody else can approve.
 */
async function reviewersOf(db: Queryable, controllerId: string, author: Actor): Promise<string[]> {
  const approvers = (await holders(db, controllerId, 'case:approve')).filter((u) => u.id !== author.id)
  const reviewers = approvers.filter((u) => !can(u.roles, 'review:decide'))
  return (reviewers.length ? reviewers : approvers).map((u) => u.id)
}

/**
 * Notifications that follow from a case's events, in the same transaction: a draft submitted waits for an approver
 * who did not write it (four eyes, seed 002: the reviewer signs off every response); an appeal (internal review)
 * logged waits for whoever decides appeals (the Chief Executive).
 */
export async function notifyFromEventsIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  events: readonly CaseEvent[],
): Promise<void> {
  const base = { caseId: state.id, reference: state.reference }
  if (events.some((e) => e.type === 'DraftSubmitted') && state.caseType !== 'review') {
    await notifyStaffIn(tx, deps, {
      ...base,
      userIds: await reviewersOf(tx, state.controllerId, actor),
      kind: 'draft-review',
    })
  }
  if (events.some((e) => e.type === 'RequestLogged') && state.caseType === 'review') {
    const deciders = (await holders(tx, state.controllerId, 'review:decide'))
      .map((u) => u.id)
      .filter((id) => id !== actor.id)
    await notifyStaffIn(tx, deps, { ...base, userIds: deciders, kind: 'appeal-received' })
  }
}

/** The notifications waiting on this person's staff home, newest first. */
export async function notificationsFor(db: Queryable, actor: Actor, limit = 10): Promise<StaffNotification[]> {
  const r = await db.query<{
    id: string
    case_id: string
    reference: string
    kind: NotificationKind
    created_at: Date
  }>(
    `SELECT id, case_id, reference, kind, created_at FROM staff_notifications
      WHERE user_id = $1 AND cleared_at IS NULL ORDER BY created_at DESC, id LIMIT $2`,
    [actor.id, limit],
  )
  return r.rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    reference: row.reference,
    kind: row.kind,
    createdAt: row.created_at,
  }))
}

/** Clears this person's notifications (their own only: an id of anyone else's clears nothing). */
export async function clearNotifications(deps: AppDeps, actor: Actor, ids: readonly string[] | 'all'): Promise<number> {
  const r =
    ids === 'all'
      ? await deps.pool.query(
          `UPDATE staff_notifications SET cleared_at = $2 WHERE user_id = $1 AND cleared_at IS NULL`,
          [actor.id, deps.clock.now()],
        )
      : await deps.pool.query(
          `UPDATE staff_notifications SET cleared_at = $2
            WHERE user_id = $1 AND cleared_at IS NULL AND id::text = ANY($3::text[])`,
          [actor.id, deps.clock.now(), ids],
        )
  return r.rowCount ?? 0
}

export async function notifyModeOf(db: Queryable, actor: Actor): Promise<NotifyMode> {
  const r = await db.query<{ notify_mode: string }>('SELECT notify_mode FROM users WHERE id = $1', [actor.id])
  return r.rows[0]?.notify_mode === 'digest' ? 'digest' : 'immediate'
}

/** A person's own choice of immediate emails or a daily digest, audited as a change to their account. */
export async function setNotifyMode(deps: AppDeps, actor: Actor, mode: NotifyMode): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    await tx.query('UPDATE users SET notify_mode = $2 WHERE id = $1', [actor.id, mode])
    await recordAudit(tx, deps, actor, {
      command: 'SetNotifyMode',
      eventType: 'NotifyModeChanged',
      payload: { userId: actor.id, mode },
    })
  })
}

/**
 * The daily digest (worker, on a cron): one email to each person who chose it, listing what arrived since their
 * last one. Rows are claimed with SKIP LOCKED and marked in the same transaction as the queued email, so two workers
 * never send the same item twice and a crash sends it in the next run.
 */
export async function sendNotificationDigests(deps: AppDeps): Promise<{ people: number; items: number }> {
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ id: string; user_id: string; case_id: string; reference: string; kind: string }>(
      `SELECT n.id, n.user_id, n.case_id, n.reference, n.kind FROM staff_notifications n
         JOIN users u ON u.id = n.user_id AND NOT u.disabled
        WHERE n.emailed_at IS NULL ORDER BY n.user_id, n.created_at FOR UPDATE OF n SKIP LOCKED`,
    )
    const byUser = new Map<string, typeof r.rows>()
    for (const row of r.rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row])
    for (const [userId, items] of byUser) {
      const who = await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId])
      const email = who.rows[0]?.email
      if (!email) continue
      const mail = renderEmail('staff-digest', {
        items: items.map((i) => ({
          kind: i.kind,
          reference: i.reference,
          caseUrl: `${deps.baseUrl}/staff/cases/${i.case_id}`,
        })),
        homeUrl: `${deps.baseUrl}/staff/cases`,
        settingsUrl: `${deps.baseUrl}/staff/account/notifications`,
      })
      const job: EmailJob = { to: [email], subject: mail.subject, text: mail.body }
      await deps.jobs.enqueue(tx, 'email-send', job)
    }
    if (r.rows.length)
      await tx.query('UPDATE staff_notifications SET emailed_at = $2 WHERE id = ANY($1::uuid[])', [
        r.rows.map((row) => row.id),
        deps.clock.now(),
      ])
    return { people: byUser.size, items: r.rows.length }
  })
}
