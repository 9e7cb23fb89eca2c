import { localDateInLondon } from '../../domain/index.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'

export interface MonthRow {
  month: string
  received: number
  answered: number
  onTime: number
  late: number
  extended: number
}

/**
 * Seed 002: the Chief Executive meets the DP manager and the Head of Policy monthly to review timeliness. Counts of
 * rights requests by month of receipt, and what is open and overdue now. Figures only, no personal data.
 */
export async function complianceReport(deps: AppDeps, actor: Actor) {
  requirePermission(actor, 'report:view')
  const today = localDateInLondon(deps.clock.now())
  const scope = actor.controllerIds === null ? null : [...actor.controllerIds]
  const months = await deps.pool.query<Record<string, string>>(
    `SELECT to_char(received_on, 'YYYY-MM') AS month, count(*) AS received,
       count(*) FILTER (WHERE state->'response' IS NOT NULL) AS answered,
       count(*) FILTER (WHERE state->'response' IS NOT NULL AND (state->'response'->>'sentOn') <= due_on::text) AS on_time,
       count(*) FILTER (WHERE state->'response' IS NOT NULL AND (state->'response'->>'sentOn') > due_on::text) AS late,
       count(*) FILTER (WHERE state ? 'extension') AS extended
     FROM cases WHERE case_type = 'rights-request' AND ($1::text[] IS NULL OR controller_id = ANY($1))
       AND received_on > ($2::date - interval '12 months')
     GROUP BY 1 ORDER BY 1 DESC`,
    [scope, today],
  )
  const open = await deps.pool.query<Record<string, string>>(
    `SELECT count(*) FILTER (WHERE status NOT IN ('responded','closed','withdrawn')) AS open,
       count(*) FILTER (WHERE status NOT IN ('responded','closed','withdrawn') AND due_on < $2) AS overdue,
       count(*) FILTER (WHERE case_type = 'review' AND status NOT IN ('responded','closed','withdrawn')) AS appeals,
       count(*) FILTER (WHERE case_type = 'complaint' AND status NOT IN ('responded','closed','withdrawn')) AS complaints
     FROM cases WHERE ($1::text[] IS NULL OR controller_id = ANY($1))`,
    [scope, today],
  )
  await recordAudit(deps.pool, deps, actor, {
    command: 'ViewReport',
    eventType: 'ReportViewed',
    payload: { report: 'compliance' },
  })
  const n = (v: string | undefined) => Number(v ?? 0)
  return {
    months: months.rows.map((r) => ({
      month: String(r.month),
      received: n(r.received),
      answered: n(r.answered),
      onTime: n(r.on_time),
      late: n(r.late),
      extended: n(r.extended),
    })) satisfies MonthRow[],
    now: {
      open: n(open.rows[0]?.open),
      overdue: n(open.rows[0]?.overdue),
      appeals: n(open.rows[0]?.appeals),
      complaints: n(open.rows[0]?.complaints),
    },
  }
}
