import { describe, expect, it } from 'vitest'
import { detect } from './detect.js'
import type { PiiType } from './types.js'

/** The texts of the spans of one type found in `text`. */
function found(text: string, type: PiiType): string[] {
  return detect(text)
    .filter((s) => s.type === type)
    .map((s) => s.text)
}

describe('email addresses', () => {
  it('an email address is reported with its exact offsets', () => {
    const text = 'Write to jane.doe@example.co.uk today.'
    const [span] = detect(text).filter((s) => s.type === 'EMAIL')
    expect(span).toMatchObject({ text: 'jane.doe@example.co.uk', start: 9, end: 31, recogniser: 'email-pattern' })
  })
  it('an "@" in a sentence or a handle without a domain is not an email', () => {
    expect(found('Meet @ 5pm, ask @sarah', 'EMAIL')).toEqual([])
  })
})

describe('phone numbers', () => {
  it.each([
    '07911 123456',
    '0161 496 0000',
    '+44 (0)20 7946 0123',
    '(0113) 496 0000',
    '+33 1 23 45 67 89',
    '020 7946 0000',
  ])('the UK or international number %s is a phone number', (phone) =>
    expect(found(`Call ${phone} after six.`, 'PHONE')).toEqual([phone]),
  )
  it('a number in an Ofcom drama range is still reported (a possible number), with a lower score', () => {
    const [span] = detect('Ring 07700 900123.').filter((s) => s.type === 'PHONE')
    expect(span?.score).toBeLessThan(0.9)
  })
  it('a year, a price or a short number is not a phone number', () => {
    expect(found('In 2001 it cost 1,250,000 and room 4021 was booked.', 'PHONE')).toEqual([])
  })
})

