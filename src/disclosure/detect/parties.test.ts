import { describe, expect, it } from 'vitest'
import { detect } from './detect.js'
import { nameVariants } from './parties.js'

const subject = {
  names: ['Sarah Jane Whitfield'],
  emails: ['s.whitfield@example.org'],
  phones: ['07911 123456'],
  postcodes: ['LS6 1AA'],
  addresses: ['14 St Mary’s Road, Leeds, LS6 1AA'],
  datesOfBirth: ['1985-03-12'],
}

function typed(text: string, options = {}): [string, string][] {
  return detect(text, options).map((s) => [s.type, s.text])
}

describe('the data subject', () => {
  it('the subject’s name in its usual variants is SUBJECT, never PERSON', () => {
    const text = 'Sarah Whitfield, WHITFIELD, Sarah J and S. J. Whitfield all attended.'
    expect(typed(text, { subject })).toEqual([
      ['SUBJECT', 'Sarah Whitfield'],
      ['SUBJECT', 'WHITFIELD, Sarah J'],
      ['SUBJECT', 'S. J. Whitfield'],
    ])
  })
  it('the data subject’s own email is SUBJECT, not EMAIL', () => {
    expect(typed('Reply to s.whitfield@example.org or tom@example.org', { subject })).toEqual([
      ['SUBJECT', 's.whitfield@example.org'],
      ['EMAIL', 'tom@example.org'],
    ])
  })
  it('an email address made from the subject’s name is SUBJECT even if not entered on the case', () => {
    expect(typed('Write to sarah.whitfield@gmail.com', { subject })).toEqual([['SUBJECT', 'sarah.whitfield@gmail.com']])
  })
  it('the subject’s phone, postcode, address and date of birth match however they are written', () => {
    const text = 'Mobile +44 7911 123456. DOB: 12/03/1985. Lives at 14 St Mary’s Road, Leeds LS6 1AA. Post to LS61AA.'
    expect(detect(text, { subject }).map((s) => s.recogniser)).toEqual([
      'subject:PHONE',
      'subject:DATE_OF_BIRTH',
      'subject:ADDRESS',
      'subject:POSTCODE',
    ])
  })
  it('someone else’s phone number stays a PHONE to redact', () => {
    expect(typed('Call 07911 654321', { subject })).toEqual([['PHONE', '07911 654321']])
  })
  it('the subject’s own name with a title, alone or as an initial is never proposed (issue 10)', () => {
    const text = 'Hi Sarah,\nMrs Whitfield called. Ms S. Whitfield and Whitfield agreed. Tom Whitfield did not.'
    const spans = detect(text, { subject })
    expect(spans.filter((s) => s.type === 'PERSON').map((s) => s.text)).toEqual(['Tom Whitfield'])
    expect(spans.filter((s) => s.type === 'SUBJECT').map((s) => s.text)).toEqual(
      expect.arrayContaining(['Sarah', 'Mrs Whitfield']),
    )
  })
  it('name variants include initials and surname-first forms', () => {
    expect(nameVariants('John Andrew Smith').map((v) => v.join(' '))).toEqual(
      expect.arrayContaining(['John Smith', 'J Smith', 'J A Smith', 'Smith John', 'Smith J']),
    )
  })
})

describe('staff and officers', () => {
  it('an officer’s name is STAFF when the policy is to disclose officers', () => {
    expect(typed('PC 1234 Smith attended.', { staffPolicy: 'disclose' })).toEqual([['STAFF', 'PC 1234 Smith']])
  })
  it('an officer’s name is PERSON when the policy is to redact', () => {
    expect(typed('PC 1234 Smith attended.', { staffPolicy: 'redact' })).toEqual([['PERSON', 'PC 1234 Smith']])
  })
  it('a named member of staff follows the policy too', () => {
    const options = { staffNames: ['Karen Bloggs'], staffPolicy: 'disclose' as const }
    expect(typed('Karen Bloggs from the Information Unit replied.', options)).toEqual([['STAFF', 'Karen Bloggs']])
    expect(typed('Karen Bloggs replied.', { ...options, staffPolicy: 'redact' })).toEqual([['PERSON', 'Karen Bloggs']])
  })
})
