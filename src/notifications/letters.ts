import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Outcome } from '../domain/index.js'
import { letterToHtml } from './letter-html.js'
import { renderTemplate, type RenderedText } from './render-template.js'

export { combinePdfs, letterToPdf, type LetterForPdf } from './letter-pdf.js'
export { GOVUK_LETTER_CLASSES, letterBodyHtml, letterToHtml } from './letter-html.js'

/**
 * Every letter the office sends (issue: Letters and emails). Notices go as soon as they are written (they ask for
 * something or say what happens next); responses are drafted, reviewed and approved before they go (seed 002).
 */
export const LETTER_TEMPLATES = {
  acknowledgement: { kind: 'notice' },
  'identity-request': { kind: 'notice' },
  'authority-request': { kind: 'notice' },
  'clarification-request': { kind: 'notice' },
  'fee-request': { kind: 'notice' },
  'extension-notice': { kind: 'notice' },
  'appeal-acknowledgement': { kind: 'notice' },
  'complaint-acknowledgement': { kind: 'notice' },
  // UK GDPR Art 18(3): the requester is told before a restriction of processing is lifted.
  'restriction-lift-notice': { kind: 'notice' },
  refusal: { kind: 'response' },
  'no-data-held': { kind: 'response' },
  'disclosure-full': { kind: 'response' },
  'disclosure-partial': { kind: 'response' },
  'action-taken': { kind: 'response' },
  'action-declined': { kind: 'response' },
  redirect: { kind: 'response' },
  'appeal-outcome': { kind: 'response' },
  'complaint-outcome': { kind: 'response' },
  'regulator-response': { kind: 'response' },
} as const satisfies Record<string, { kind: 'notice' | 'response' }>

export type LetterTemplateId = keyof typeof LETTER_TEMPLATES
export const LETTER_TEMPLATE_IDS = Object.keys(LETTER_TEMPLATES) as LetterTemplateId[]

export function isLetterTemplateId(value: unknown): value is LetterTemplateId {
  return typeof value === 'string' && Object.hasOwn(LETTER_TEMPLATES, value)
}

/** The response template that reports an outcome. */
export function templateForOutcome(outcome: Outcome): LetterTemplateId {
  switch (outcome) {
    case 'disclosed-in-full':
      return 'disclosure-full'
    case 'disclosed-in-part':
      return 'disclosure-partial'
    case 'no-data-held':
      return 'no-data-held'
    case 'action-taken':
      return 'action-taken'
    case 'action-declined':
      return 'action-declined'
    case 'redirected-other-controller':
    case 'redirected-deceased-foi':
    case 'redirected-acro':
    case 'not-personal-data':
      return 'redirect'
    case 'review-upheld':
    case 'review-partly-upheld':
    case 'review-not-upheld':
      return 'appeal-outcome'
    case 'complaint-upheld':
    case 'complaint-not-upheld':
      return 'complaint-outcome'
    case 'regulator-answered':
      return 'regulator-response'
    case 'refused-manifestly-unfounded':
    case 'refused-manifestly-excessive':
    case 'refused-exemption':
    case 'neither-confirm-nor-deny':
    case 'not-valid-no-authority':
    case 'withdrawn':
      return 'refusal'
  }
}

/** Renders a letter template with the case's details (see letter-context.ts for what the templates receive). */
export function renderLetter(id: LetterTemplateId, context: object): RenderedText {
  // Issue 13: who signs is a setting per controller and letter type; `signatories` holds the per-letter choices.
  const { signatories, signatory } = context as { signatories?: Record<string, unknown>; signatory?: unknown }
  return renderTemplate(`${id}.njk`, { ...context, signatory: signatories?.[id] ?? signatory })
}

/** Renders an email template (templates/emails). */
export function renderEmail(name: string, context: object): RenderedText {
  return renderTemplate(`${name}.njk`, context)
}

/** A letter as an email: the text itself, an HTML version, and a note that the PDF is attached. */
export function letterEmail(letter: RenderedText, privacyUrl: string): { subject: string; text: string; html: string } {
  const text = renderTemplate('letter-cover.njk', { body: letter.body, privacyUrl }).body
  return { subject: letter.subject, text, html: letterToHtml(text) }
}

type Phrases = Record<'requestNames' | 'jobTitles' | 'feeBasis' | 'caseTypes', Record<string, string>>

/** Short wordings letters share (request names, job titles), kept beside the templates rather than in code. */
export const LETTER_PHRASES = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates', 'phrases.json'), 'utf8'),
) as Phrases
