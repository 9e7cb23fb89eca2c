// The dated facts the PERIOD figures count, taken alike from a live case or from the disposal record of a destroyed
// one. Issue 6: "a minimal disposal record … so statistics still add up". Every period figure (received, closed,
// responded, extended, paused, refused, decided) reads these, so a month's figures are the same before and after
// its cases are disposed of. Snapshot figures (open, overdue, age bands) need the live case and its clock.
import type {
  CaseState,
  CaseStatistics,
  OtherRightStatistics,
  CaseType,
  Channel,
  ClarificationPause,
  ExtensionGround,
  LocalDate,
  Outcome,
  RefusalBasis,
  Right,
} from '../domain/index.js'
import type { DisposedCase } from './types.js'
import { otherRightStatisticsOf } from '../domain/index.js'

export interface CaseFacts {
  id: string
  reference: string
  controllerId: string
  caseType: CaseType
  right: Right | null
  channel: Channel
  receivedOn: LocalDate
  /** The day the response was sent: the answer to a rights request, an appeal or a regulator case. */
  respondedOn: LocalDate | null
  /** The response's outcome (null without a response). */
  outcome: Outcome | null
  /** Exemptions the response and any refusal relied on, each once. */
  exemptionCodes: readonly string[]
  extension: { ground: ExtensionGround; on: LocalDate | null } | null
  refusal: { basis: RefusalBasis; on: LocalDate | null } | null
  pauses: readonly ClarificationPause[]
  withdrawnOn: LocalDate | null
  reviewDecision: { upheld: boolean; on: LocalDate | null } | null
  complaintOutcome: { upheld: boolean; on: LocalDate | null } | null
  /** Issue 13: the decision on another right, Art 19 recipients and an Art 18 restriction (codes and dates). */
  otherRight: OtherRightStatistics | null
}

export function factsOfCase(state: CaseState): CaseFacts {
  const r = state.response
  return {
    id: state.id,
    reference: state.reference,
    controllerId: state.controllerId,
    caseType: state.caseType,
    right: state.right ?? null,
    channel: state.channel,
    receivedOn: state.receivedOn,
    respondedOn: r?.sentOn ?? null,
    outcome: r?.outcome ?? null,
    exemptionCodes: [...new Set([...(r?.exemptionCodes ?? []), ...(state.refusal?.exemptionCodes ?? [])])],
    extension: state.extension ? { ground: state.extension.ground, on: state.extension.noticeGivenOn } : null,
    refusal: state.refusal ? { basis: state.refusal.basis, on: state.refusal.decidedOn } : null,
    pauses: state.pauses,
    withdrawnOn: state.withdrawal?.on ?? null,
    reviewDecision: state.reviewDecision
      ? { upheld: state.reviewDecision.upheld, on: state.reviewDecision.decidedOn }
      : null,
    complaintOutcome: state.complaintOutcome
      ? { upheld: state.complaintOutcome.upheld, on: state.complaintOutcome.recordedOn }
      : null,
    otherRight: otherRightStatisticsOf(state),
  }
}