describe('postcodes', () => {
  it.each(['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'GIR 0AA'])(
    '%s is a UK postcode',
    (pc) => expect(found(`Send it to ${pc} please.`, 'POSTCODE')).toEqual([pc]),
  )
  it('a code whose inward part uses a letter Royal Mail never uses (C, I, K, M, O, V) is not a postcode', () => {
    expect(found('Model AB1 2CI and QX1 1AA', 'POSTCODE')).toEqual([])
  })
})

describe('National Insurance numbers', () => {
  it.each(['AB123456C', 'JG 10 37 58 A', 'ZR 12 34 56 D'])('%s is a National Insurance number', (ni) =>
    expect(found(`Ref ${ni} on file.`, 'NI_NUMBER')).toEqual([ni]),
  )
  it.each(['BG123456A', 'GB123456A', 'NK123456B', 'TN123456C', 'ZZ123456D', 'DA123456A', 'AO123456A'])(
    'a number with a prefix that is never issued (%s) is not reported',
    (ni) => expect(found(`Code ${ni} here`, 'NI_NUMBER')).toEqual([]),
  )
  it('without its suffix letter a number is reported only after an NI cue', () => {
    expect(found('Part AB123456 shipped', 'NI_NUMBER')).toEqual([])
    expect(found('NI number: AB123456', 'NI_NUMBER')).toEqual(['AB123456'])
  })
})

describe('NHS numbers', () => {
  it('a ten-digit number with a valid modulus 11 check digit is an NHS number', () => {
    expect(found('NHS number 943 476 5919 on the form', 'NHS_NUMBER')).toEqual(['943 476 5919'])
    expect(found('Patient 9434765919 seen', 'NHS_NUMBER')).toEqual(['9434765919'])
  })
  it('a ten-digit number whose check digit is wrong is not an NHS number', () => {
    expect(found('NHS number 943 476 5918 on the form', 'NHS_NUMBER')).toEqual([])
  })
})

describe('payment cards', () => {
  it('a Luhn-valid 16-digit number is a card', () => {
    expect(found('Card 4111 1111 1111 1111 used', 'CARD_NUMBER')).toEqual(['4111 1111 1111 1111'])
    expect(found('Amex 3782 822463 10005 used', 'CARD_NUMBER')).toEqual(['3782 822463 10005'])
  })
  it('a Luhn-invalid 16-digit number is not a card', () => {
    expect(found('Order 4111 1111 1111 1112 shipped', 'CARD_NUMBER')).toEqual([])
  })
})

describe('bank accounts', () => {
  it('a sort code with its account number is one bank account span', () => {
    expect(found('Sort code 20-00-00, account 12345678.', 'BANK_ACCOUNT')).toEqual(['20-00-00, account 12345678'])
  })
  it('an account number on its own is reported only after an account cue', () => {
    expect(found('Account number 31926819 is closed', 'BANK_ACCOUNT')).toEqual(['31926819'])
    expect(found('Invoice 31926819 is paid', 'BANK_ACCOUNT')).toEqual([])
  })
  it('a valid IBAN is a bank account and a mistyped one is not', () => {
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 please', 'BANK_ACCOUNT')).toEqual(['GB82 WEST 1234 5698 7654 32'])
    expect(found('IBAN GB83 WEST 1234 5698 7654 32 please', 'BANK_ACCOUNT')).toEqual([])
  })
  it('a date written with hyphens is not a sort code', () => {
    expect(found('We met on 12-03-21 at noon', 'BANK_ACCOUNT')).toEqual([])
  })
})

describe('IP addresses', () => {
  it('IPv4 and IPv6 addresses are reported', () => {
    expect(found('From 192.168.10.254 and 2001:db8::8a2e:370:7334 today', 'IP_ADDRESS')).toEqual([
      '192.168.10.254',
      '2001:db8::8a2e:370:7334',
    ])
  })
  it('an octet over 255, a version number or a clock time is not an IP address', () => {
    expect(found('Build 1.2.3.4.5, host 300.1.1.1, at 10:28:00', 'IP_ADDRESS')).toEqual([])
  })
})

describe('profile links', () => {
  it('a social media profile link is a URL with a personal handle', () => {
    expect(found('See https://www.facebook.com/jane.doe.77 and twitter.com/jdoe.', 'URL')).toEqual([
      'https://www.facebook.com/jane.doe.77',
      'twitter.com/jdoe',
    ])
  })
  it('a link to a site page that is not a person is not reported', () => {
    expect(found('Read https://www.facebook.com/help and example.com/jdoe', 'URL')).toEqual([])
  })
})

describe('vehicle registrations', () => {
  it.each(['AB12 CDE', 'LV70 XYZ', 'A123 BCD'])('%s is a UK registration', (reg) =>
    expect(found(`A car, ${reg}, was seen.`, 'VEHICLE_REG')).toEqual([reg]),
  )
  it('a current-format plate with an age identifier never issued (01, 40) is not a registration', () => {
    expect(found('Codes AB01 CDE and AB40 CDE', 'VEHICLE_REG')).toEqual([])
  })
  it('a Northern Irish or dateless plate is reported after a vehicle cue', () => {
    expect(found('VRM: AIZ 1234 was stopped', 'VEHICLE_REG')).toEqual(['AIZ 1234'])
  })
})

describe('dates of birth', () => {
  it.each([
    ['DOB: 12/03/1985', '12/03/1985'],
    ['She was born on 12th March 1985.', '12th March 1985'],
    ['Date of birth 1985-03-12.', '1985-03-12'],
    ['Smith (D.O.B. 12.03.85) attended', '12.03.85'],
  ])('a date after a birth cue is a date of birth: %s', (text, dob) =>
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([dob]),
  )
  it('a date with no birth cue is not reported', () => {
    expect(found('The meeting on 12/03/1985 was cancelled.', 'DATE_OF_BIRTH')).toEqual([])
  })
})

describe('crime references', () => {
  it('common force reference shapes are crime references', () => {
    expect(found('Crime ref 01/123456/21 and CR/12345/21 and NFRC210112345678.', 'CRIME_REFERENCE')).toEqual([
      '01/123456/21',
      'CR/12345/21',
      'NFRC210112345678',
    ])
  })
  it('a force can add its own pattern', () => {
    const spans = detect('Occurrence WY-2024-0001234 logged', { crimeReferencePatterns: [/\bWY-\d{4}-\d{7}\b/] })
    expect(spans.filter((s) => s.type === 'CRIME_REFERENCE').map((s) => s.text)).toEqual(['WY-2024-0001234'])
  })
  it('a year after "log" is not a reference', () => {
    expect(found('See the log 2001 entries', 'CRIME_REFERENCE')).toEqual([])
  })
})

describe('street addresses', () => {
  it('a UK street address with flat, town and postcode is one address span', () => {
    expect(found('She lives at Flat 2, 14 St Mary’s Road, Leeds, LS6 1AA now.', 'ADDRESS')).toEqual([
      'Flat 2, 14 St Mary’s Road, Leeds, LS6 1AA',
    ])
  })
  it('an address set out on several lines takes in its town and postcode', () => {
    expect(found('Address:\n12 High Street\nBarnsley\nS70 1AA\n', 'ADDRESS')).toEqual([
      '12 High Street\nBarnsley\nS70 1AA',
    ])
  })
  it('a number followed by ordinary words is not an address', () => {
    expect(found('We ordered 12 large boxes for the office.', 'ADDRESS')).toEqual([])
  })
})
