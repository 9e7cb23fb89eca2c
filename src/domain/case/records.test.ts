import { describe, expect, it } from 'vitest'
import { calendar, verifiedAccessRequest } from './case-fixtures.js'
import { clockOf } from './clock-of-case.js'
import { defaultClockSettings } from '../clock/index.js'
import { describeEvent } from './describe-event.js'

// DPA 2018 s.45(7) (uk-rules §9): the reasons for each Part 3 restriction are recorded, with a review date, so the
// record can be given to the Information Commissioner; s.45A legal professional privilege is one of the grounds.

const part3 = () => verifiedAccessRequest({ route: 'DPA_PART3' })
const record = {
  type: 'RecordRestriction' as const,
  code: 'LE_45_4_B',
  reasons: 'Disclosure would alert a suspect to an open investigation',
  reviewOn: '2026-09-01',
}

describe('the s.45(7) reasons record', () => {
  it('keeps each restriction with its reasons, review date and whether the fact itself was withheld', () => {
    const h = part3()
    h.run(record, '2026-03-03')
    const [event] = h.run({ ...record, code: 'LE_45A_LPP', neitherConfirmNorDeny: true }, '2026-03-04')
    const { code: _code, type: _type, ...rest } = record
    expect(h.state.restrictions).toEqual([
      { ...rest, code: 'LE_45_4_B', neitherConfirmNorDeny: false, recordedBy: 'dp', recordedOn: '2026-03-03' },
      { ...rest, code: 'LE_45A_LPP', neitherConfirmNorDeny: true, recordedBy: 'dp', recordedOn: '2026-03-04' },
    ])
    expect(describeEvent(event!)).toContain('s.45(7)')
    expect(describeEvent(event!)).toContain('neither confirm nor deny')
  })

  it('refuses a UK GDPR case, a UK GDPR exemption code, short reasons and a review date that is not in the future', () => {
    const fields = (result: ReturnType<ReturnType<typeof part3>['attempt']>) =>
      result.ok ? {} : Object.keys(result.error.fields)
    expect(fields(verifiedAccessRequest().attempt(record, '2026-03-03'))).toEqual(['code'])
    expect(fields(part3().attempt({ ...record, code: 'S2P1_2_CRIME' }, '2026-03-03'))).toEqual(['code'])
    expect(fields(part3().attempt({ ...record, code: 'LE_53_MUE' }, '2026-03-03'))).toEqual(['code'])
    expect(fields(part3().attempt({ ...record, reasons: 'Crime' }, '2026-03-03'))).toEqual(['reasons'])
    expect(fields(part3().attempt({ ...record, reviewOn: '2026-03-03' }, '2026-03-03'))).toEqual(['reviewOn'])
  })
})

// UK GDPR Art 15(3) and uk-rules §1.3: a fee for further copies is not an Art 12(5) fee, so it is not in
// Art 12A(2)(c) and must not restart the clock.
describe('a fee for further copies', () => {
  it('is recorded on the timeline and leaves the deadline where it was', () => {
    const h = verifiedAccessRequest()
    const before = clockOf(h.state, calendar, defaultClockSettings, '2026-03-10').due
    const [event] = h.run(
      { type: 'RecordFurtherCopyFee', amountPence: 1250, basis: 'A second printed copy' },
      '2026-03-10',
    )
    expect(clockOf(h.state, calendar, defaultClockSettings, '2026-03-10').due).toBe(before)
    expect(h.state.restarts).toEqual([])
    expect(h.state.furtherCopyFees).toEqual([
      { amountPence: 1250, basis: 'A second printed copy', recordedOn: '2026-03-10' },
    ])
    expect(describeEvent(event!)).toContain('The time limit is unchanged')
  })

  it('is refused on a Part 3 case, where access is free (s.45, s.52(5))', () => {
    const result = part3().attempt({ type: 'RecordFurtherCopyFee', amountPence: 1250, basis: 'A second copy' })
    expect(result.ok).toBe(false)
  })
})
