import { DEFAULT_RETENTION_RULES, DomainError, validateRetentionRule } from '../../domain/index.js'
import type { RetentionRule } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'

/** The schedule in force: what the administrator saved, or the defaults until they save anything. */
export async function loadRetentionRules(db: Queryable): Promise<RetentionRule[]> {
  const r = await db.query<{
    id: string
    case_type: string
    outcome: string
    months: number
    action: string
    reason: string
  }>('SELECT id, case_type, outcome, months, action, reason FROM retention_rules ORDER BY case_type, outcome, id')
  if (r.rows.length === 0) return [...DEFAULT_RETENTION_RULES]
  return r.rows.map((row) => ({
    id: row.id,
    caseType: row.case_type as RetentionRule['caseType'],
    outcome: row.outcome as RetentionRule['outcome'],
    months: row.months,
    action: row.action as RetentionRule['action'],
    reason: row.reason,
  }))
}

/**
 * Saves one rule (creating the table's contents from the defaults first, so nothing silently vanishes). The officer's
 * reason for the change, when given, is kept in the audit trail beside the old and new rule.
 */
export async function saveRetentionRule(
  deps: AppDeps,
  actor: Actor,
  rule: RetentionRule,
  changeReason?: string,
): Promise<void> {
  requirePermission(actor, 'retention:manage')
  const fields = validateRetentionRule(rule)
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid retention rule', { fields })
  await withTransaction(deps.pool, async (tx) => {
    const current = await loadRetentionRules(tx)
    const next = [...current.filter((r) => r.id !== rule.id), rule]
    await tx.query('DELETE FROM retention_rules')
    for (const r of next) {
      await tx.query(
        'INSERT INTO retention_rules (id, case_type, outcome, months, action, reason, updated_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [r.id, r.caseType, r.outcome, r.months, r.action, r.reason, auditActorId(actor)],
      )
    }
    const before = current.find((r) => r.id === rule.id) ?? null
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'SaveRetentionRule',
        eventType: 'RetentionRuleSaved',
        payload: { before, after: rule, ...(changeReason ? { changeReason } : {}) },
      },
    ])
  })
}
