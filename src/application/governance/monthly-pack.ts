import { localDateInLondon } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { buildMonthlyPack } from '../../reporting/monthly-pack.js'
import { monthLabel } from '../../reporting/period.js'
import { monthlyPackDue } from '../../reporting/schedule.js'
import { SYSTEM_ACTOR, auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { reportControllerIds } from '../reporting/scope.js'
import { loadSetting } from '../settings.js'
import { storeDocumentIn } from '../store-document.js'

/** Seed 002: the Chief Executive, the Head of Policy (reviewer) and the DP manager meet on these figures monthly. */
export const DEFAULT_PACK_ROLES = ['chief-executive', 'reviewer', 'dp-manager']

async function recipients(deps: AppDeps): Promise<string[]> {
  const configured = await loadSetting<string[] | null>(deps.pool, 'compliancePackRecipients', null)
  if (configured?.length) return configured
  const r = await deps.pool.query<{ email: string }>(
    'SELECT email FROM users WHERE NOT disabled AND roles && $1::text[] ORDER BY email',
    [DEFAULT_PACK_ROLES],
  )
  return r.rows.map((row) => row.email)
}

/**
 * Builds last month's compliance pack (PDF and CSV), keeps both in the document store and emails them to
 * the configured recipients, all in one transaction (the email is queued with the documents). The pack covers the
 * controller asked for, or all the actor's controllers (reporting/scope.ts); never one the actor is not scoped to.
 */
export async function sendMonthlyPack(
  deps: AppDeps,
  actor: Actor,
  month: string,
  options: { controllerId?: string } = {},
): Promise<{ recipients: string[] }> {
  requirePermission(actor, 'report:view')
  const controllerIds = (await reportControllerIds(deps.pool, actor, options.controllerId)) ?? null
  const asOf = localDateInLondon(deps.clock.now())
  const pack = await buildMonthlyPack(deps.pool, {
    month,
    asOf,
    ...(controllerIds ? { controllerIds } : {}),
    calendar: deps.calendar,
    clockSettings: deps.clockSettings,
    generatedAt: deps.clock.now(),
  })
  const to = await recipients(deps)
  await withTransaction(deps.pool, async (tx) => {
    const pdf = await storeDocumentIn(tx, deps, actor, {
      caseId: null,
      kind: 'report',
      filename: pack.filenames.pdf,
      contentType: 'application/pdf',
      bytes: pack.pdf,
    })
    const csv = await storeDocumentIn(tx, deps, actor, {
      caseId: null,
      kind: 'report',
      filename: pack.filenames.csv,
      contentType: 'text/csv',
      bytes: Buffer.from(pack.csv),
    })
    if (to.length) {
      const email: EmailJob = {
        to,
        subject: `Data protection compliance pack for ${monthLabel(month)}`,
        text: `The compliance pack for ${monthLabel(month)} is attached: the figures as a PDF with charts, and as a CSV.\n\nIt lists overdue and at-risk cases by reference only.\n`,
        attachments: [
          { documentId: pdf.id, filename: pack.filenames.pdf },
          { documentId: csv.id, filename: pack.filenames.csv },
        ],
      }
      await deps.jobs.enqueue(tx, 'email-send', email)
    }
    const payload = { month, controllerIds, recipients: to, pdfDocumentId: pdf.id, csvDocumentId: csv.id }
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'SendCompliancePack',
        eventType: 'CompliancePackSent',
        payload,
      },
    ])
  })
  return { recipients: to }
}

/** The scheduled run: on the first working day of a month, send the previous month's pack once. */
export async function sendMonthlyPackIfDue(deps: AppDeps): Promise<string | null> {
  const { due, month } = monthlyPackDue(localDateInLondon(deps.clock.now()), deps.calendar)
  if (!due) return null
  const sent = await deps.pool.query(
    // Only a pack for every controller counts: one sent by hand for a single controller is not the month's pack.
    `SELECT 1 FROM audit_events WHERE event_type = 'CompliancePackSent' AND payload->>'month' = $1
       AND coalesce(payload->'controllerIds', 'null'::jsonb) = 'null'::jsonb LIMIT 1`,
    [month],
  )
  if (sent.rowCount) return null
  await sendMonthlyPack(deps, SYSTEM_ACTOR, month)
  return month
}
