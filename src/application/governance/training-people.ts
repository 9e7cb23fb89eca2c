import {
  DomainError,
  applies,
  compareLocalDates,
  isValidLocalDate,
  localDateInLondon,
  trainingStatus,
} from '../../domain/index.js'
import type { LocalDate, PersonKind, TrainingPerson, TrainingStatus } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireAnyPermission, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { actorName, userDirectory } from '../staff/user-directory.js'
import { addTrainingPerson, loadTrainingTypes } from './training.js'

/**
 * The people on the Training Record Status List (seed 002: "all staff/volunteers", whether or not they use
 * Rightsdesk): adding, correcting and recording that someone has left, and one person's training record.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** What a form sends: dates as YYYY-MM-DD, '' when left blank, anything else when not a real date. */
export interface TrainingPersonInput {
  name: string
  email: string
  kind: string
  startedOn: string
  /** Only when correcting a record: the day they stopped working or volunteering here ('' = still here). */
  leftOn?: string
}

function checkPerson(p: TrainingPersonInput): { kind: PersonKind; leftOn: LocalDate | null } {
  const fields: Record<string, string> = {}
  if (p.name.trim() === '') fields.name = 'Enter the person’s full name'
  else if (p.name.length > 200) fields.name = 'The name must be 200 characters or fewer'
  if (p.email !== '' && (!EMAIL.test(p.email) || p.email.length > 254))
    fields.email = 'Enter an email address in the correct format, like name@example.org'
  if (p.kind !== 'staff' && p.kind !== 'volunteer') fields.kind = 'Select whether they are staff or a volunteer'
  if (p.startedOn === '') fields.startedOn = 'Enter the date they started'
  else if (!isValidLocalDate(p.startedOn)) fields.startedOn = 'The date they started must be a real date'
  const leftOn = p.leftOn ?? ''
  if (leftOn !== '' && !isValidLocalDate(leftOn)) fields.leftOn = 'The date they left must be a real date'
  else if (leftOn !== '' && isValidLocalDate(p.startedOn) && compareLocalDates(leftOn, p.startedOn) < 0)
    fields.leftOn = 'The date they left must be the same as or after the date they started'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid training person', { fields })
  return { kind: p.kind as PersonKind, leftOn: leftOn === '' ? null : leftOn }
}

/** Adds a member of staff or a volunteer; their on-commencement training is due from the day they start. */
export async function addPerson(deps: AppDeps, actor: Actor, p: TrainingPersonInput): Promise<string> {
  requirePermission(actor, 'training:manage')
  const { kind } = checkPerson({ ...p, leftOn: '' })
  return addTrainingPerson(deps, actor, {
    name: p.name,
    kind,
    startedOn: p.startedOn,
    ...(p.email ? { email: p.email } : {}),
  })
}

/**
 * Corrects someone's details, or records that they have left: from that day they drop off the status list and
 * get no more reminders, but their record and certificates stay (seed 002: records are held in HR records).
 */
export async function updatePerson(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  p: TrainingPersonInput,
): Promise<void> {
  requirePermission(actor, 'training:manage')
  const { kind, leftOn } = checkPerson(p)
  await withTransaction(deps.pool, async (tx) => {
    const before = await findPerson(tx, personId)
    if (!before) throw new DomainError('not-found', `no training person ${personId}`)
    await tx.query(
      'UPDATE training_people SET name = $2, email = $3, kind = $4, started_on = $5, left_on = $6 WHERE id = $1',
      [personId, p.name.trim(), p.email || null, kind, p.startedOn, leftOn],
    )
    // Names and email addresses stay out of the audit trail (it outlives the record); which fields changed is enough.
    const changed = [
      before.name !== p.name.trim() ? 'name' : null,
      (before.email ?? '') !== p.email ? 'email' : null,
      before.kind !== kind ? 'kind' : null,
      before.startedOn !== p.startedOn ? 'startedOn' : null,
      before.leftOn !== leftOn ? 'leftOn' : null,
    ].filter((f): f is string => f !== null)
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'UpdateTrainingPerson',
        eventType: before.leftOn === null && leftOn !== null ? 'TrainingPersonLeft' : 'TrainingPersonUpdated',
        payload: { personId, changed, kind, startedOn: p.startedOn, leftOn },
      },
    ])
  })
}

