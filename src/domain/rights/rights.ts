import type { ProcessingRoute } from '../clock/index.js'

/** The individual rights a requester can exercise (UK GDPR Arts 15–22D; DPA 2018 Part 3 ss.45–50D). */
export type Right =
  'access' | 'rectification' | 'erasure' | 'restriction' | 'portability' | 'objection' | 'automated-decision'

export const RIGHTS: readonly Right[] = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated-decision',
]

/** Something the requester has to tell us for us to act; `field` is the key in the case's request details. */
export interface RequiredDetail {
  field: string
  label: string
}

export interface RightDefinition {
  right: Right
  /** Where the right comes from under UK GDPR. */
  article: string
  /** Where it comes from under DPA 2018 Part 3, when it exists there. */
  part3Section: string | null
  title: string
  summary: string
  requiredDetails: readonly RequiredDetail[]
  /** UK GDPR Art 12A(5) and DPA s.54(3C): the clarification pause exists for access requests only. */
  clarificationPauseApplies: boolean
  /** Portability and objection have no Part 3 equivalent (uk-rules §9). */
  availableUnderPart3: boolean
}

const definitions: readonly RightDefinition[] = [
  {
    right: 'access',
    article: 'UK GDPR Art 15',
    part3Section: 'DPA 2018 s.45',
    title: 'Get a copy of your information',
    summary: 'Find out whether we hold information about you, get a copy of it and learn how we use it.',
    requiredDetails: [
      { field: 'dataWanted', label: 'What information you want, and any dates or events it relates to' },
    ],
    clarificationPauseApplies: true,
    availableUnderPart3: true,
  },
  {
    right: 'rectification',
    article: 'UK GDPR Art 16',
    part3Section: 'DPA 2018 s.46',
    title: 'Correct your information',
    summary: 'Ask us to correct information about you that is wrong, or to complete information that is incomplete.',
    requiredDetails: [
      { field: 'inaccurateData', label: 'Which information is wrong or incomplete' },
      { field: 'correction', label: 'What it should say' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: true,
  },
  {
    right: 'erasure',
    article: 'UK GDPR Art 17',
    part3Section: 'DPA 2018 s.47',
    title: 'Delete your information',
    summary: 'Ask us to delete information about you, for example when we no longer need it.',
    requiredDetails: [
      { field: 'dataToErase', label: 'Which information you want deleted' },
      { field: 'grounds', label: 'Why you think it should be deleted' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: true,
  },
  {
    right: 'restriction',
    article: 'UK GDPR Art 18',
    part3Section: 'DPA 2018 s.47',
    title: 'Limit how we use your information',
    summary: 'Ask us to keep your information but stop using it, for example while its accuracy is checked.',
    requiredDetails: [
      { field: 'dataToRestrict', label: 'Which information you want us to stop using' },
      { field: 'grounds', label: 'Why you want us to stop using it' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: true,
  },
  {
    right: 'portability',
    article: 'UK GDPR Art 20',
    part3Section: null,
    title: 'Move your information',
    summary: 'Get information you gave us in a format a computer can read, or have us send it to another organisation.',
    requiredDetails: [
      { field: 'dataProvided', label: 'Which information you gave us that you want to move' },
      { field: 'destination', label: 'Whether you want it yourself or sent to another organisation (and which)' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: false,
  },
  {
    right: 'objection',
    article: 'UK GDPR Art 21',
    part3Section: null,
    title: 'Object to how we use your information',
    summary: 'Ask us to stop using your information because of your particular situation, or for direct marketing.',
    requiredDetails: [
      { field: 'processingObjectedTo', label: 'Which use of your information you object to' },
      { field: 'particularSituation', label: 'What about your situation makes you object' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: false,
  },
  {
    right: 'automated-decision',
    article: 'UK GDPR Arts 22A–22D',
    part3Section: 'DPA 2018 ss.50A–50D',
    title: 'Challenge a decision made by a computer',
    summary: 'Ask for a person to look again at a significant decision made about you without human involvement.',
    requiredDetails: [
      { field: 'decision', label: 'Which decision you mean, and when it was made' },
      { field: 'safeguardWanted', label: 'What you want: a person to review it, to give your view, or to contest it' },
    ],
    clarificationPauseApplies: false,
    availableUnderPart3: true,
  },
]

const byRight = new Map(definitions.map((d) => [d.right, d]))

export function isRight(value: unknown): value is Right {
  return typeof value === 'string' && (RIGHTS as readonly string[]).includes(value)
}

export function rightDefinition(right: Right): RightDefinition {
  const definition = byRight.get(right)
  if (!definition) throw new RangeError(`unknown right '${String(right)}'`)
  return definition
}

export function rightDefinitions(): readonly RightDefinition[] {
  return definitions
}

export function rightAvailable(right: Right, route: ProcessingRoute): boolean {
  return route === 'UK_GDPR' || rightDefinition(right).availableUnderPart3
}

/** Labels of required details the request does not yet give (blank answers count as missing). */
export function missingDetails(right: Right, details: Readonly<Record<string, string>>): string[] {
  return rightDefinition(right)
    .requiredDetails.filter((d) => (details[d.field] ?? '').trim() === '')
    .map((d) => d.label)
}
