import { DomainError, exemptionByCode, exemptionRouteError, type CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'

// What every workbench decision checks before it writes: the exemption code, the reason, and the item it is about.

/**
 * An exemption code from the catalogue (uk-rules §6) that the case's route can rely on (Part 3 cases cannot use
 * Schedules 2–4, nor UK GDPR cases Part 3 restrictions); anything else is a validation error on the field.
 */
export function checkCode(code: string, state: Pick<CaseState, 'route'>, field = 'exemptionCode'): void {
  if (!exemptionByCode(code))
    throw new DomainError('validation', 'unknown exemption', { fields: { [field]: 'Choose the exemption relied on' } })
  const routeError = exemptionRouteError([code], state.route, field)
  if (routeError) throw routeError
}

export function checkReason(reason: string | undefined): string | null {
  const r = (reason ?? '').trim()
  if (r.length > 500)
    throw new DomainError('validation', 'reason too long', {
      fields: { reason: 'The reason must be 500 characters or fewer' },
    })
  return r || null
}

/** The case's items (one, or all), exact duplicates left out: they are listed, never reviewed or disclosed. */
export async function itemsIn(db: Queryable, caseId: string, itemId?: string) {
  if (itemId !== undefined && !/^[0-9a-f-]{36}$/i.test(itemId)) return []
  const r = await db.query<{ id: string; storage_key: string; page_count: number }>(
    `SELECT id, storage_key, page_count FROM disclosure_items
      WHERE case_id = $1 AND ($2::uuid IS NULL OR id = $2) AND duplicate_of IS NULL ORDER BY created_at`,
    [caseId, itemId ?? null],
  )
  return r.rows
}
