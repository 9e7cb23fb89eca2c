// The shapes of the compliance figures (issue 6, "Compliance reporting"). Plain data: the staff pages, the monthly
// pack (PDF and CSV) and tests all read the same objects, so a figure means the same thing everywhere.
import type { SafeguardFigures } from './safeguards.js'
import type {
  CaseStatus,
  CaseType,
  Channel,
  ClockSettings,
  ExtensionGround,
  LocalDate,
  Outcome,
  RefusalBasis,
  Right,
  WorkingDayCalendar,
} from '../domain/index.js'
import type { CaseState, CaseStatistics } from '../domain/index.js'

/** Both ends inclusive, Europe/London calendar dates. */
export interface Period {
  from: LocalDate
  to: LocalDate
}

/** One row of `search_tasks`, as much as reporting needs. */
export interface SearchTaskRow {
  id: string
  caseId: string
  assigneeId: string | null
  team: string | null
  dueOn: LocalDate
  status: string
  /** ISO instant the material or nil return came back; null while outstanding. */
  returnedAt: string | null
}

/**
 * A case destroyed under the retention schedule, as its disposal record keeps it (src/domain/retention/statistics.ts):
 * no personal data, only what the period figures count. It is never open, so it only adds to period figures.
 */
export interface DisposedCase {
  caseId: string
  reference: string
  controllerId: string
  statistics: CaseStatistics
}

export interface FiguresInput {
  period: Period
  /** The day the snapshot figures (open, overdue, due soon, age bands, search tasks) are taken on. */
  asOf: LocalDate
  cases: readonly CaseState[]
  /** Disposal records, so a past period's figures stay the same after its cases are destroyed. */
  disposed?: readonly DisposedCase[]
  searchTasks?: readonly SearchTaskRow[]
  /** Only these controllers' cases; undefined means every controller. */
  controllerIds?: readonly string[]
  calendar: WorkingDayCalendar
  clockSettings?: ClockSettings
  /** "Due soon" horizon in working days after asOf (the deadline sweep uses the same setting). Default 5. */
  dueSoonWorkingDays?: number
  /**
   * Exemption applications counted outside the case decisions, keyed by exemption code: e.g. the lines of the
   * disclosure redaction schedules for responses sent in the period. Reported in their own column ("redactions")
   * so they are never added to the count of cases.
   */
  redactionCounts?: Readonly<Record<string, number>>
  /** User id → display name, for the assignee column of the overdue and at-risk list. */
  userNames?: ReadonlyMap<string, string>
}

/** A count under a stable key with its plain-English label; tables list every key, zeros included. */
export interface Count<K extends string = string> {
  key: K
  label: string
  count: number
}

export interface ReceivedFigures {
  /** Rights requests received in the period. */
  total: number
  byRight: Count<Right>[]
  byChannel: Count<Channel>[]
}

export interface LateResponse {
  reference: string
  right: Right | null
  receivedOn: LocalDate
  dueOn: LocalDate
  sentOn: LocalDate
  daysLate: number
}

export interface TimelinessFigures {
  responded: number
  onTime: number
  late: number
  /** onTime / responded × 100, to one decimal place; null when nothing was responded to. */
  onTimePercent: number | null
  medianDays: number | null
  p90Days: number | null
  lateResponses: LateResponse[]
}

export interface OpenByType {
  caseType: CaseType
  label: string
  open: number
  overdue: number
  dueSoon: number
}

export interface OpenFigures {
  asOf: LocalDate
  /** The last day counted as "due soon": asOf plus the due-soon working days. */
  dueSoonUntil: LocalDate
  open: number
  overdue: number
  dueSoon: number
  waitingForRequester: number
  byCaseType: OpenByType[]
}

export interface ExtensionFigures {
  total: number
  byGround: Count<ExtensionGround>[]
}

export interface PauseFigures {
  /** Clarification pauses started in the period. */
  count: number
  /** Distinct cases with a pause started in the period. */
  cases: number
  /** Calendar days paused, both ends inclusive; a pause still open counts up to asOf. */
  totalPausedDays: number
  stillOpen: number
}

export interface RefusalFigures {
  total: number
  byBasis: Count<RefusalBasis>[]
}

export interface ExemptionCount {
  code: string
  citation: string
  shortName: string
  /** Responses sent in the period that relied on it (each case once). */
  cases: number
  /** Applications counted elsewhere (redaction schedule lines); 0 when not supplied. */
  redactions: number
}

export interface AppealFigures {
  received: number
  decided: number
  upheld: number
  notUpheld: number
  /** Reviews not yet answered, as of asOf (whenever they arrived). */
  open: number
}

export interface ComplaintFigures {
  received: number
  upheld: number
  notUpheld: number
  open: number
  /** Open complaints not acknowledged by their acknowledgement date (DPA 2018 s.164A(3)(a)), as of asOf. */
  acknowledgementOverdue: number
}

export interface RegulatorFigures {
  received: number
  answered: number
  open: number
  overdue: number
}

export interface SearchTaskTeamFigures {
  team: string
  outstanding: number
  overdue: number
  /** The earliest due date among the team's overdue tasks. */
  oldestDueOn: LocalDate | null
}

export interface AtRiskCase {
  caseId: string
  reference: string
  caseType: CaseType
  right: Right | null
  status: CaseStatus
  receivedOn: LocalDate
  dueOn: LocalDate
  /** Calendar days from asOf to the due date; negative when overdue. */
  daysLeft: number
  overdue: boolean
  assigneeId: string | null
  assigneeName: string | null
}

/** Issue 13: decisions on the other rights, Art 19 recipients and Art 18 restrictions (other-rights.ts). */
export interface OtherRightsFigures {
  byRight: { right: Right; label: string; inFull: number; inPart: number; declined: number }[]
  grounds: { code: string; citation: string; shortName: string; decisions: number }[]
  recipients: { notified: number; impossible: number; disproportionate: number }
  restrictions: { started: number; liftNotices: number; lifted: number; inPlace: number }
}

export interface ComplianceFigures {
  period: Period
  asOf: LocalDate
  /** The controllers reported on; null means all of them. */
  controllerIds: string[] | null
  received: ReceivedFigures
  /** Rights requests finished in the period: response sent, or withdrawn without one (as the monthly series). */
  closed: number
  timeliness: TimelinessFigures
  open: OpenFigures
  extensions: ExtensionFigures
  clarificationPauses: PauseFigures
  refusals: RefusalFigures
  outcomes: Count<Outcome>[]
  exemptions: ExemptionCount[]
  otherRights: OtherRightsFigures
  appeals: AppealFigures
  complaints: ComplaintFigures
  regulatorCases: RegulatorFigures
  searchTasks: SearchTaskTeamFigures[]
  overdueAndAtRisk: AtRiskCase[]
  /** Third-party consents, children's competence and compensation claims (safeguards.ts). */
  safeguards: SafeguardFigures
}
