import type { Outcome } from '../../domain/index.js'

/** A line of the letter that lists what is enclosed: written by the gate from the files attached, never kept. */
const ENCLOSED_LINE = /^\s*(?:Enclosed|Enclosures?|Enc\.?)\s*:.*$/gim

/** The body as it is stored: whatever "Enclosed:" line was typed or left from an older version is dropped. */
export function withoutEnclosedLines(body: string): string {
  return body
    .replace(ENCLOSED_LINE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The "Enclosed" list of a letter, made from the files actually attached at the moment it is rendered. */
export function enclosedList(names: readonly string[]): string {
  return names.length ? `Enclosed: ${names.join(', ')}` : ''
}

/** The body as the requester reads it: the stored text, then the list of what is enclosed (as a letter ends). */
export function bodyWithEnclosures(body: string, names: readonly string[]): string {
  const text = withoutEnclosedLines(body)
  return names.length ? `${text}\n\n${enclosedList(names)}` : text
}

/** Wordings that tell the reader something comes with the letter. */
const CLAIMS = [
  /\b(?:is|are|has been|have been|was|were)\s+(?:enclosed|attached)\b/i,
  /\b(?:enclosed|attached|provided)\s+in\s+(?:full|part)\b/i,
  /\bplease\s+find\s+(?:enclosed|attached)\b/i,
  /\bwe\s+(?:enclose|attach|are\s+enclosing|are\s+attaching|have\s+enclosed|have\s+attached)\b/i,
  /\b(?:the|these)\s+(?:enclosed|attached)\s+(?:records?|documents?|files?|information|cop(?:y|ies)|bundle|pages?)\b/i,
]

/** Does the text say that information comes with it (enclosed, attached, provided in full or in part)? */
export function claimsEnclosure(text: string): boolean {
  return CLAIMS.some((re) => re.test(text))
}

/** Outcomes that give the requester information: the response must carry it. */
const DISCLOSING: readonly Outcome[] = ['disclosed-in-full', 'disclosed-in-part']

/**
 * What is wrong with a response's enclosures, as plain sentences keyed by form field: a letter that says it encloses
 * information with nothing attached (issue 10: "provided in full" with no file went to review without a warning), or
 * a disclosing outcome with no file.
 */
export function enclosureProblems(letter: {
  outcome: Outcome | null
  subject: string
  body: string
  attachmentCount: number
}): Record<string, string> {
  if (letter.attachmentCount > 0) return {}
  if (letter.outcome && DISCLOSING.includes(letter.outcome)) {
    return {
      attachmentDocumentIds:
        'This response says information is disclosed, but no file is attached. Attach the verified bundle (or a document marked “disclose in full”), or choose another outcome.',
    }
  }
  if (claimsEnclosure(`${letter.subject}\n${letter.body}`)) {
    return {
      body: 'The letter says information is enclosed or attached, but no file is attached. Attach the file, or change the wording.',
    }
  }
  return {}
}
