import { RIGHTS, isValidLocalDate, rightDefinition } from '../../../domain/index.js'
import type { LocalDate, Right } from '../../../domain/index.js'
import { hasPostalAddress, isRepresentative, type RequestAnswers } from './answers.js'

/**
 * The make-a-request journey as data: which question pages apply to these answers, in order, and which are done.
 * Routes use it to refuse pages reached out of order, to find the next page, and to build back links, so there is
 * one place that knows the order.
 */
export type StepId =
  | 'organisation'
  | 'who'
  | 'alive'
  | 'rights'
  | 'name'
  | 'dob'
  | 'representative'
  | 'contact'
  | 'response-format'
  | `details:${Right}`
  | 'evidence'
  | 'upload'
  | 'no-documents'

export type Destination = StepId | 'check' | 'deceased'

const FIXED_PATHS: Record<Exclude<Destination, `details:${Right}`>, string> = {
  organisation: '/request/organisation',
  who: '/request/who-is-asking',
  alive: '/request/alive',
  rights: '/request/rights',
  name: '/request/name',
  dob: '/request/date-of-birth',
  representative: '/request/your-details',
  contact: '/request/contact',
  'response-format': '/request/response-format',
  evidence: '/request/evidence',
  upload: '/request/upload',
  'no-documents': '/request/no-documents',
  check: '/request/check',
  deceased: '/request/deceased',
}

export function pathOf(step: Destination): string {
  if (step.startsWith('details:')) return `/request/details/${step.slice('details:'.length)}`
  return FIXED_PATHS[step as Exclude<Destination, `details:${Right}`>]
}

/** The question pages that apply, in order. Someone asking for themselves is alive and needs no representative. */
export function applicableSteps(a: RequestAnswers): StepId[] {
  const steps: StepId[] = ['organisation', 'who']
  if (isRepresentative(a)) steps.push('alive')
  steps.push('rights', 'name', 'dob')
  if (isRepresentative(a)) steps.push('representative')
  steps.push('contact', 'response-format')
  for (const right of RIGHTS) if (a.rights?.includes(right)) steps.push(`details:${right}`)
  steps.push('evidence')
  if (a.evidenceMethod === 'upload') steps.push('upload')
  if (a.evidenceMethod === 'none') steps.push('no-documents')
  return steps
}

/** Whole years between two dates (the birthday counts on the day). */
export function ageOn(dateOfBirth: LocalDate, today: LocalDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  const years = (ty ?? 0) - (by ?? 0)
  return (tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0)) ? years - 1 : years
}

/** Why a date of birth does not fit the answers so far, or null (seed 002 splits representatives at 12). */
export function dateOfBirthProblem(
  a: RequestAnswers,
  today: LocalDate,
): 'future' | 'too-old' | 'not-under-12' | 'under-12' | null {
  const dob = a.dateOfBirth
  if (!dob || !isValidLocalDate(dob)) return null
  if (dob > today) return 'future'
  const age = ageOn(dob, today)
  if (age > 130) return 'too-old'
  if (a.requesterType === 'parent-of-child-under-12' && age >= 12) return 'not-under-12'
  if (a.requesterType === 'representative-of-person-12-plus' && age < 12) return 'under-12'
  return null
}

function detailsComplete(a: RequestAnswers, right: Right): boolean {
  const given = a.details?.[right] ?? {}
  return rightDefinition(right).requiredDetails.every((d) => (given[d.field] ?? '').trim() !== '')
}

export function isComplete(step: StepId, a: RequestAnswers, today: LocalDate): boolean {
  switch (step) {
    case 'organisation':
      return !!a.controllerId
    case 'who':
      return !!a.requesterType
    case 'alive':
      return a.alive === 'yes'
    case 'rights':
      return (a.rights ?? []).length > 0
    case 'name':
      return !!a.subjectName
    case 'dob':
      return !!a.dateOfBirth && dateOfBirthProblem(a, today) === null
    case 'representative':
      return !!a.representative?.name && !!a.representative.relationship && organisationOk(a)
    case 'contact':
      return !!a.contact && (a.contact.email !== '' || hasPostalAddress(a.contact))
    case 'response-format':
      return responseFormatOk(a)
    case 'evidence':
      return !!a.evidenceMethod
    case 'upload':
      return (a.uploads ?? []).length > 0
    case 'no-documents':
      return !!a.noDocuments
    default:
      return detailsComplete(a, step.slice('details:'.length) as Right)
  }
}

function organisationOk(a: RequestAnswers): boolean {
  return a.requesterType !== 'solicitor-or-agent' || !!a.representative?.organisation
}

export function responseFormatOk(a: RequestAnswers): boolean {
  switch (a.responseFormat) {
    case 'post':
      return hasPostalAddress(a.contact)
    case 'email':
    case 'portal':
      return !!a.contact?.email
    default:
      return false
  }
}

/** Where someone with these answers should be: the first unanswered page, the FOI signpost, or check answers. */
export function firstIncomplete(a: RequestAnswers, today: LocalDate): Destination {
  for (const step of applicableSteps(a)) {
    if (step === 'alive' && a.alive === 'no') return 'deceased'
    if (!isComplete(step, a, today)) return step
  }
  return 'check'
}

/** A page may be shown only if it applies and every page before it is answered. */
export function reachable(step: StepId, a: RequestAnswers, today: LocalDate): boolean {
  const steps = applicableSteps(a)
  const index = steps.indexOf(step)
  if (index === -1) return false
  return steps.slice(0, index).every((s) => isComplete(s, a, today))
}

/** After answering `step`: the next page, or (when changing an answer) the first gap, else check answers. */
export function nextAfter(step: StepId, a: RequestAnswers, today: LocalDate, changing: boolean): Destination {
  const gap = firstIncomplete(a, today)
  if (changing || gap === 'deceased') return gap
  const steps = applicableSteps(a)
  const here = steps.indexOf(step)
  // An answer can undo an earlier one's fit (a new date of birth, say): go back to the gap rather than past it.
  if (gap !== 'check' && steps.indexOf(gap) <= here) return gap
  return steps[here + 1] ?? gap
}

export function previousOf(step: StepId, a: RequestAnswers): string {
  const steps = applicableSteps(a)
  const before = steps[steps.indexOf(step) - 1]
  return before ? pathOf(before) : '/'
}
