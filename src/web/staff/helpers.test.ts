import * as OTPAuth from 'otpauth'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readableSecret } from '../../application/casework/readable-secret.js'
import { matchingStep } from '../../application/staff/totp.js'
import { letterToPdf, wrap } from '../../notifications/letter-pdf.js'
import { safeReturnTo } from './access.js'
import { pence } from './actions/types.js'
import { badgesOf, csvLine, daysLeft } from './cases/case-rows.js'
import { hrefFor, parseFilters, toQuery } from './cases/query.js'
import { londonWallTime, withNames } from './case/routes.js'
import { dateField } from './render.js'

describe('case list', () => {
  const row = {
    id: 'c',
    reference: 'NP-2026-00001',
    controllerId: 'np',
    caseType: 'rights-request',
    right: 'access',
    status: 'in-progress',
    receivedOn: '2026-11-01',
    dueOn: '2026-11-25',
    assigneeId: null,
    requesterName: 'Jo',
    parentCaseId: null,
    version: 1,
    extended: false,
  }
  it('badges overdue, due this week, paused, waiting and extended cases', () => {
    expect(badgesOf(row, '2026-11-26').map((b) => b.text)).toEqual(['Overdue'])
    expect(badgesOf(row, '2026-11-20').map((b) => b.text)).toEqual(['Due this week'])
    expect(
      badgesOf({ ...row, status: 'awaiting-clarification', extended: true }, '2026-11-01').map((b) => b.text),
    ).toEqual(['Paused', 'Extended'])
    expect(badgesOf({ ...row, status: 'responded' }, '2026-12-20')).toEqual([])
  })
  it('counts calendar days left, negative when overdue', () => {
    expect(daysLeft('2026-11-20', '2026-11-25')).toBe(5)
    expect(daysLeft('2026-11-27', '2026-11-25')).toBe(-2)
  })
  it('keeps only known filter values and rebuilds the query string without a removed filter', () => {
    const f = parseFilters({
      status: ['in-progress', 'evil'],
      right: 'access',
      mine: 'yes',
      search: ' Walsh ',
      page: '2',
    })
    expect(f).toMatchObject({
      status: ['in-progress'],
      right: ['access'],
      mine: true,
      search: 'Walsh',
      page: 2,
      show: 'open',
    })
    expect(hrefFor(f, { drop: ['status', 'in-progress'] })).toBe('?right=access&mine=yes&search=Walsh')
    expect(toQuery(f, 'me')).toMatchObject({ assigneeId: 'me', offset: 50, limit: 50 })
  })
  it('writes CSV cells safely: quotes, and formulas disarmed (CSV injection)', () => {
    expect(csvLine(['a,b', 'say "hi"', '=HYPERLINK("x")', null, 3])).toBe('"a,b","say ""hi""","\'=HYPERLINK(""x"")",,3')
  })
})

describe('forms', () => {
  it('reads GOV.UK date inputs, refusing impossible dates', () => {
    expect(dateField({ 'd-day': '5', 'd-month': '3', 'd-year': '2026' }, 'd')).toBe('2026-03-05')
    expect(dateField({ 'd-day': '31', 'd-month': '2', 'd-year': '2026' }, 'd')).toBeNull()
    expect(dateField({}, 'd')).toBe('')
  })
  it('reads money as pence', () => {
    expect(pence('£1,200.50')).toBe(120050)
    expect(pence('25')).toBe(2500)
    expect(Number.isNaN(pence('12.345'))).toBe(true)
  })
  it('only returns to staff pages after sign-in (no open redirect)', () => {
    expect(safeReturnTo('/staff/cases?show=all')).toBe('/staff/cases?show=all')
    expect(safeReturnTo('https://evil.example/staff')).toBeNull()
    expect(safeReturnTo('//evil.example')).toBeNull()
    expect(safeReturnTo('/staff/sign-in')).toBeNull()
  })
})

describe('timeline', () => {
  it('shows London wall-clock time whatever the server zone', () => {
    expect(londonWallTime('2026-07-01T10:30:00Z')).toBe('2026-07-01T11:30:00')
    expect(londonWallTime('2026-12-01T10:30:00Z')).toBe('2026-12-01T10:30:00')
  })
  it('replaces ids with names and references', () => {
    const u = '11111111-2222-4333-8444-555555555555'
    const c = '99999999-2222-4333-8444-555555555555'
    const dir = [{ id: u, name: 'Priya Raman', email: '', roles: [], controllerIds: [], team: null, disabled: false }]
    expect(withNames(`approved by ${u}; linked to ${c}`, dir, [{ id: c, reference: 'NP-1' }])).toBe(
      'approved by Priya Raman; linked to NP-1',
    )
  })
})

describe('secrets', () => {
  it('makes readable passwords from an alphabet without look-alikes', () => {
    const seen = new Set(Array.from({ length: 200 }, readableSecret))
    expect(seen.size).toBe(200)
    for (const s of seen) expect(s).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/)
  })
  it('accepts a TOTP code for the current step or one either side, nothing else', () => {
    const secret = new OTPAuth.Secret({ size: 20 }).base32
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: 30, digits: 6 })
    const now = new Date('2026-11-23T12:00:10Z')
    const step = Math.floor(now.getTime() / 30_000)
    expect(matchingStep(secret, totp.generate({ timestamp: now.getTime() }), now)).toBe(step)
    expect(matchingStep(secret, totp.generate({ timestamp: now.getTime() - 30_000 }), now)).toBe(step - 1)
    expect(matchingStep(secret, totp.generate({ timestamp: now.getTime() - 120_000 }), now)).toBeNull()
    expect(matchingStep(secret, 'abcdef', now)).toBeNull()
  })
})

describe('letter PDF', () => {
  it('wraps words and breaks a word longer than the line', () => {
    const measure = (s: string) => s.length
    expect(wrap('aa bb cc', 5, measure)).toEqual(['aa bb', 'cc'])
    expect(wrap('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij'])
  })
  it('is A4 with page numbers, and survives characters Helvetica cannot draw', async () => {
    const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} for Łukasz Żółć 😀 with ‘quotes’ and £5.`).join(
      '\n\n',
    )
    const bytes = await letterToPdf({
      letterhead: { name: 'Org', addressLines: ['1 Road'], email: 'a@b.example', phone: '0300' },
      recipient: { name: 'Łukasz', addressLines: [] },
      date: '23 November 2026',
      reference: 'R-1',
      subject: 'Subject',
      body,
      marking: 'OFFICIAL-SENSITIVE',
    })
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBeGreaterThan(2)
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
  })
})
