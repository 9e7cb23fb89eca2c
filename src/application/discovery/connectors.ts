import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { dataMapSchema, type DataMap } from '../../discovery/connectors/data-map.js'
import { dryRunErasure, executeErasure, type DryRunTable } from '../../discovery/connectors/erasure.js'
import { exportSubjectRows } from '../../discovery/connectors/export.js'
import { openConnector } from '../../discovery/connectors/open.js'
import { buildProfile, type SearchSubject } from '../../discovery/match/index.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { storeDocumentIn } from '../store-document.js'
import { findSource, sourceRef, type Source } from './sources.js'

async function databaseOf(deps: AppDeps, actor: Actor, caseId: string, sourceId: string) {
  const state = await caseInScope(deps.pool, actor, caseId)
  const source = await findSource(deps.pool, sourceId)
  if (!source || source.controllerId !== state.controllerId || (source.kind !== 'postgres' && source.kind !== 'mysql'))
    throw new DomainError('not-found', `no database source ${sourceId} for this case`)
  const ref = await sourceRef(deps, source)
  const map: DataMap = dataMapSchema.parse(ref.dataMap)
  const kind: 'postgres' | 'mysql' = source.kind
  return { state, source, map, open: () => openConnector(kind, ref.connection ?? '') }
}

/**
 * The subject's rows of one system, exported (JSON, and CSV per table: the portability format, UK GDPR Art 20) and
 * stored on the case as material. Read in a read-only transaction.
 */
export async function exportToCase(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  sourceId: string,
  subject: SearchSubject,
) {
  requirePermission(actor, 'case:work')
  const { source, map, open } = await databaseOf(deps, actor, caseId, sourceId)
  const db = open()
  let exported
  try {
    exported = await exportSubjectRows(db, map, buildProfile(subject), {
      source: source.name,
      exportedAt: deps.clock.now().toISOString(),
    })
  } finally {
    await db.close()
  }
  const slug = source.name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
  await withTransaction(deps.pool, async (tx) => {
    const files = [
      { filename: `${slug}.json`, contentType: 'application/json', text: exported.json },
      ...exported.csv.map((c) => ({ filename: `${slug}-${c.table}.csv`, contentType: 'text/csv', text: c.text })),
    ]
    for (const f of files)
      await storeDocumentIn(tx, deps, actor, {
        caseId,
        kind: 'material',
        filename: f.filename,
        contentType: f.contentType,
        bytes: Buffer.from(f.text),
      })
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'ExportSubjectRows',
      eventType: 'DatabaseRowsExported',
      payload: { sourceId, counts: exported.counts },
    })
  })
  return exported.counts
}

export interface ErasurePlan {
  id: string
  caseId: string
  sourceId: string
  status: 'draft' | 'approved' | 'done' | 'failed'
  subject: Record<string, string[]>
  dryRun: DryRunTable[] | null
  draftedBy: string
  approvedBy: string | null
  changeLog: unknown
  error: string | null
}

export async function findPlan(db: Queryable, id: string): Promise<ErasurePlan | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const r = await db.query(
    `SELECT id, case_id AS "caseId", source_id AS "sourceId", status, subject, dry_run AS "dryRun", drafted_by AS "draftedBy",
       approved_by AS "approvedBy", change_log AS "changeLog", error FROM erasure_plans WHERE id = $1`,
    [id],
  )
  return r.rows[0] as ErasurePlan | undefined
}

