import { describe, expect, it } from 'vitest'
import { buildProfile, findMentions, rankMentions } from './index.js'
import { normalisePnc, pncCheckLetter } from './pnc.js'

const kinds = (text: string, subject: Parameters<typeof buildProfile>[0]) =>
  findMentions(text, buildProfile(subject)).map((m) => `${m.kind}:${m.text}`)

describe('person search finds every way the subject is written', () => {
  it('finds the name in any order, with initials and as a nickname from the shipped list', () => {
    const found = kinds('Allen, Phillip K. met Phil Allen and P. Allen; JAMES SMITH', { names: ['Phillip K Allen'] })
    expect(found).toEqual(['surname-first:Allen, Phillip K.', 'nickname-name:Phil Allen', 'initial-name:P. Allen'])
  })

  it('follows a nickname one step only: James is searched as Jim, but never as a name Jim leads on to', () => {
    expect(kinds('Jim Smith rang', { names: ['James Smith'] })).toEqual(['nickname-name:Jim Smith'])
    // bill → william is one step; william → will → wilbur is not taken.
    expect(kinds('Wilbur Jones rang', { names: ['Bill Jones'] })).toEqual([])
  })

  it('counts a first name or surname alone only in a text that has named the person', () => {
    expect(kinds('Thanks, Phillip', { names: ['Phillip Allen'] })).toEqual([])
    expect(kinds('Phillip Allen wrote.\nThanks, Phillip. Mr Allen agreed', { names: ['Phillip Allen'] })).toEqual([
      'full-name:Phillip Allen',
      'given-name:Phillip',
      'titled-surname:Mr Allen',
    ])
  })

  it('does not take another person with the same first name or surname for the subject', () => {
    const found = kinds('Phillip Allen, Phillip Smith and Jane Allen met', { names: ['Phillip Allen'] })
    expect(found).toEqual(['full-name:Phillip Allen'])
  })

  it("recognises the person's own style of email address, and the exact address given on the case", () => {
    const found = kinds('From: k..allen@enron.com, pallen@enron.com, p@x.com To: pa@home.example', {
      names: ['Phillip K Allen'],
      emails: ['PA@home.example'],
    })
    expect(found).toEqual(['email-name:k..allen@enron.com', 'email-name:pallen@enron.com', 'email:pa@home.example'])
  })

  it('matches identifiers however they are written: phones in E.164, NI numbers, PNC IDs, postcodes, DOB', () => {
    const found = kinds(
      'Call +44 7700 900123 or 07700900123. NI JG 10 37 59 A, PNC 99/123456X, SW1A 1AA, DOB 12/03/1985',
      {
        names: ['Alex Morgan'],
        phones: ['07700 900 123'],
        niNumbers: ['jg103759a'],
        pncIds: ['1999/0123456X'],
        postcodes: ['sw1a1aa'],
        datesOfBirth: ['1985-03-12'],
      },
    )
    expect(found).toEqual([
      'phone:+44 7700 900123',
      'phone:07700900123',
      'ni:JG 10 37 59 A',
      'pnc:99/123456X',
      'postcode:SW1A 1AA',
      'dob:12/03/1985',
    ])
  })

  it('checks the PNC check letter, so a mistyped reference is not taken for the subject', () => {
    expect(pncCheckLetter('99', '123456')).toBe('X')
    expect(normalisePnc('99/123456A')).toBeUndefined()
  })

  it('finds a one-letter misspelling of a long surname after the first name, scored low', () => {
    const [m] = findMentions('Phillip Alen called', buildProfile({ names: ['Phillip Allen'] }))
    expect(m).toMatchObject({ kind: 'similar-name', text: 'Phillip Alen' })
    expect(m!.score).toBeLessThan(0.75)
  })

  it('ranks a text by the distinct ways the person was found, each with its reason', () => {
    const text = 'Phillip Allen. Phillip Allen again. phillip.allen@enron.com'
    const ranked = rankMentions(findMentions(text, buildProfile({ names: ['Phillip Allen'] })))
    expect(ranked.reasons).toEqual([
      { kind: 'full-name', text: 'Phillip Allen', count: 2 },
      { kind: 'email-name', text: 'phillip.allen@enron.com', count: 1 },
    ])
    expect(ranked.score).toBeGreaterThan(0.99)
  })
})
