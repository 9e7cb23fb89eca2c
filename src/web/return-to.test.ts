import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-to.js'
import { safeReturnTo as cookiesReturnTo } from './public/cookies/routes.js'
import { safeReturnTo as staffReturnTo } from './staff/access.js'

describe('a "return to" address from a request', () => {
  it('comes back when it is a plain path on this site, with its query', () => {
    expect(safeReturnPath('/request/name')).toBe('/request/name')
    expect(safeReturnPath('/staff/cases?show=all&q=Jane%20Quinn')).toBe('/staff/cases?show=all&q=Jane%20Quinn')
    expect(safeReturnPath('/')).toBe('/')
    expect(safeReturnPath('/staff/cases/')).toBe('/staff/cases/')
  })

  it.each([
    ['/x/..//evil.example', 'dot segments that resolve to another site'],
    ['/x/%2e%2e//evil.example', 'the same, percent-encoded'],
    ['/%2F%2Fevil.example', 'an encoded "//"'],
    ['//evil.example', 'a protocol-relative address'],
    ['/\\evil.example', 'a backslash, which browsers read as "/"'],
    ['/%5Cevil.example', 'an encoded backslash'],
    ['/\t/evil.example', 'a tab, which browsers drop'],
    ['/\n/evil.example', 'a newline'],
    ['https://evil.example/', 'an absolute address'],
    ['javascript:alert(1)', 'a script address'],
    ['evil.example', 'a relative address'],
    ['/a//b', 'an empty segment'],
    ['/%E0%A4%A', 'a broken percent escape'],
    ['/./x', 'a single dot segment'],
  ])('is refused: %s (%s)', (value) => {
    expect(safeReturnPath(value)).toBeNull()
  })

  it('can be kept inside one area', () => {
    expect(safeReturnPath('/staff/cases', { under: '/staff' })).toBe('/staff/cases')
    expect(safeReturnPath('/staffing', { under: '/staff' })).toBeNull()
    expect(safeReturnPath('/request', { under: '/staff' })).toBeNull()
  })

  it('is the rule behind the cookies page and staff sign-in', () => {
    expect(cookiesReturnTo('/x/..//evil.example')).toBe('/')
    expect(cookiesReturnTo('/request/name?cookies=accepted&a=1')).toBe('/request/name?a=1')
    expect(staffReturnTo('/staff/..//evil.example')).toBeNull()
    expect(staffReturnTo('/staff/cases?show=all')).toBe('/staff/cases?show=all')
    expect(staffReturnTo('/staff/sign-in?returnTo=/staff')).toBeNull()
  })
})
