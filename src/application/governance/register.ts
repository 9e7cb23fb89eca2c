import { randomUUID } from 'node:crypto'
import { DomainError, generatePrivacyNotice, validateActivity } from '../../domain/index.js'
import type { DataProtectionOfficer, PrivacyNoticeContent, ProcessingActivity } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { loadSetting, saveSettingIn } from '../settings.js'
import { readRegulator } from '../portal/regulator.js'

export async function loadActivities(db: Queryable, controllerId: string): Promise<ProcessingActivity[]> {
  const r = await db.query<{
    id: string
    controller_id: string
    name: string
    details: Omit<ProcessingActivity, 'id' | 'controllerId' | 'name'>
  }>(
    'SELECT id, controller_id, name, details FROM processing_activities WHERE controller_id = $1 ORDER BY position, name',
    [controllerId],
  )
  return r.rows.map((row) => ({ ...row.details, id: row.id, controllerId: row.controller_id, name: row.name }))
}

/** Adds or changes one activity in a controller's register (Art 30). Publishing the notice is a separate step. */
export async function saveActivity(
  deps: AppDeps,
  actor: Actor,
  activity: Omit<ProcessingActivity, 'id'> & { id?: string },
): Promise<string> {
  requirePermission(actor, 'register:manage')
  requireController(actor, activity.controllerId)
  const id = activity.id ?? randomUUID()
  const full: ProcessingActivity = { ...activity, id }
  const fields = validateActivity(full)
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid activity', { fields })
  const { id: _id, controllerId, name, ...details } = full
  await withTransaction(deps.pool, async (tx) => {
    const pos = await tx.query<{ n: number }>(
      'SELECT coalesce(max(position), 0) + 1 AS n FROM processing_activities WHERE controller_id = $1',
      [controllerId],
    )
    await tx.query(
      `INSERT INTO processing_activities (id, controller_id, name, details, position, updated_by) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, details = EXCLUDED.details, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [id, controllerId, name, JSON.stringify(details), pos.rows[0]?.n ?? 1, auditActorId(actor)],
    )
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'SaveProcessingActivity',
        eventType: 'ProcessingActivitySaved',
        payload: full,
      },
    ])
  })
  return id
}

/** The data protection officer's contact for a controller (Art 13(1)(b)), or the controller's own contact details. */
export async function loadDpo(db: Queryable, controllerId: string): Promise<DataProtectionOfficer> {
  const controller = await findController(db, controllerId)
  if (!controller) throw new DomainError('not-found', `controller ${controllerId}`)
  return loadSetting<DataProtectionOfficer>(db, `dpo:${controllerId}`, {
    name: 'Data Protection Officer',
    email: controller.contact.email,
    postalAddress: [...controller.contact.postalAddress],
  })
}

/** Changes the DPO contact the notice gives (Art 37(7): publish the DPO's contact details); audited as a setting. */
export async function saveDpo(
  deps: AppDeps,
  actor: Actor,
  controllerId: string,
  dpo: DataProtectionOfficer,
): Promise<void> {
  requirePermission(actor, 'register:manage')
  requireController(actor, controllerId)
  const fields: Record<string, string> = {}
  if (dpo.name.trim() === '') fields.name = 'Enter the name or job title of the data protection officer'
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(dpo.email.trim()))
    fields.email = 'Enter an email address in the correct format, like dpo@example.gov.uk'
  const postalAddress = dpo.postalAddress.map((l) => l.trim()).filter(Boolean)
  if (postalAddress.length === 0) fields.postalAddress = 'Enter a postal address'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid DPO contact', { fields })
  await withTransaction(deps.pool, async (tx) => {
    if (!(await findController(tx, controllerId))) throw new DomainError('not-found', `controller ${controllerId}`)
    const value: DataProtectionOfficer = { name: dpo.name.trim(), email: dpo.email.trim(), postalAddress }
    await saveSettingIn(tx, `dpo:${controllerId}`, value, auditActorId(actor), deps.clock.now())
  })
}

/** The notice as the register stands now: what publishing would produce (the staff preview shows it). */
export async function noticeFromRegister(db: Queryable, controllerId: string): Promise<PrivacyNoticeContent> {
  const controller = await findController(db, controllerId)
  if (!controller) throw new DomainError('not-found', `controller ${controllerId}`)
  // One after another: inside a transaction these share one connection.
  const activities = await loadActivities(db, controllerId)
  const dpo = await loadDpo(db, controllerId)
  const regulator = await readRegulator(db)
  return generatePrivacyNotice(controller.name, activities, dpo, {
    name: regulator.name,
    website: regulator.complaintUrl,
    helpline: regulator.helpline,
  })
}

export interface PublishedNotice {
  controllerId: string
  version: number
  publishedAt: Date
  content: PrivacyNoticeContent
  history: { version: number; publishedAt: Date; changeSummary: string; publishedBy: string }[]
}

/** Generates the notice from the register as it stands and publishes it as the next version. */
export async function publishPrivacyNotice(
  deps: AppDeps,
  actor: Actor,
  controllerId: string,
  changeSummary: string,
): Promise<number> {
  requirePermission(actor, 'register:manage')
  requireController(actor, controllerId)
  if (changeSummary.trim().length < 5)
    throw new DomainError('validation', 'no summary', { fields: { changeSummary: 'Say what changed' } })
  return withTransaction(deps.pool, async (tx) => {
    const content = await noticeFromRegister(tx, controllerId)
    const activities = await loadActivities(tx, controllerId)
    if (activities.length === 0)
      throw new DomainError('validation', 'empty register', {
        userMessage: 'Add at least one processing activity before publishing.',
      })
    const v = await tx.query<{ n: number }>(
      'SELECT coalesce(max(version), 0) + 1 AS n FROM privacy_notice_versions WHERE controller_id = $1',
      [controllerId],
    )
    const version = v.rows[0]?.n ?? 1
    await tx.query(
      'INSERT INTO privacy_notice_versions (id, controller_id, version, content, change_summary, published_by, published_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [
        randomUUID(),
        controllerId,
        version,
        JSON.stringify(content),
        changeSummary.trim(),
        auditActorId(actor),
        deps.clock.now(),
      ],
    )
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'PublishPrivacyNotice',
        eventType: 'PrivacyNoticePublished',
        payload: { controllerId, version, changeSummary },
      },
    ])
    return version
  })
}

/** The current notice and its change history, for the public privacy page and every letter's link. */
export async function currentPrivacyNotice(db: Queryable, controllerId: string): Promise<PublishedNotice | null> {
  const r = await db.query<{
    version: number
    published_at: Date
    content: PrivacyNoticeContent
    change_summary: string
    published_by: string
  }>(
    'SELECT version, published_at, content, change_summary, published_by FROM privacy_notice_versions WHERE controller_id = $1 ORDER BY version DESC',
    [controllerId],
  )
  const latest = r.rows[0]
  if (!latest) return null
  const history = r.rows.map((row) => ({
    version: row.version,
    publishedAt: row.published_at,
    changeSummary: row.change_summary,
    publishedBy: row.published_by,
  }))
  return { controllerId, version: latest.version, publishedAt: latest.published_at, content: latest.content, history }
}