export interface TrainingPersonRecord extends TrainingPerson {
  email: string | null
  userId: string | null
}

export async function findPerson(db: Queryable, personId: string): Promise<TrainingPersonRecord | null> {
  if (!isUuid(personId)) return null
  const r = await db.query(
    'SELECT id, name, email, kind, user_id, started_on, left_on FROM training_people WHERE id = $1',
    [personId],
  )
  const p = r.rows[0]
  if (!p) return null
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    kind: p.kind,
    userId: p.user_id,
    startedOn: p.started_on,
    leftOn: p.left_on,
  }
}

export interface CompletionView {
  id: string
  typeId: string
  typeName: string
  completedOn: LocalDate
  recordedBy: string
  certificate: { id: string; filename: string; contentType: string; size: number; deleted: boolean } | null
}

export interface TrainingPersonView {
  person: TrainingPersonRecord
  /** The team of their Rightsdesk account, when they have one (user administration). */
  team: string | null
  /** Still working or volunteering here today (on the status list). */
  current: boolean
  statuses: (TrainingStatus & { typeName: string })[]
  completions: CompletionView[]
}

/** One person's training record: where they stand on each training that applies, and everything they completed. */
export async function getTrainingPerson(deps: AppDeps, actor: Actor, personId: string): Promise<TrainingPersonView> {
  requirePermission(actor, 'training:manage')
  const person = await findPerson(deps.pool, personId)
  if (!person) throw new DomainError('not-found', `no training person ${personId}`)
  const [types, names, rows, directory] = await Promise.all([
    loadTrainingTypes(deps.pool),
    deps.pool.query('SELECT id, name FROM training_types'),
    deps.pool.query(
      `SELECT c.id, c.type_id, c.completed_on, c.recorded_by, d.id AS doc_id, d.filename, d.content_type, d.size,
              d.storage_key
         FROM training_completions c LEFT JOIN documents d ON d.id = c.certificate_document_id
        WHERE c.person_id = $1 ORDER BY c.completed_on DESC, c.recorded_at DESC`,
      [personId],
    ),
    userDirectory(deps.pool),
  ])
  const typeName = new Map<string, string>(names.rows.map((t) => [t.id, t.name]))
  const today = localDateInLondon(deps.clock.now())
  const completions: CompletionView[] = rows.rows.map((c) => ({
    id: c.id,
    typeId: c.type_id,
    typeName: typeName.get(c.type_id) ?? c.type_id,
    completedOn: c.completed_on,
    recordedBy: actorName(directory, c.recorded_by),
    certificate: c.doc_id
      ? {
          id: c.doc_id,
          filename: c.filename,
          contentType: c.content_type,
          size: Number(c.size),
          deleted: c.storage_key === null,
        }
      : null,
  }))
  const statuses = types
    .filter((t) => applies(t, person))
    .map((t) => ({
      ...trainingStatus(
        t,
        person,
        completions.filter((c) => c.typeId === t.id).map((c) => c.completedOn),
        today,
      ),
      typeName: t.name,
    }))
  const current = person.leftOn === null || compareLocalDates(person.leftOn, today) > 0
  const team = directory.find((u) => u.id === person.userId)?.team ?? null
  return { person, team, current, statuses, completions }
}

/** People who have left (no longer on the status list), newest leavers first, so their records can still be found. */
export async function listLeavers(
  deps: AppDeps,
  actor: Actor,
): Promise<{ id: string; name: string; kind: string; leftOn: LocalDate }[]> {
  requireAnyPermission(actor, ['training:manage', 'training:view'])
  const today = localDateInLondon(deps.clock.now())
  const r = await deps.pool.query(
    'SELECT id, name, kind, left_on FROM training_people WHERE left_on IS NOT NULL AND left_on <= $1 ORDER BY left_on DESC, name',
    [today],
  )
  return r.rows.map((p) => ({ id: p.id, name: p.name, kind: p.kind, leftOn: p.left_on }))
}
