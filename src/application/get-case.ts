import { CASE_EVENT_NAMES, clockOf, describeEvent, localDateInLondon, waitingFor } from '../domain/index.js'
import type { CaseClock, CaseEvent, CaseState } from '../domain/index.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { auditActorId, type Actor } from './actor.js'
import { requirePermission } from './authorise.js'
import { viewableCase } from './boundary.js'
import type { AppDeps } from './deps.js'

const CASE_EVENT_TYPES = new Set<string>(CASE_EVENT_NAMES)

/** Views are in the audit trail but would drown the timeline; the audit report shows them. */
// Refused attempts to open a case (issue 11) are kept in the trail for oversight, not shown on the case's timeline.
const VIEW_EVENTS = ['CaseViewed', 'DocumentViewed', 'LetterViewed', 'TaskViewed', 'DisclosureViewed', 'access.refused']

/** Other records on a case's timeline: casework actions that are not case events (tasks, letters, files). */
function describeCaseworkRecord(eventType: string, p: Record<string, unknown>): string | null {
  const text = (key: string) => String(p[key] ?? '')
  switch (eventType) {
    case 'DocumentViewed':
      return `Document opened: ${text('filename')}`
    case 'SearchTaskCreated':
      return `Search task sent to ${text('assigneeName') || text('team')}, due ${text('dueOnText')}`
    case 'SearchTaskReturned':
      return p.nilReturn
        ? `Search task answered: nothing found (searched ${text('whereSearched')})`
        : `Search task answered with ${text('documentCount')} file(s) (searched ${text('whereSearched')})`
    case 'SearchTaskChased':
      return `Overdue search task chased by email (${text('assigneeName') || text('team')})`
    case 'LetterDrafted':
      return `Letter drafted: ${text('title')} (version ${text('version')})`
    case 'LetterSent':
      return `Letter sent ${p.email ? 'by email' : 'for posting'}: ${text('title')}`
    case 'CopyListNotified':
      return `Copy list told about the new case (${text('count')} people)`
    case 'ResponseFileReleased':
      return 'Response made available to download from the online service'
    case 'PasswordShown':
      return 'Response password shown to the officer to read out by telephone'
    case 'MessageSent':
      return 'Message sent to the requester'
    case 'RequesterMessageReceived':
      return p.documentIds && Array.isArray(p.documentIds) && p.documentIds.length
        ? 'Message and document received from the requester'
        : 'Message received from the requester'
    case 'LegalHoldPlaced':
      return `Legal hold placed: ${text('reason')}`
    case 'LegalHoldLifted':
      return `Legal hold lifted: ${text('reason')}`
    case 'DocumentMarkedDiscloseInFull':
      return `Marked to disclose in full: ${text('filename')}${p.thirdParty === 'none' ? '' : ` (other people’s information: ${text('thirdParty')})`}`
    case 'DiscloseInFullWithdrawn':
      return `No longer to be disclosed in full: ${text('filename')}`
    default:
      return describeDisclosureRecord(eventType, p)
  }
}

/** The disclosure workbench's records (issue 5): what was read, decided and built, never the redacted text. */
function describeDisclosureRecord(eventType: string, p: Record<string, unknown>): string | null {
  const n = (key: string) => Number(p[key] ?? 0)
  const s = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
  switch (eventType) {
    case 'MaterialPreparationRequested':
      return `Disclosure material sent for reading (${s(n('total'), 'file')})`
    case 'MaterialPrepared':
      return `Disclosure material read and checked for personal data (${s(n('files'), 'file')})`
    case 'RedactionAccepted':
      return `Redaction accepted (${String(p.exemptionCode)})`
    case 'RedactionRejected':
      return 'Proposed redaction rejected: the text stays in'
    case 'RedactionUndone':
      return 'Decision on a redaction undone: it is proposed again'
    case 'RedactionsAccepted':
      return `${s(n('count'), 'proposed redaction')} accepted (${String(p.exemptionCode)})`
    case 'RedactionsRejected':
      return `${s(n('count'), 'proposed redaction')} rejected`
    case 'RedactionsAdded':
      return `${s(n('count'), 'redaction')} added by ${String(p.source) === 'box' ? 'drawing a box' : `${String(p.source)}`} (${String(p.exemptionCode)})`
    case 'MaterialWithheld':
      return `${p.page ? `Page ${n('page')} of a document` : 'A whole document'} withheld (${String(p.exemptionCode)})`
    case 'MaterialReleased':
      return `${p.page ? `Page ${n('page')} of a document` : 'A whole document'} no longer withheld`
    case 'BundleRequested':
      return 'Disclosure bundle requested'
    case 'BundleBuilt':
      return `Disclosure bundle built and verified: ${s(n('pages'), 'page')}, ${s(n('redactions'), 'redaction')}`
    case 'BundleFailed':
      return `Disclosure bundle not built: ${String(p.error)}`
    default:
      return null
  }
}

