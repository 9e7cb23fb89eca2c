import type { ProcessingRoute } from '../clock/index.js'
import { fail, ok, type Result } from '../errors.js'

/**
 * An organisation whose requests this deployment handles (DESIGN §5): one office of a Police and Crime
 * Commissioner and one or more police forces can share an information rights unit, but each is its own controller.
 */
export type ControllerKind = 'opcc' | 'police-force' | 'other'

export interface ControllerContact {
  email: string
  phone: string
  postalAddress: readonly string[]
}

/** Where to send people whose request belongs to another organisation (seed 000: the OPCC is not the force). */
export interface Signpost {
  name: string
  url: string
  note: string
}

/**
 * How a requester asks the office to look at a decision again. There is no statutory internal review for data
 * protection rights (uk-rules §2); seed 002 has the Chief Executive conclude appeals within 20 working days. How long
 * a person has to ask is local policy: 40 working days mirrors the FOIA s.45 Code of Practice.
 */
export interface ReviewPolicy {
  /** Who reviews, as a letter says it: "Our Chief Executive". */
  reviewer: string
  askWithinWorkingDays: number
  replyWithinWorkingDays: number
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  reviewer: 'A senior member of staff who was not involved in the decision',
  askWithinWorkingDays: 40,
  replyWithinWorkingDays: 20,
}

/** Who signs a letter: a person, their role and the office they sign for (issue 13: a force's letters are signed by
 * its own officer, never by the OPCC's Chief Executive who happened to draft them). */
export interface Signatory {
  name: string
  role: string
  office: string
}

/** Signatories per controller: one for every letter, and any letter type (template id) signed by someone else. */
export interface LetterSigning {
  default?: Signatory
  byLetter?: Record<string, Signatory>
}

export interface Controller {
  id: string
  name: string
  shortName: string
  kind: ControllerKind
  /**
   * The usual route for a new request: a force handles most requests for law-enforcement data under DPA 2018
   * Part 3, an OPCC under UK GDPR. A caseworker can change it per case.
   */
  defaultRoute: ProcessingRoute
  contact: ControllerContact
  privacyNoticeUrl?: string
  signpost?: Signpost
  review?: ReviewPolicy
  signing?: LetterSigning
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

function fieldProblems(c: Controller): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!ID_PATTERN.test(c.id)) problems.id = 'Use lower-case letters, numbers and hyphens'
  if (c.name.trim() === '') problems.name = 'Enter the organisation’s full name'
  if (c.shortName.trim() === '' || c.shortName.length > 20)
    problems.shortName = 'Enter a short name of up to 20 characters'
  if (!['opcc', 'police-force', 'other'].includes(c.kind)) problems.kind = 'Choose the kind of organisation'
  if (!['UK_GDPR', 'DPA_PART3'].includes(c.defaultRoute)) problems.defaultRoute = 'Choose UK GDPR or DPA 2018 Part 3'
  if (!EMAIL_PATTERN.test(c.contact.email)) problems['contact.email'] = 'Enter an email address like name@example.org'
  if (!PHONE_PATTERN.test(c.contact.phone)) problems['contact.phone'] = 'Enter a UK phone number'
  if (c.contact.postalAddress.filter((l) => l.trim() !== '').length < 2) {
    problems['contact.postalAddress'] = 'Enter at least two lines of the postal address'
  }
  if (c.privacyNoticeUrl !== undefined && !isHttpsUrl(c.privacyNoticeUrl)) {
    problems.privacyNoticeUrl = 'Enter a web address starting with https://'
  }
  if (c.signpost !== undefined && (c.signpost.name.trim() === '' || !isHttpsUrl(c.signpost.url))) {
    problems.signpost = 'Give the other organisation’s name and a web address starting with https://'
  }
  return problems
}

/** Checks a controller's settings before they are saved; returns it unchanged when valid. */
export function validateController(controller: Controller): Result<Controller> {
  const fields = fieldProblems(controller)
  const names = Object.keys(fields)
  if (names.length === 0) return ok(controller)
  return fail('validation', `controller ${controller.id}: invalid ${names.join(', ')}`, { fields })
}
