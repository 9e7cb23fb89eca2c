import type { CaseView } from '../../../application/get-case.js'
import { formatLongDate, formatLongDateWithDay } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { badgesOf, kindText, statusTag } from '../cases/case-rows.js'

/** The few facts every case page and action form shows: who, what, where it stands, when it is due. */
export function caseSummary(view: CaseView, today: string) {
  const s = view.state
  const c = view.clock
  return {
    id: s.id,
    reference: s.reference,
    name: s.subject.name,
    kind: kindText({ caseType: s.caseType, right: s.right ?? null }),
    tag: statusTag(s.status, s.outcome ?? null),
    due: c.due ? formatLongDateWithDay(c.due) : null,
    daysLeft: c.daysLeft,
    running: c.running,
    paused: c.paused,
    awaitingRestart: c.awaitingRestart,
    noticeDeadline: c.noticeDeadline ? formatLongDate(c.noticeDeadline) : null,
    pausedDays: c.pausedDays,
    regime: c.regime ? text(`casework.regimes.${s.route}.${c.regime}`) : null,
    explanation: c.explanation,
    waitingFor: view.waitingFor,
    badges: badgesOf(
      {
        id: s.id,
        reference: s.reference,
        controllerId: s.controllerId,
        caseType: s.caseType,
        right: s.right ?? null,
        status: s.status,
        receivedOn: s.receivedOn,
        dueOn: c.due,
        assigneeId: s.assigneeId ?? null,
        requesterName: s.subject.name,
        parentCaseId: s.parentCaseId ?? null,
        version: s.version,
        extended: Boolean(s.extension),
      },
      today,
    ),
  }
}