/** A disposal record's facts. Dates an older record lacks are null: that record is left out of those figures. */
export function factsOfDisposed(d: DisposedCase): CaseFacts {
  const s = d.statistics
  const decided = (upheld: boolean | null, on: LocalDate | null) => (upheld === null ? null : { upheld, on })
  return {
    id: d.caseId,
    reference: d.reference,
    controllerId: d.controllerId,
    caseType: s.caseType,
    right: s.right ?? null,
    channel: s.channel,
    receivedOn: s.receivedOn,
    respondedOn: s.respondedOn,
    outcome: s.respondedOn ? (s.outcome ?? null) : null,
    exemptionCodes: s.respondedOn ? s.exemptionCodes : [],
    extension: s.extensionGround ? { ground: s.extensionGround as ExtensionGround, on: s.extendedOn } : null,
    refusal: s.refusalBasis ? { basis: s.refusalBasis as RefusalBasis, on: s.refusedOn } : null,
    pauses: s.pauses,
    withdrawnOn: s.withdrawnOn ?? (s.withdrawn && !s.respondedOn ? s.closedOn : null),
    reviewDecision: decided(s.reviewUpheld, s.reviewDecidedOn),
    complaintOutcome: decided(s.complaintUpheld, s.complaintOutcomeOn),
    // Records written before issue 13 lack these: they count as no decision, notice or restriction.
    otherRight:
      s.rightDecision !== undefined
        ? {
            rightDecision: s.rightDecision ?? null,
            recipientNotices: s.recipientNotices ?? [],
            processingRestriction: s.processingRestriction ?? null,
          }
        : null,
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)

/**
 * A disposal record's `statistics` jsonb as CaseStatistics, whatever version wrote it: fields added later are
 * missing from older records and read as unknown; the record's own columns fill what they can.
 */
export function statisticsFromRecord(
  raw: Record<string, unknown>,
  columns: { caseType: string; right: string | null; receivedOn: string; closedOn: string | null },
): CaseStatistics {
  const pauses = Array.isArray(raw.pauses)
    ? raw.pauses.flatMap((p: unknown) => {
        const pause = (p ?? {}) as Record<string, unknown>
        const requestedOn = text(pause.requestedOn)
        return requestedOn ? [{ requestedOn, resolvedOn: text(pause.resolvedOn) }] : []
      })
    : []
  const codes = Array.isArray(raw.exemptionCodes) ? raw.exemptionCodes.filter((c) => typeof c === 'string') : []
  return {
    caseType: (text(raw.caseType) ?? columns.caseType) as CaseStatistics['caseType'],
    right: (text(raw.right) ?? columns.right ?? null) as CaseStatistics['right'],
    route: raw.route as CaseStatistics['route'],
    channel: raw.channel as CaseStatistics['channel'],
    requesterType: raw.requesterType as CaseStatistics['requesterType'],
    receivedOn: text(raw.receivedOn) ?? columns.receivedOn,
    dueOn: text(raw.dueOn),
    respondedOn: text(raw.respondedOn),
    onTime: bool(raw.onTime),
    outcome: text(raw.outcome) as CaseStatistics['outcome'],
    extensionGround: text(raw.extensionGround),
    pausedDays: typeof raw.pausedDays === 'number' ? raw.pausedDays : 0,
    refusalBasis: text(raw.refusalBasis),
    exemptionCodes: codes,
    reviewUpheld: bool(raw.reviewUpheld),
    complaintUpheld: bool(raw.complaintUpheld),
    closedOn: text(raw.closedOn) ?? columns.closedOn,
    withdrawn: raw.withdrawn === true,
    extendedOn: text(raw.extendedOn),
    refusedOn: text(raw.refusedOn),
    pauses,
    withdrawnOn: text(raw.withdrawnOn),
    reviewDecidedOn: text(raw.reviewDecidedOn),
    complaintOutcomeOn: text(raw.complaintOutcomeOn),
    ...otherRightFromRecord(raw),
  }
}

/** The issue 13 facts of a disposal record, when the record has them (codes, results and dates only). */
function otherRightFromRecord(raw: Record<string, unknown>): Partial<CaseStatistics> {
  if (!('rightDecision' in raw)) return {}
  const d = (raw.rightDecision ?? null) as Record<string, unknown> | null
  const r = (raw.processingRestriction ?? null) as Record<string, unknown> | null
  const notices = Array.isArray(raw.recipientNotices) ? (raw.recipientNotices as Record<string, unknown>[]) : []
  return {
    rightDecision:
      d && text(d.on)
        ? {
            result: d.result as NonNullable<CaseStatistics['rightDecision']>['result'],
            on: text(d.on)!,
            groundCodes: Array.isArray(d.groundCodes) ? d.groundCodes.filter((c) => typeof c === 'string') : [],
          }
        : null,
    recipientNotices: notices.flatMap((n) =>
      text(n.on) ? [{ status: n.status as 'notified' | 'impossible' | 'disproportionate', on: text(n.on)! }] : [],
    ),
    processingRestriction:
      r && text(r.since)
        ? { since: text(r.since)!, liftNoticeOn: text(r.liftNoticeOn), liftedOn: text(r.liftedOn) }
        : null,
  }
}