/** Plain words for a timeline row: domain events describe themselves; the rest are system records. */
export function describeAuditEvent(eventType: string, payload: unknown): string {
  if (payload === null) return `${eventType} (details removed under the retention schedule)`
  if (CASE_EVENT_TYPES.has(eventType)) return describeEvent(payload as CaseEvent)
  const p = payload as Record<string, unknown>
  switch (eventType) {
    case 'DocumentStored':
      return `Document added: ${String(p.filename)}`
    case 'DocumentsPurged': {
      const n = Array.isArray(p.documentIds) ? p.documentIds.length : 0
      const kinds = Array.isArray(p.kinds) && p.kinds.includes('identity') ? 'identity document ' : 'document '
      return `${n} ${kinds}${n === 1 ? 'copy' : 'copies'} deleted for good. ${String(p.reason)}.`
    }
    case 'DisposalListCaseRemoved':
      return `Taken off the disposal list for ${monthWords(String(p.month))} and kept: ${String(p.reason)}`
    case 'access.refused':
      return p.summary
        ? `${String(p.count)} more refused attempts on ${String(p.route)}`
        : `Access refused (${String(p.reason)}) on ${String(p.route)}${Number(p.count) > 1 ? `, ${String(p.count)} attempts` : ''}`
    default:
      {
        const described = describeCaseworkRecord(eventType, p)
        if (described) return described
      }
      return eventType.replace(/([a-z])([A-Z])/g, '$1 $2')
  }
}

/** "2026-12" as "December 2026". */
function monthWords(month: string): string {
  const [y, m] = month.split('-')
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October']
  const name = [...names, 'November', 'December'][Number(m) - 1]
  return name ? `${name} ${y}` : month
}

export interface TimelineEntry {
  seq: number
  at: string
  actorId: string
  eventType: string
  description: string
}

/** What a requester does when following their case online: worth one line a day on the timeline, not one each. */
const REQUESTER_VISITS = new Set(['CaseViewedByRequester', 'RequesterSignedIn', 'AccessCodeSent'])

/**
 * The requester's visits to the follow page, one line per London day ("eleven 'Case Viewed By Requester' entries in
 * minutes", issue 14). Each visit stays in the audit trail; the timeline keeps the first of the day, with a count.
 */
export function collapseRequesterViews(entries: TimelineEntry[]): TimelineEntry[] {
  const byDay = new Map<string, { entry: TimelineEntry; views: number; codes: number }>()
  const out: TimelineEntry[] = []
  for (const e of entries) {
    if (!REQUESTER_VISITS.has(e.eventType)) {
      out.push(e)
      continue
    }
    const day = localDateInLondon(new Date(e.at))
    let visit = byDay.get(day)
    if (!visit) {
      visit = { entry: { ...e, eventType: 'RequesterVisits' }, views: 0, codes: 0 }
      byDay.set(day, visit)
      out.push(visit.entry)
    }
    if (e.eventType === 'CaseViewedByRequester') visit.views++
    if (e.eventType === 'AccessCodeSent') visit.codes++
    const times = (n: number) => (n === 1 ? 'once' : `${n} times`)
    visit.entry.description =
      `The requester followed the request online` +
      (visit.views
        ? ` (looked at it ${times(visit.views)}` + (visit.codes ? `, asked for a code ${times(visit.codes)})` : ')')
        : visit.codes
          ? ` (asked for a code ${times(visit.codes)})`
          : '')
  }
  return out
}

export interface CaseView {
  state: CaseState
  clock: CaseClock
  waitingFor: string | null
  timeline: TimelineEntry[]
}

/**
 * Opens a case for a member of staff or an API client. Every view of personal data is itself an audit
 * event (DESIGN.md §3), written before the data is returned.
 */
export async function getCase(deps: AppDeps, actor: Actor, idOrReference: string): Promise<CaseView> {
  requirePermission(actor, 'case:view')
  return withTransaction(deps.pool, async (tx) => {
    const state = await viewableCase(tx, actor, idOrReference)
    const now = deps.clock.now()
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'ViewCase',
        eventType: 'CaseViewed',
        payload: {},
      },
    ])
    const rows = await tx.query<{
      seq: string
      occurred_at: Date
      actor_id: string
      event_type: string
      payload: unknown
    }>(
      `SELECT seq, occurred_at, actor_id, event_type, payload FROM audit_events
       WHERE case_id = $1 AND NOT (event_type = ANY($2)) ORDER BY seq`,
      [state.id, VIEW_EVENTS],
    )
    const timeline = collapseRequesterViews(
      rows.rows.map((r) => ({
        seq: Number(r.seq),
        at: r.occurred_at.toISOString(),
        actorId: r.actor_id,
        eventType: r.event_type,
        // Not every row is a case event (document purges, tasks, letters): describe each by its own type.
        description: describeAuditEvent(r.event_type, r.payload),
      })),
    )
    const clock = clockOf(state, deps.calendar, deps.clockSettings, localDateInLondon(now))
    return { state, clock, waitingFor: waitingFor(state), timeline }
  })
}
