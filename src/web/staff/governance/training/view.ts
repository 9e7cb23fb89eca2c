import type { FastifyRequest } from 'fastify'
import { formatLongDate, type TrainingStatus } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { FORMAT, dateItems, type FormErrors } from '../../render.js'

/**
 * What the status list shows for one person and one training. The domain says "complete" for training that is not
 * due yet; when it has never been done that would mislead (a future starter, or a course first due a year in), so
 * it is shown as "not due yet".
 */
export type DisplayStatus = 'overdue' | 'due' | 'due-soon' | 'complete' | 'not-yet-due'

export const TAG_CLASSES: Record<DisplayStatus, string> = {
  overdue: 'govuk-tag--red',
  due: 'govuk-tag--orange',
  'due-soon': 'govuk-tag--yellow',
  complete: 'govuk-tag--green',
  'not-yet-due': 'govuk-tag--grey',
}

/** The order the list sorts by status: most urgent first. */
export const URGENCY: Record<DisplayStatus, number> = {
  overdue: 0,
  due: 1,
  'due-soon': 2,
  'not-yet-due': 3,
  complete: 4,
}

export function displayStatus(s: Pick<TrainingStatus, 'state' | 'lastCompletedOn'>): DisplayStatus {
  return s.state === 'complete' && s.lastCompletedOn === null ? 'not-yet-due' : s.state
}

/** The cells every table of training status shows; the long list uses short months ("9 Nov 2026") to fit. */
export function statusCells(s: TrainingStatus, opts: { short?: boolean } = {}) {
  const status = displayStatus(s)
  const date = opts.short ? FORMAT.date : formatLongDate
  return {
    status,
    statusText: text(`training.status.${status}`),
    tagClass: TAG_CLASSES[status],
    urgency: URGENCY[status],
    lastText: s.lastCompletedOn ? date(s.lastCompletedOn) : text('training.never'),
    dueText: s.dueOn ? date(s.dueOn) : text('training.notAgain'),
  }
}

export const personPath = (personId: string) => `/staff/governance/training/people/${personId}`

/** GOV.UK date input items, with every part marked when the date has an error. */
export function dateInput(body: unknown, name: string, iso: string | null | undefined, errors?: FormErrors) {
  const bad = errors?.fields[name] !== undefined
  return dateItems(body, name, iso ?? undefined).map((item) =>
    bad ? { ...item, classes: `${item.classes} govuk-input--error` } : item,
  )
}

/** The success banner named in ?done=… after a POST-redirect-GET, if it is one this page knows. */
export function doneOf(request: FastifyRequest, known: readonly string[]): string | null {
  const done = (request.query as Record<string, unknown>).done
  return typeof done === 'string' && known.includes(done) ? done : null
}
