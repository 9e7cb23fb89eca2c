import { randomUUID } from 'node:crypto'
import { DomainError, isValidLocalDate, localDateInLondon, trainingStatusList } from '../../domain/index.js'
import type { TrainingPerson, TrainingStatus, TrainingType } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireAnyPermission, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'

export interface TrainingRow extends TrainingStatus {
  personName: string
  personKind: string
  email: string | null
  typeName: string
}

export async function loadTrainingTypes(db: Queryable): Promise<TrainingType[]> {
  const r = await db.query('SELECT * FROM training_types WHERE active ORDER BY name')
  return r.rows.map((t) => ({
    id: t.id,
    name: t.name,
    deliveredBy: t.delivered_by,
    method: t.method,
    lengthMinutes: t.length_minutes,
    frequencyMonths: t.frequency_months,
    onCommencement: t.on_commencement,
    appliesTo: t.applies_to,
  }))
}

export async function saveTrainingTypeIn(tx: Queryable, t: TrainingType): Promise<void> {
  await tx.query(
    `INSERT INTO training_types (id, name, delivered_by, method, length_minutes, frequency_months, on_commencement, applies_to)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (id) DO UPDATE SET name = $2, delivered_by = $3, method = $4,
     length_minutes = $5, frequency_months = $6, on_commencement = $7, applies_to = $8`,
    [t.id, t.name, t.deliveredBy, t.method, t.lengthMinutes, t.frequencyMonths, t.onCommencement, t.appliesTo],
  )
}

/** The Training Record Status List (seed 002): every current person × every training that applies. */
export async function trainingStatusReport(deps: AppDeps, actor: Actor): Promise<TrainingRow[]> {
  requireAnyPermission(actor, ['training:manage', 'training:view'])
  const types = await loadTrainingTypes(deps.pool)
  const people = await deps.pool.query(
    'SELECT id, name, kind, email, started_on, left_on FROM training_people ORDER BY name',
  )
  const completions = await deps.pool.query('SELECT person_id, type_id, completed_on FROM training_completions')
  const persons: (TrainingPerson & { email: string | null })[] = people.rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    email: p.email,
    startedOn: p.started_on,
    leftOn: p.left_on,
  }))
  const today = localDateInLondon(deps.clock.now())
  const done = completions.rows.map((c) => ({ personId: c.person_id, typeId: c.type_id, completedOn: c.completed_on }))
  const byId = new Map(persons.map((p) => [p.id, p]))
  const typeNames = new Map(types.map((t) => [t.id, t.name]))
  return trainingStatusList(types, persons, done, today).map((s) => ({
    ...s,
    personName: byId.get(s.personId)?.name ?? '',
    personKind: byId.get(s.personId)?.kind ?? '',
    email: byId.get(s.personId)?.email ?? null,
    typeName: typeNames.get(s.typeId) ?? s.typeId,
  }))
}

/** Adds a member of staff or a volunteer; their on-commencement training is due from their first day. */
export async function addTrainingPerson(
  deps: AppDeps,
  actor: Actor,
  p: { name: string; email?: string; kind: 'staff' | 'volunteer'; startedOn: string; userId?: string },
): Promise<string> {
  requirePermission(actor, 'training:manage')
  const fields: Record<string, string> = {}
  if (p.name.trim() === '') fields.name = 'Enter the person’s name'
  if (!isValidLocalDate(p.startedOn)) fields.startedOn = 'Enter the date they started, as a real date'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid person', { fields })
  const id = randomUUID()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      'INSERT INTO training_people (id, name, email, kind, user_id, started_on) VALUES ($1,$2,$3,$4,$5,$6)',
      [id, p.name.trim(), p.email ?? null, p.kind, p.userId ?? null, p.startedOn],
    )
    await audit(tx, deps, actor, 'AddTrainingPerson', 'TrainingPersonAdded', {
      personId: id,
      kind: p.kind,
      startedOn: p.startedOn,
    })
  })
  return id
}

/** Records a completed training, with the certificate document (seed 002: certificates go to the DP manager). */
export async function recordTrainingCompletion(
  deps: AppDeps,
  actor: Actor,
  c: { personId: string; typeId: string; completedOn: string; certificateDocumentId?: string },
): Promise<void> {
  requirePermission(actor, 'training:manage')
  if (!isValidLocalDate(c.completedOn) || c.completedOn > localDateInLondon(deps.clock.now())) {
    throw new DomainError('validation', 'bad date', {
      fields: { completedOn: 'Enter the date it was completed; it cannot be in the future' },
    })
  }
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      'INSERT INTO training_completions (id, person_id, type_id, completed_on, certificate_document_id, recorded_by) VALUES ($1,$2,$3,$4,$5,$6)',
      [randomUUID(), c.personId, c.typeId, c.completedOn, c.certificateDocumentId ?? null, auditActorId(actor)],
    )
    await audit(tx, deps, actor, 'RecordTrainingCompletion', 'TrainingCompleted', c)
  })
}

async function audit(tx: Tx, deps: AppDeps, actor: Actor, command: string, eventType: string, payload: unknown) {
  await appendAudit(tx, [
    { caseId: null, actorId: auditActorId(actor), occurredAt: deps.clock.now(), command, eventType, payload },
  ])
}

/** CSV of the status list with stable column names (documented in docs/reports-csv.md). */
export function trainingCsv(rows: readonly TrainingRow[]): string {
  const header = ['person', 'kind', 'training', 'status', 'last_completed_on', 'due_on']
  const cell = (v: string | null) => {
    const s = v ?? ''
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = rows.map((r) =>
    [r.personName, r.personKind, r.typeName, r.state, r.lastCompletedOn, r.dueOn].map(cell).join(','),
  )
  return [header.join(','), ...lines].join('\r\n') + '\r\n'
}

/**
 * Emails each person whose training is due soon, due or overdue, once per due date (remembered as audit
 * events, so a rerun on the same day sends nothing twice). People without an email address are skipped;
 * they appear on the status list the DP manager reviews.
 */
export async function sendTrainingReminders(deps: AppDeps): Promise<number> {
  const system: Actor = { kind: 'system', id: 'system', name: 'Rightsdesk', roles: [], controllerIds: null }
  const rows = (await trainingStatusReportAs(deps, system)).filter((r) => r.state !== 'complete' && r.email && r.dueOn)
  let sent = 0
  for (const row of rows) {
    const key = { personId: row.personId, typeId: row.typeId, dueOn: row.dueOn }
    await withTransaction(deps.pool, async (tx) => {
      const seen = await tx.query(
        "SELECT 1 FROM audit_events WHERE event_type = 'TrainingReminderSent' AND payload @> $1::jsonb LIMIT 1",
        [JSON.stringify(key)],
      )
      if (seen.rowCount) return
      const when = row.state === 'overdue' ? `was due on ${row.dueOn}` : `is due on ${row.dueOn}`
      const text = `Hello ${row.personName},\n\nYour "${row.typeName}" ${when}. Please book or complete it, and send the certificate to the Data Protection Manager.\n`
      await deps.jobs.enqueue(tx, 'email-send', {
        to: [row.email],
        subject: `Data protection training: ${row.typeName}`,
        text,
      })
      await appendAudit(tx, [
        {
          caseId: null,
          actorId: 'system',
          occurredAt: deps.clock.now(),
          command: 'SendTrainingReminder',
          eventType: 'TrainingReminderSent',
          payload: key,
        },
      ])
      sent += 1
    })
  }
  return sent
}

async function trainingStatusReportAs(deps: AppDeps, actor: Actor) {
  return trainingStatusReport(deps, actor)
}
