import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'

export async function activeHoldCaseIds(db: Queryable): Promise<Set<string>> {
  const r = await db.query<{ case_id: string }>('SELECT DISTINCT case_id FROM legal_holds WHERE lifted_at IS NULL')
  return new Set(r.rows.map((row) => row.case_id))
}

/** Places a legal hold: while it stands, the case cannot be disposed of, whatever the schedule says. */
export async function placeLegalHold(deps: AppDeps, actor: Actor, caseId: string, reason: string): Promise<void> {
  requirePermission(actor, 'legal-hold:manage')
  if (reason.trim().length < 5)
    throw new DomainError('validation', 'no reason', { fields: { reason: 'Say why the case must be kept' } })
  await withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId)
    const open = await tx.query('SELECT 1 FROM legal_holds WHERE case_id = $1 AND lifted_at IS NULL', [state.id])
    if (open.rowCount)
      throw new DomainError('conflict', 'already on hold', { userMessage: 'This case is already on legal hold.' })
    const now = deps.clock.now()
    await tx.query('INSERT INTO legal_holds (id, case_id, reason, placed_by, placed_at) VALUES ($1,$2,$3,$4,$5)', [
      randomUUID(),
      state.id,
      reason.trim(),
      auditActorId(actor),
      now,
    ])
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'PlaceLegalHold',
        eventType: 'LegalHoldPlaced',
        payload: { reason: reason.trim() },
      },
    ])
  })
}

export async function liftLegalHold(deps: AppDeps, actor: Actor, caseId: string, reason: string): Promise<void> {
  requirePermission(actor, 'legal-hold:manage')
  await withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId)
    const now = deps.clock.now()
    const r = await tx.query(
      'UPDATE legal_holds SET lifted_at = $2, lifted_by = $3, lift_reason = $4 WHERE case_id = $1 AND lifted_at IS NULL',
      [state.id, now, auditActorId(actor), reason.trim()],
    )
    if (!r.rowCount) throw new DomainError('conflict', 'no hold', { userMessage: 'This case is not on legal hold.' })
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'LiftLegalHold',
        eventType: 'LegalHoldLifted',
        payload: { reason: reason.trim() },
      },
    ])
  })
}
