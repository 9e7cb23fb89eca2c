/**
 * What a found mention is, and how much it says on its own. Strong kinds name the person unambiguously; short forms
 * (a first name, a surname, initials) only count in a text that has a strong mention too, as the Enron coreference
 * threads show people are written about once they have been named.
 */
export type MentionKind =
  | 'full-name'
  | 'nickname-name'
  | 'surname-first'
  | 'initial-name'
  | 'email'
  | 'email-name'
  | 'phone'
  | 'ni'
  | 'pnc'
  | 'vrm'
  | 'reference'
  | 'dob'
  | 'postcode'
  | 'address'
  | 'similar-name'
  | 'titled-surname'
  | 'given-name'
  | 'nickname'
  | 'surname'
  | 'initials'

export const MENTION_SCORES: Record<MentionKind, number> = {
  email: 0.99,
  ni: 0.99,
  pnc: 0.99,
  phone: 0.95,
  'full-name': 0.95,
  'surname-first': 0.95,
  'nickname-name': 0.9,
  reference: 0.9,
  'email-name': 0.85,
  vrm: 0.8,
  'initial-name': 0.75,
  address: 0.75,
  'titled-surname': 0.7,
  'given-name': 0.6,
  nickname: 0.55,
  surname: 0.55,
  dob: 0.5,
  'similar-name': 0.5,
  initials: 0.5,
  postcode: 0.4,
}

/** A mention at least this strong anchors the short forms in the same text. */
export const ANCHOR_SCORE = 0.75

/** Kinds that are only reported in a text that also has an anchor. */
export const SHORT_FORMS: ReadonlySet<MentionKind> = new Set([
  'titled-surname',
  'given-name',
  'nickname',
  'surname',
  'initials',
])

export interface Mention {
  start: number
  end: number
  text: string
  kind: MentionKind
  score: number
}
