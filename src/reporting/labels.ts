// Plain-English labels for the report tables and charts. The readers are a chief executive and a head of policy,
// so the words are theirs, not the code's ("Online form", not "portal").
import type { CaseStatus, CaseType, Channel, ExtensionGround, RefusalBasis, Right } from '../domain/index.js'

export const RIGHT_LABELS: Record<Right, string> = {
  access: 'Access (copy of information)',
  rectification: 'Rectification (correction)',
  erasure: 'Erasure (deletion)',
  restriction: 'Restriction of use',
  portability: 'Data portability',
  objection: 'Objection',
  'automated-decision': 'Automated decision-making',
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  post: 'Post',
  phone: 'Phone',
  'in-person': 'In person',
  portal: 'Online form',
  api: 'Partner system (API)',
}

export const EXTENSION_GROUND_LABELS: Record<ExtensionGround, string> = {
  complexity: 'Complex request',
  number: 'Number of requests from the person',
}

export const REFUSAL_BASIS_LABELS: Record<RefusalBasis, string> = {
  'manifestly-unfounded': 'Manifestly unfounded',
  'manifestly-excessive': 'Manifestly excessive',
  'no-authority': 'No proof of authority to act',
  exemption: 'Exemption applies',
}

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  'rights-request': 'Rights requests',
  review: 'Appeals (internal reviews)',
  complaint: 'Complaints',
  'regulator-case': 'Regulator (ICO) cases',
}

/** One case of the type, for list columns. */
export const CASE_TYPE_SINGULAR: Record<CaseType, string> = {
  'rights-request': 'Rights request',
  review: 'Appeal',
  complaint: 'Complaint',
  'regulator-case': 'Regulator (ICO)',
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: 'Received',
  'awaiting-identity': 'Waiting for ID',
  'awaiting-authority': 'Waiting for authority',
  'awaiting-fee': 'Waiting for fee',
  'awaiting-clarification': 'Waiting for clarification',
  'in-progress': 'In progress',
  'in-review': 'Draft with reviewer',
  approved: 'Approved, not sent',
  responded: 'Responded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
}

/** Short right names for narrow table columns (the at-risk list). */
export const RIGHT_SHORT_LABELS: Record<Right, string> = {
  access: 'Access',
  rectification: 'Rectification',
  erasure: 'Erasure',
  restriction: 'Restriction',
  portability: 'Portability',
  objection: 'Objection',
  'automated-decision': 'Automated decision',
}

/** "3 days", "1 day". */
export function days(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`
}

/** "16 days overdue", "Due today", "8 days left". */
export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft < 0) return `${days(-daysLeft)} overdue`
  if (daysLeft === 0) return 'Due today'
  return `${days(daysLeft)} left`
}

export function percentLabel(value: number | null): string {
  return value === null ? 'No responses' : `${value.toFixed(1)}%`
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2 Mar 2026" with no-break spaces: the GOV.UK short date style, never split over two lines in a table. */
export function shortDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return [day ?? '', SHORT_MONTHS[(month ?? 1) - 1] ?? '', year ?? ''].join('\u00a0')
}
