import { foldForGate } from './text-match.js'

/** One accepted redaction of the case, as the gate needs it (its text is case data, never logged). */
export interface RedactedText {
  text: string
  /** PERSON, PHONE, EMAIL, ADDRESS, POSTCODE… or TERM for a string a reviewer searched or selected. */
  type: string
  exemptionCode: string
}

/** A string the case redacted, folded for matching, with what it is and the exemption that removed it. */
export interface CaseSecret {
  folded: string
  kind: 'name' | 'name part' | 'phone' | 'email' | 'address' | 'other'
  exemptionCode: string
}

/** Words that are part of how a name is written but identify nobody: titles, ranks and particles. */
const NOT_NAME_WORDS = new Set(
  'mr mrs ms miss mx dr prof sir dame lord lady rev pc dc ds di dci dsi sgt insp pcso supt ch the and of von van de da'.split(
    ' ',
  ),
)

function nameWords(name: string): string[] {
  return name
    .split(/[^\p{L}'’-]+/u)
    .flatMap((w) => w.split(/[-]/))
    .filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 2 && !NOT_NAME_WORDS.has(w.toLowerCase()))
}

/** "07700 900123" and "+44 7700 900123" are the same number. */
function phoneForms(text: string): string[] {
  const digits = text.replace(/\D/g, '')
  if (digits.length < 6) return []
  if (digits.startsWith('44')) return [digits, `0${digits.slice(2)}`]
  if (digits.startsWith('0')) return [digits, `44${digits.slice(1)}`]
  return [digits]
}

/** An address, and each line of it that has a number in it ("14 Elm Road", "LS6 2AB"): either locates the person. */
function addressForms(text: string): string[] {
  const lines = text.split(/[,\n;]+/).map((l) => l.trim())
  return [text, ...lines.filter((l) => /\d/.test(l) && foldForGate(l).length >= 5)]
}

function formsOf(r: RedactedText): { text: string; kind: CaseSecret['kind'] }[] {
  switch (r.type) {
    case 'PERSON':
      // A surname alone still names the person (issue 10): the name, and each word of it.
      return [
        { text: nameWords(r.text).join(' '), kind: 'name' },
        ...nameWords(r.text).map((w) => ({ text: w, kind: 'name part' as const })),
      ]
    case 'PHONE':
      return phoneForms(r.text).map((text) => ({ text, kind: 'phone' }))
    case 'EMAIL': {
      const local = r.text.split('@')[0] ?? ''
      return [
        { text: r.text, kind: 'email' },
        ...(foldForGate(local).length >= 6 ? [{ text: local, kind: 'email' as const }] : []),
      ]
    }
    case 'ADDRESS':
    case 'POSTCODE':
      return addressForms(r.text).map((text) => ({ text, kind: 'address' }))
    default:
      return [{ text: r.text, kind: 'other' }]
  }
}

/**
 * What must not appear in anything that goes to the requester: every string the case redacted, in every form that
 * still identifies the person, less what is the requester's own or the office's (`protectedTexts`: the subject's
 * name, email and address, the controller's name), which the letter itself must be able to say.
 */
export function caseSecrets(redacted: readonly RedactedText[], protectedTexts: readonly string[]): CaseSecret[] {
  const protectedFolded = protectedTexts.map(foldForGate).filter((p) => p.length > 0)
  const own = new Set(protectedTexts.flatMap(nameWords).map(foldForGate))
  const byFolded = new Map<string, CaseSecret>()
  for (const r of redacted) {
    for (const form of formsOf(r)) {
      const folded = foldForGate(form.text)
      if (folded.length < 2 || byFolded.has(folded)) continue
      if (own.has(folded) || protectedFolded.some((p) => p.includes(folded))) continue
      byFolded.set(folded, { folded, kind: form.kind, exemptionCode: r.exemptionCode })
    }
  }
  // Longest first: a full name is reported rather than its surname, where both are found at the same place.
  return [...byFolded.values()].sort((a, b) => b.folded.length - a.folded.length)
}
