import { LAWFUL_BASES, validateActivity, type LawfulBasis, type ProcessingActivity } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { str, list } from '../../render.js'
import { lines } from './shared.js'

/** Transfer rows the form offers: those already recorded and two empty ones (no script needed to add one). */
const SPARE_TRANSFER_ROWS = 2
const MAX_TRANSFER_ROWS = 20

const LIST_FIELDS = [
  'purposes',
  'dataSubjects',
  'dataCategories',
  'specialCategories',
  'specialCategoryConditions',
  'sources',
  'recipients',
] as const

type ListField = (typeof LIST_FIELDS)[number]

/** The form as typed: lists are one-per-line text, so a refused form shows back exactly what was entered. */
export type ActivityValues = Record<ListField | 'name' | 'retention' | 'securitySummary', string> & {
  lawfulBases: string[]
  transfers: { destination: string; safeguard: string }[]
}

export function valuesFromActivity(a: ProcessingActivity): ActivityValues {
  const listed = Object.fromEntries(LIST_FIELDS.map((f) => [f, a[f].join('\n')])) as Record<ListField, string>
  return {
    ...listed,
    name: a.name,
    retention: a.retention,
    securitySummary: a.securitySummary,
    lawfulBases: [...a.lawfulBases],
    transfers: a.transfers.map((t) => ({ ...t })),
  }
}

export function emptyValues(): ActivityValues {
  return {
    ...(Object.fromEntries(LIST_FIELDS.map((f) => [f, ''])) as Record<ListField, string>),
    name: '',
    retention: '',
    securitySummary: '',
    lawfulBases: [],
    transfers: [],
  }
}

export function valuesFromBody(body: unknown): ActivityValues {
  const transfers: ActivityValues['transfers'] = []
  for (let i = 0; i < MAX_TRANSFER_ROWS; i++) {
    const destination = str(body, `transferDestination-${i}`)
    const safeguard = str(body, `transferSafeguard-${i}`)
    if (destination || safeguard) transfers.push({ destination, safeguard })
  }
  return {
    ...(Object.fromEntries(LIST_FIELDS.map((f) => [f, str(body, f)])) as Record<ListField, string>),
    name: str(body, 'name'),
    retention: str(body, 'retention'),
    securitySummary: str(body, 'securitySummary'),
    lawfulBases: list(body, 'lawfulBases').filter((b) => b in LAWFUL_BASES),
    transfers,
  }
}

export function activityFrom(v: ActivityValues, controllerId: string, id?: string): ProcessingActivity {
  const listed = Object.fromEntries(LIST_FIELDS.map((f) => [f, lines(v[f])])) as Record<ListField, string[]>
  return {
    ...listed,
    id: id ?? '',
    controllerId,
    name: v.name,
    lawfulBases: v.lawfulBases as LawfulBasis[],
    transfers: v.transfers,
    retention: v.retention,
    securitySummary: v.securitySummary,
  }
}

export interface ActivityProblems {
  fields: Record<string, string>
  /** Where the summary's link for each field goes (a transfer problem: the row at fault). */
  ids: Record<string, string>
}

/**
 * Every problem at once, so the error summary lists them all: the domain's rules (validateActivity, which
 * saveActivity applies again before storing) and a transfer with a safeguard but no destination.
 */
export function activityProblems(v: ActivityValues, controllerId: string): ActivityProblems {
  const fields = validateActivity(activityFrom(v, controllerId, 'check'))
  const ids: Record<string, string> = {}
  const noSafeguard = v.transfers.findIndex((t) => t.safeguard === '')
  const noDestination = v.transfers.findIndex((t) => t.destination === '')
  if (fields.transfers) ids.transfers = `transferSafeguard-${noSafeguard}`
  else if (noDestination >= 0) {
    fields.transfers = text('register.activity.destinationMissing', { n: noDestination + 1 })
    ids.transfers = `transferDestination-${noDestination}`
  }
  return { fields, ids }
}

/** The rows the template shows: the transfers entered and the spare empty rows. */
export function transferRows(v: ActivityValues) {
  const rows = [...v.transfers]
  for (let i = 0; i < SPARE_TRANSFER_ROWS && rows.length < MAX_TRANSFER_ROWS; i++)
    rows.push({ destination: '', safeguard: '' })
  return rows.map((r, i) => ({ ...r, index: i, n: i + 1 }))
}

export function basisItems(checked: readonly string[]) {
  return (Object.keys(LAWFUL_BASES) as LawfulBasis[]).map((b) => ({
    value: b,
    text: `${text(`register.bases.${b}`)} (${LAWFUL_BASES[b].citation})`,
    hint: { text: text('register.activity.basisHint', { reason: LAWFUL_BASES[b].text }) },
    checked: checked.includes(b),
  }))
}