/** The DP manager drafts a plan and sees its dry run at once: which tables, what happens, how many rows. */
export async function draftErasurePlan(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  sourceId: string,
  subject: SearchSubject,
) {
  requirePermission(actor, 'case:work')
  const { state, map, open } = await databaseOf(deps, actor, caseId, sourceId)
  const db = open()
  let dryRun: DryRunTable[]
  try {
    dryRun = await dryRunErasure(db, map, buildProfile(subject))
  } finally {
    await db.close()
  }
  const id = randomUUID()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      `INSERT INTO erasure_plans (id, case_id, source_id, controller_id, subject, steps, dry_run, dry_run_at, status, drafted_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'draft',$9,$8)`,
      [
        id,
        caseId,
        sourceId,
        state.controllerId,
        JSON.stringify(subject),
        JSON.stringify(map.tables.map((t) => ({ table: t.table, ...t.erasure }))),
        JSON.stringify(dryRun),
        deps.clock.now(),
        actor.id,
      ],
    )
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'DraftErasurePlan',
      eventType: 'ErasurePlanDrafted',
      payload: { planId: id, sourceId, rows: Object.fromEntries(dryRun.map((d) => [d.table, d.rows])) },
    })
  })
  return (await findPlan(deps.pool, id))!
}

/** Four eyes: the approver holds case:approve and is not who drafted it; a plan with problems cannot be approved. */
export async function approveErasurePlan(deps: AppDeps, actor: Actor, planId: string) {
  requirePermission(actor, 'case:approve')
  await withTransaction(deps.pool, async (tx) => {
    const plan = await planFor(tx, deps, actor, planId)
    if (plan.status !== 'draft') throw new DomainError('conflict', `plan ${planId} is ${plan.status}`)
    if (plan.draftedBy === actor.id)
      throw new DomainError('four-eyes', 'the person who drafted a plan cannot approve it')
    if (plan.dryRun?.some((t) => t.problems.length > 0)) throw new DomainError('conflict', 'the dry run found problems')
    await tx.query(`UPDATE erasure_plans SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1`, [
      planId,
      actor.id,
      deps.clock.now(),
    ])
    await recordAudit(tx, deps, actor, {
      caseId: plan.caseId,
      command: 'ApproveErasurePlan',
      eventType: 'ErasurePlanApproved',
      payload: { planId },
    })
  })
}

async function planFor(
  db: Queryable,
  deps: AppDeps,
  actor: Actor,
  planId: string,
): Promise<ErasurePlan & { source: Source }> {
  const plan = await findPlan(db, planId)
  if (!plan) throw new DomainError('not-found', `no plan ${planId}`)
  const source = await findSource(db, plan.sourceId)
  if (!source) throw new DomainError('not-found', `no source for plan ${planId}`)
  requireController(actor, source.controllerId)
  return { ...plan, source }
}

/** Runs an approved plan: one transaction on the system, then the log of what changed is kept on the plan. */
export async function executeErasurePlan(deps: AppDeps, actor: Actor, planId: string) {
  requirePermission(actor, 'case:work')
  const plan = await planFor(deps.pool, deps, actor, planId)
  if (plan.status !== 'approved') throw new DomainError('conflict', 'the plan has not been approved by a second person')
  const { map, open } = await databaseOf(deps, actor, plan.caseId, plan.sourceId)
  const db = open()
  try {
    const log = await executeErasure(db, map, buildProfile(plan.subject as unknown as SearchSubject), plan.dryRun ?? [])
    await withTransaction(deps.pool, async (tx) => {
      await tx.query(`UPDATE erasure_plans SET status = 'done', executed_at = $2, change_log = $3 WHERE id = $1`, [
        planId,
        deps.clock.now(),
        JSON.stringify(log),
      ])
      await recordAudit(tx, deps, actor, {
        caseId: plan.caseId,
        command: 'ExecuteErasurePlan',
        eventType: 'ErasurePlanExecuted',
        payload: { planId, rows: Object.fromEntries(log.map((l) => [l.table, l.rows])) },
      })
    })
    return log
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    await deps.pool.query(`UPDATE erasure_plans SET status = 'failed', error = $2 WHERE id = $1`, [
      planId,
      message.slice(0, 500),
    ])
    throw new DomainError('conflict', `nothing was changed: ${message}`)
  } finally {
    await db.close()
  }
}
