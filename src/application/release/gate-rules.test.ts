import { describe, expect, it } from 'vitest'
import { isCommonWord } from './case-secrets.js'
import { bodyWithEnclosures, claimsEnclosure, enclosureProblems, withoutEnclosedLines } from './enclosures.js'
import { findingMessage, letterTexts } from './letter-check.js'
import { caseSecrets } from './redacted-strings.js'
import { findRedactedText } from './text-check.js'
import { withinOneEdit } from './text-match.js'

// The release gate's rules (issue 10), on the demo case's people: the witness Rebecca Thornley, her phone, email and
// address were redacted; Alex Morgan is the requester; Northshire Police is the office.

const THIRD = 'LE_45_4_E'
const secrets = caseSecrets(
  [
    { text: 'Rebecca Thornley', type: 'PERSON', exemptionCode: THIRD },
    { text: 'Mr Whitfield', type: 'PERSON', exemptionCode: THIRD },
    { text: '07700 900123', type: 'PHONE', exemptionCode: THIRD },
    { text: 'rebecca.thornley@example.com', type: 'EMAIL', exemptionCode: THIRD },
    { text: '14 Elm Road, Leeds LS6 2AB', type: 'ADDRESS', exemptionCode: THIRD },
    { text: 'blue Ford Fiesta', type: 'TERM', exemptionCode: THIRD },
    { text: 'Alex Morgan', type: 'PERSON', exemptionCode: THIRD },
    { text: 'Northshire OPCC', type: 'PERSON', exemptionCode: THIRD },
  ],
  ['Alex Morgan', 'alex.morgan@example.com', 'Northshire Police', 'dataprotection@opcc.northshire.example'],
)

function found(letter: string): string[] {
  return findRedactedText(letterTexts({ subject: 'Your request', body: letter }, []), secrets, isCommonWord).map(
    (f) => `${f.place}: ${f.found}`,
  )
}

describe('letters are checked for every string the case redacted', () => {
  it('finds a surname on its own, whatever its case, and names the paragraph', () => {
    expect(found('Dear Alex Morgan,\n\nThank you.\n\nThe statement of Mrs THORNLEY is withheld.')).toEqual([
      'letter body, paragraph 3: THORNLEY',
    ])
  })

  it('finds names split by spacing, punctuation or a hyphen at a line end, and the whole name once', () => {
    expect(found('We spoke to Rebecca  Thorn-\nley.')).toEqual(['letter body, paragraph 1: Rebecca  Thorn-\nley'])
    expect(found('Ms R.Thornley called')).toEqual(['letter body, paragraph 1: Thornley'])
  })

  it('finds phone numbers written another way, emails, address lines and searched terms', () => {
    expect(found('Call +44 7700-900-123 now')).toEqual(['letter body, paragraph 1: 44 7700-900-123'])
    expect(found('Write to Rebecca.Thornley@Example.com')).toHaveLength(1)
    expect(found('She lives at 14 elm road.')).toEqual(['letter body, paragraph 1: 14 elm road'])
    expect(found('a Blue Ford-Fiesta was parked')).toEqual(['letter body, paragraph 1: Blue Ford-Fiesta'])
  })

  it('finds a surname misspelt by one letter, but not a common English word one letter away', () => {
    expect(found('Mr Whitfeild said')).toEqual(['letter body, paragraph 1: Whitfeild'])
    expect(found('Mrs Thornly said')).toEqual(['letter body, paragraph 1: Thornly'])
    expect(withinOneEdit('thornly', 'thornley')).toBe(true)
    expect(withinOneEdit('thronley', 'thornley')).toBe(true)
    expect(withinOneEdit('thorn', 'thornley')).toBe(false)
  })

  it('never counts the requester’s own name or the office’s name, and no short name inside another word', () => {
    expect(found('Dear Alex Morgan, Northshire Police and the OPCC reply. Rebeccaville is a place.')).toEqual([])
  })

  it('checks the "Enclosed" list and the names of the files attached', () => {
    const texts = letterTexts({ subject: 'Your data', body: 'Hello' }, ['bundle.pdf', 'witness-statement-thornley.pdf'])
    const hits = findRedactedText(texts, secrets, isCommonWord).map((f) => f.place)
    expect(hits).toEqual(['“Enclosed” list', 'file name of attachment 2'])
  })

  it('says where, what and which exemption it breaks', () => {
    const [f] = findRedactedText(letterTexts({ subject: 'About Thornley', body: 'x' }, []), secrets, isCommonWord)
    expect(findingMessage(f!)).toBe(
      'Letter subject: “Thornley” was redacted in this case (Access restricted: protect the rights of others, DPA 2018 s.45(4)(e)).',
    )
  })
})

describe('the "Enclosed" list follows the files attached', () => {
  it('is made from the files at render time; a typed or stale line is never kept', () => {
    const stale = 'Dear Alex,\n\nYour information is enclosed.\n\nEnclosed: witness-statement-thornley.pdf\n\nYours'
    expect(withoutEnclosedLines(stale)).toBe('Dear Alex,\n\nYour information is enclosed.\n\nYours')
    expect(bodyWithEnclosures(stale, ['X-disclosure-bundle.pdf'])).toBe(
      'Dear Alex,\n\nYour information is enclosed.\n\nYours\n\nEnclosed: X-disclosure-bundle.pdf',
    )
  })

  it('refuses a letter that says information is enclosed or provided in full with nothing attached', () => {
    expect(claimsEnclosure('The information we hold about you is enclosed in full.')).toBe(true)
    expect(claimsEnclosure('Please find attached a copy.')).toBe(true)
    expect(claimsEnclosure('It is provided in part.')).toBe(true)
    expect(claimsEnclosure('We hold no information about you.')).toBe(false)
    const letter = { outcome: null, subject: 'Reply', body: 'Please find enclosed your records.', attachmentCount: 0 }
    expect(Object.keys(enclosureProblems(letter))).toEqual(['body'])
    expect(enclosureProblems({ ...letter, attachmentCount: 1 })).toEqual({})
  })

  it('refuses a "disclosed in full / in part" outcome with no file, whatever the letter says', () => {
    for (const outcome of ['disclosed-in-full', 'disclosed-in-part'] as const)
      expect(Object.keys(enclosureProblems({ outcome, subject: 's', body: 'b', attachmentCount: 0 }))).toEqual([
        'attachmentDocumentIds',
      ])
    expect(enclosureProblems({ outcome: 'no-data-held', subject: 's', body: 'b', attachmentCount: 0 })).toEqual({})
  })
})
