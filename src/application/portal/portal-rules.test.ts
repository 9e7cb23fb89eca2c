import { describe, expect, it } from 'vitest'
import type { CaseState } from '../../domain/index.js'
import { canAppeal } from './follow-case.js'
import { DEFAULT_REGULATOR, regulatorFrom } from './regulator.js'
import { withExtension } from './store-upload.js'
import { consentCaseShape } from './withdraw-consent.js'

describe('the regulator’s details (uk-rules §10: configurable)', () => {
  it('default to the ICO, and take any valid field from the settings', () => {
    expect(regulatorFrom(undefined)).toEqual(DEFAULT_REGULATOR)
    expect(DEFAULT_REGULATOR).toMatchObject({
      helpline: '0303 123 1113',
      complaintUrl: 'https://ico.org.uk/make-a-complaint/',
    })
    expect(regulatorFrom({ name: 'Information Commission' })).toEqual({
      ...DEFAULT_REGULATOR,
      name: 'Information Commission',
    })
  })

  it('ignore a setting that is not safe to show (a non-https link, an empty name)', () => {
    expect(regulatorFrom({ complaintUrl: 'javascript:alert(1)' })).toEqual(DEFAULT_REGULATOR)
    expect(regulatorFrom({ website: 'http://ico.org.uk' })).toEqual(DEFAULT_REGULATOR)
    expect(regulatorFrom({ name: '' })).toEqual(DEFAULT_REGULATOR)
    expect(regulatorFrom('nonsense')).toEqual(DEFAULT_REGULATOR)
  })
})

describe('consent and marketing become the right case shape', () => {
  it('withdrawn consent is an erasure request (Art 7(3), 17(1)(b)); stopping marketing an objection (Art 21(2)-(3))', () => {
    expect(consentCaseShape('withdraw-consent', 'Victim support referral')).toEqual({
      right: 'erasure',
      details: { dataToErase: 'Victim support referral', grounds: expect.stringContaining('17(1)(b)') },
    })
    const marketing = consentCaseShape('stop-marketing', 'Newsletter')
    expect(marketing.right).toBe('objection')
    expect(marketing.details.processingObjectedTo).toBe('Direct marketing: Newsletter')
  })
})

describe('uploaded file names', () => {
  it('end in what the file really is', () => {
    expect(withExtension('scan.pdf', 'jpg')).toBe('scan.jpg')
    expect(withExtension('passport', 'pdf')).toBe('passport.pdf')
    expect(withExtension('.pdf', 'png')).toBe('document.png')
    expect(withExtension('my.bill.final.PDF', 'pdf')).toBe('my.bill.final.pdf')
  })
})

describe('appeals', () => {
  const state = (status: CaseState['status'], caseType: CaseState['caseType'] = 'rights-request') =>
    ({ status, caseType }) as CaseState
  it('are offered once a rights request has been answered, and only once', () => {
    expect(canAppeal(state('responded'), [])).toBe(true)
    expect(canAppeal(state('closed'), [])).toBe(true)
    expect(canAppeal(state('in-progress'), [])).toBe(false)
    expect(canAppeal(state('closed'), [{}])).toBe(false)
    expect(canAppeal(state('closed', 'complaint'), [])).toBe(false)
  })
})
