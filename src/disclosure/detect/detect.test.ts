import { describe, expect, it } from 'vitest'
import { detect } from './detect.js'
import { mergeOverlaps } from './person.js'
import { resolveOverlaps } from './resolve-overlaps.js'
import { candidate } from './span.js'

describe('detect', () => {
  it('returns nothing for text with no personal data', () => {
    expect(detect('')).toEqual([])
    expect(detect('The quarterly figures are attached for review.')).toEqual([])
  })

  it('every span carries its type, offsets into the text, a score and its recogniser', () => {
    const text = 'Café owner Siân Evans (siân@example.com) rang 0161 496 0000.'
    const spans = detect(text)
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text)
      expect(s.score).toBeGreaterThan(0)
      expect(s.score).toBeLessThanOrEqual(1)
      expect(s.recogniser).toMatch(/^[a-z]/)
    }
    expect(spans.map((s) => s.type)).toEqual(['PERSON', 'EMAIL', 'PHONE'])
  })

  it('spans are sorted by start and never overlap', () => {
    const text =
      'From: Allen, Phillip K. <phillip.allen@enron.com>\nDOB 12/03/1985, card 4111 1111 1111 1111, 14 High Street, Leeds LS6 1AA'
    const spans = detect(text)
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0)
  })

  it('an address takes in its postcode rather than reporting both', () => {
    expect(detect('at 14 High Street, Leeds LS6 1AA').map((s) => s.type)).toEqual(['ADDRESS'])
  })

  it('a validated identifier wins over a name that overlaps it', () => {
    const spans = resolveOverlaps([
      candidate(0, 9, 'PERSON', 0.5, 'person-gazetteer'),
      candidate(0, 20, 'EMAIL', 0.99, 'email-pattern'),
    ])
    expect(spans.map((s) => s.type)).toEqual(['EMAIL'])
  })

  it('a person that overlaps nothing is never dropped', () => {
    const spans = resolveOverlaps([
      candidate(0, 5, 'PERSON', 0.3, 'person-lowercase'),
      candidate(10, 20, 'EMAIL', 0.99, 'email-pattern'),
    ])
    expect(spans.map((s) => s.type)).toEqual(['PERSON', 'EMAIL'])
  })

  it('of two name proposals one inside the other, the outer is kept with the better score', () => {
    const merged = mergeOverlaps([
      candidate(0, 15, 'PERSON', 0.6, 'person-gazetteer'),
      candidate(4, 9, 'PERSON', 0.9, 'person-mail-header'),
    ])
    expect(merged).toEqual([candidate(0, 15, 'PERSON', 0.9, 'person-gazetteer')])
  })

  it('a long document with many names is handled in one pass', () => {
    const block = 'From: Kuehl, Toby\nTo: Blair, Lynn\n\nLynn, call Toby on 0161 496 0000.\n\nThanks,\nToby\n\n'
    const spans = detect(block.repeat(500))
    expect(spans.filter((s) => s.type === 'PERSON')).toHaveLength(2500)
    expect(spans.filter((s) => s.type === 'PHONE')).toHaveLength(500)
  })

  it('a name after a long rule of punctuation is still found (more tokens than half the text)', () => {
    const text = `${'-'.repeat(200)}\nMy neighbour Jonathan Blackwood called.`
    expect(detect(text).map((s) => s.text)).toEqual(['Jonathan Blackwood'])
  })

  it('words are looked up the same whatever their case, apostrophes or letters beyond ASCII', () => {
    // Word classes come from the characters of each token (word-table.ts) or, beyond ASCII, from its key.
    const names = (text: string) =>
      detect(text)
        .filter((s) => s.type === 'PERSON')
        .map((s) => s.text)
    expect(names("Statement taken by PC 1234 JONES from Mrs O’Gorman and Mrs O'Gorman.")).toEqual([
      'PC 1234 JONES',
      'Mrs O’Gorman',
      "Mrs O'Gorman",
    ])
    expect(names('Witness: Siân Evans. Also present: Zoë Brennan.')).toEqual(['Siân Evans', 'Zoë Brennan'])
    expect(names('i spoke to emma and ryan about it')).toEqual(['emma', 'ryan'])
  })
})
