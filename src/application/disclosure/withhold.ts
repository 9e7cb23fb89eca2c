import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { disclosureCase } from './case-access.js'
import { checkCode, checkReason, itemsIn } from './decision-input.js'

/** Withholds (or releases) a whole page or a whole document with the exemption relied on. */
export async function withhold(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { itemId: string; page?: number; withhold: boolean; exemptionCode: string; reason?: string },
): Promise<void> {
  const reason = checkReason(input.reason)
  await withTransaction(deps.pool, async (tx) => {
    const state = await disclosureCase(tx, actor, caseId)
    if (input.withhold) checkCode(input.exemptionCode, state)
    const [item] = await itemsIn(tx, caseId, input.itemId)
    if (!item) throw new DomainError('not-found', 'no such document')
    if (input.page !== undefined) {
      if (input.page < 1 || input.page > item.page_count) throw new DomainError('not-found', 'no such page')
      if (input.withhold)
        await tx.query(
          `INSERT INTO disclosure_withheld_pages (item_id, page, case_id, exemption_code, reason, decided_by, decided_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7)
           ON CONFLICT (item_id, page) DO UPDATE SET exemption_code = $4, reason = $5, decided_by = $6, decided_at = $7`,
          [item.id, input.page, caseId, input.exemptionCode, reason, auditActorId(actor), deps.clock.now()],
        )
      else
        await tx.query('DELETE FROM disclosure_withheld_pages WHERE item_id = $1 AND page = $2', [item.id, input.page])
    } else {
      await tx.query(
        'UPDATE disclosure_items SET withheld_code = $2, withheld_reason = $3, version = version + 1 WHERE id = $1',
        [item.id, input.withhold ? input.exemptionCode : null, input.withhold ? reason : null],
      )
    }
    await recordAudit(tx, deps, actor, {
      caseId,
      command: input.withhold ? 'Withhold' : 'ReleaseWithheld',
      eventType: input.withhold ? 'MaterialWithheld' : 'MaterialReleased',
      payload: {
        itemId: item.id,
        page: input.page ?? null,
        exemptionCode: input.withhold ? input.exemptionCode : null,
        reason,
      },
    })
  })
}
