import type { SearchSubject } from '../../../discovery/match/index.js'
import { list, str } from '../render.js'

export const SUBJECT_FIELDS = [
  'names',
  'aliases',
  'emails',
  'phones',
  'datesOfBirth',
  'postcodes',
  'addresses',
  'niNumbers',
  'pncIds',
  'vehicleRegs',
  'references',
] as const

const lines = (v: string) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The search form: one textarea per kind of identifier, one value a line. */
export function readSearchForm(body: unknown) {
  const subject: SearchSubject = { names: [] }
  for (const f of SUBJECT_FIELDS) (subject as unknown as Record<string, string[]>)[f] = lines(str(body, f))
  return { subject, sourceIds: list(body, 'sourceIds'), scopeNote: str(body, 'scopeNote') }
}

export function formValues(subject: SearchSubject): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of SUBJECT_FIELDS) out[f] = ((subject as unknown as Record<string, string[]>)[f] ?? []).join('\n')
  return out
}
