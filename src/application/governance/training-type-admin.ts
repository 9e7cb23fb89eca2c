import { DomainError } from '../../domain/index.js'
import type { TrainingType } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { saveTrainingTypeIn } from './training.js'

/**
 * The kinds of training the office requires (seed 002's table: who needs it, how often, how long, how it is delivered
 * and by whom). Editable, because the policy is reviewed (seed 002: review date 01/08/2025) and may change.
 */

export interface TrainingTypeRecord extends TrainingType {
  /** A retired type is no longer required: it leaves the status list and reminders, its completions stay. */
  active: boolean
}

export const METHODS = ['face-to-face', 'online', 'other'] as const
export const APPLIES_TO = ['all', 'staff', 'volunteers'] as const

function toType(t: Record<string, unknown>): TrainingTypeRecord {
  return {
    id: String(t.id),
    name: String(t.name),
    deliveredBy: String(t.delivered_by),
    method: t.method as TrainingType['method'],
    lengthMinutes: Number(t.length_minutes),
    frequencyMonths: t.frequency_months === null ? null : Number(t.frequency_months),
    onCommencement: t.on_commencement === true,
    appliesTo: t.applies_to as TrainingType['appliesTo'],
    active: t.active === true,
  }
}

/** Every type, retired ones included (last), for the page where they are managed. */
export async function listTrainingTypes(deps: AppDeps, actor: Actor): Promise<TrainingTypeRecord[]> {
  requirePermission(actor, 'training:manage')
  const r = await deps.pool.query('SELECT * FROM training_types ORDER BY active DESC, name')
  return r.rows.map(toType)
}

export async function getTrainingType(deps: AppDeps, actor: Actor, typeId: string): Promise<TrainingTypeRecord> {
  requirePermission(actor, 'training:manage')
  const found = await findType(deps.pool, typeId)
  if (!found) throw new DomainError('not-found', `no training type ${typeId}`)
  return found
}

async function findType(db: Queryable, typeId: string): Promise<TrainingTypeRecord | null> {
  const r = await db.query('SELECT * FROM training_types WHERE id = $1', [typeId])
  return r.rows[0] ? toType(r.rows[0]) : null
}

/** What the form sends, as text: numbers are checked here, '' means left blank. */
export interface TrainingTypeInput {
  name: string
  deliveredBy: string
  method: string
  lengthMinutes: string
  /** Months between refreshers; '' when it is needed only once. */
  frequencyMonths: string
  onCommencement: string
  appliesTo: string
  active: boolean
}

const WHOLE = /^\d{1,4}$/

function checkType(input: TrainingTypeInput): Omit<TrainingType, 'id'> {
  const fields: Record<string, string> = {}
  if (input.name === '') fields.name = 'Enter the name of the training'
  else if (input.name.length > 120) fields.name = 'The name must be 120 characters or fewer'
  if (input.deliveredBy === '') fields.deliveredBy = 'Enter who delivers the training'
  else if (input.deliveredBy.length > 120) fields.deliveredBy = 'Who delivers it must be 120 characters or fewer'
  if (!(METHODS as readonly string[]).includes(input.method)) fields.method = 'Select how the training is delivered'
  const length = Number(input.lengthMinutes)
  if (input.lengthMinutes === '') fields.lengthMinutes = 'Enter how long the training takes, in minutes'
  else if (!WHOLE.test(input.lengthMinutes) || length < 1 || length > 1440)
    fields.lengthMinutes = 'How long it takes must be a whole number of minutes between 1 and 1440, like 60'
  const months = input.frequencyMonths === '' ? null : Number(input.frequencyMonths)
  if (months !== null && (!WHOLE.test(input.frequencyMonths) || months < 1 || months > 120))
    fields.frequencyMonths = 'How often it is repeated must be a whole number of months between 1 and 120, like 12'
  if (input.onCommencement !== 'yes' && input.onCommencement !== 'no')
    fields.onCommencement = 'Select whether it is due when someone starts'
  // A one-off course with no start-date trigger would never fall due (domain: trainingStatus).
  else if (months === null && input.onCommencement === 'no' && !fields.frequencyMonths)
    fields.frequencyMonths = 'Enter how often it is repeated, or make it due when someone starts'
  if (!(APPLIES_TO as readonly string[]).includes(input.appliesTo)) fields.appliesTo = 'Select who must do it'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid training type', { fields })
  return {
    name: input.name,
    deliveredBy: input.deliveredBy,
    method: input.method as TrainingType['method'],
    lengthMinutes: length,
    frequencyMonths: months,
    onCommencement: input.onCommencement === 'yes',
    appliesTo: input.appliesTo as TrainingType['appliesTo'],
  }
}

/** A readable, stable id from the name ("Fire safety" → "fire-safety", then "fire-safety-2" if taken). */
async function newId(db: Queryable, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'training'
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`
    if (!(await findType(db, id))) return id
  }
}

/** Adds a training type (typeId null) or changes one. Returns its id. */
export async function saveTrainingType(
  deps: AppDeps,
  actor: Actor,
  typeId: string | null,
  input: TrainingTypeInput,
): Promise<string> {
  requirePermission(actor, 'training:manage')
  const checked = checkType({ ...input, name: input.name.trim(), deliveredBy: input.deliveredBy.trim() })
  return withTransaction(deps.pool, async (tx) => {
    if (typeId !== null && !(await findType(tx, typeId)))
      throw new DomainError('not-found', `no training type ${typeId}`)
    const clash = await tx.query('SELECT 1 FROM training_types WHERE lower(name) = lower($1) AND id <> $2', [
      checked.name,
      typeId ?? '',
    ])
    if (clash.rowCount)
      throw new DomainError('validation', 'duplicate training type', {
        fields: { name: 'There is already a training type with this name' },
      })
    const id = typeId ?? (await newId(tx, checked.name))
    await saveTrainingTypeIn(tx, { id, ...checked })
    await tx.query('UPDATE training_types SET active = $2 WHERE id = $1', [id, input.active])
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'SaveTrainingType',
        eventType: typeId === null ? 'TrainingTypeAdded' : 'TrainingTypeChanged',
        payload: { id, ...checked, active: input.active },
      },
    ])
    return id
  })
}
