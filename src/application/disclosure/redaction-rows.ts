import { randomUUID } from 'node:crypto'
import type { Proposal } from '../../disclosure/review/index.js'
import type { Queryable } from '../../persistence/db.js'
import type { AppDeps } from '../deps.js'

export type RedactionSource = 'detected' | 'search' | 'selection' | 'box'
export type RedactionStatus = 'proposed' | 'accepted' | 'rejected'

/** Inserts proposals (or reviewer-made redactions) in bulk: one statement, whatever the number. */
export async function insertProposals(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  caseId: string,
  itemId: string,
  proposals: readonly Proposal[],
  how: { source: RedactionSource; status: RedactionStatus; exemptionCode: string; createdBy: string; reason?: string },
): Promise<string[]> {
  if (proposals.length === 0) return []
  const ids = proposals.map(() => randomUUID())
  const now = deps.clock.now()
  const decided = how.status === 'proposed' ? null : how.createdBy
  await tx.query(
    `INSERT INTO redactions (id, case_id, item_id, page, rects, text, type, source, recogniser, score, status,
       exemption_code, reason, created_by, created_at, decided_by, decided_at)
     SELECT x.id, $1, $2, x.page, x.rects, x.text, x.type, $3, x.recogniser, x.score, $4, $5, $6, $7, $8, $9, $10
       FROM jsonb_to_recordset($11::jsonb)
         AS x(id uuid, page int, rects jsonb, text text, type text, recogniser text, score real)`,
    [
      caseId,
      itemId,
      how.source,
      how.status,
      how.exemptionCode,
      how.reason ?? null,
      how.createdBy,
      now,
      decided,
      decided ? now : null,
      JSON.stringify(
        proposals.map((p, i) => ({
          id: ids[i],
          page: p.page,
          rects: p.rects.map((r) => r.map((n) => Math.round(n * 100) / 100)),
          text: p.text,
          type: p.type,
          recogniser: p.recogniser,
          score: p.score,
        })),
      ),
    ],
  )
  return ids
}
