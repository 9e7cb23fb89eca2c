import { addDays, daysBetweenInclusive, type CaseStatus } from '../../../domain/index.js'
import type { CaseRowSummary } from '../../../persistence/repositories/case-repository.js'
import type { DirectoryEntry } from '../../../application/staff/user-directory.js'
import { text } from '../../nunjucks.js'

export interface Badge {
  text: string
  classes: string
}

/** Calendar days from today to the due date; negative when overdue. */
export function daysLeft(today: string, due: string): number {
  return due >= today ? daysBetweenInclusive(today, due) - 1 : -(daysBetweenInclusive(due, today) - 1)
}

const STOPPED: readonly string[] = ['responded', 'closed', 'withdrawn']

/** The badges the case list shows (issue: overdue / due this week / paused / extended). */
export function badgesOf(row: CaseRowSummary, today: string): Badge[] {
  const badges: Badge[] = []
  if (row.unread) badges.push({ text: text('casework.badges.replied'), classes: 'moj-badge--green' })
  const running = !STOPPED.includes(row.status)
  if (running && row.dueOn && row.dueOn < today)
    badges.push({ text: text('casework.badges.overdue'), classes: 'moj-badge--red' })
  else if (running && row.dueOn && row.dueOn <= addDays(today, 7))
    badges.push({ text: text('casework.badges.dueThisWeek'), classes: 'moj-badge--blue' })
  if (row.status === 'awaiting-clarification')
    badges.push({ text: text('casework.badges.paused'), classes: 'moj-badge--purple' })
  if (['awaiting-identity', 'awaiting-authority', 'awaiting-fee'].includes(row.status))
    badges.push({ text: text('casework.badges.waiting'), classes: 'moj-badge--grey' })
  if (row.extended) badges.push({ text: text('casework.badges.extended'), classes: 'moj-badge--bright-purple' })
  return badges
}

/**
 * A decided appeal is "approved" inside (its decision is the sign-off, seed 002) but an appeal not upheld is not
 * "Approved" to anyone reading the list (issue 14): until the outcome is sent, the words say what was decided.
 */
export function statusText(status: CaseStatus | string, outcome?: string | null): string {
  if (status === 'approved' && ['review-upheld', 'review-partly-upheld', 'review-not-upheld'].includes(outcome ?? ''))
    return text(`casework.status.decided.${outcome}`)
  return text(`casework.status.${status}`)
}

/** Tag colours follow GOV.UK's task-list advice: grey waiting on others, blue ours to do, green done. */
export function statusTag(status: string, outcome?: string | null): { text: string; classes: string } {
  const colour: Record<string, string> = {
    received: '',
    'in-progress': 'govuk-tag--teal',
    'in-review': 'govuk-tag--purple',
    approved: 'govuk-tag--turquoise',
    responded: 'govuk-tag--green',
    closed: 'govuk-tag--grey',
    withdrawn: 'govuk-tag--grey',
  }
  return { text: statusText(status, outcome), classes: colour[status] ?? 'govuk-tag--yellow' }
}

export function kindText(row: Pick<CaseRowSummary, 'caseType' | 'right'>): string {
  return row.caseType === 'rights-request' && row.right
    ? text(`casework.rights.${row.right}`)
    : text(`casework.caseTypes.${row.caseType}`)
}

export function nameOf(directory: readonly DirectoryEntry[], id: string | null): string {
  if (!id) return text('casework.list.unassigned')
  return directory.find((u) => u.id === id)?.name ?? text('casework.list.unknownUser')
}

/** One line of the CSV export. Cells that a spreadsheet would run as a formula are prefixed (CSV injection). */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells
    .map((cell) => {
      let s = cell === null ? '' : String(cell)
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
    })
    .join(',')
}
