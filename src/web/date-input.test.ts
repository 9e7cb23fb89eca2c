import { describe, expect, it } from 'vitest'
import { dateFromParts, monthNumber } from './date-input.js'

describe('date inputs accept months as people write them (GOV.UK Design System, Dates)', () => {
  it.each([
    ['1', 1],
    ['01', 1],
    ['Jan', 1],
    ['january', 1],
    ['JANUARY', 1],
    ['Sept', 9],
    ['sep', 9],
    ['Dec.', 12],
    [' March ', 3],
  ])('reads %j as month %i', (typed, month) => {
    expect(monthNumber(typed)).toBe(month)
  })

  it.each(['', '0', '13', 'Ja', 'Janu4ry', 'Smarch', 'ma'])('refuses %j', (typed) => {
    expect(monthNumber(typed)).toBeNull()
  })

  it('builds a calendar date from a month name and refuses one that does not exist', () => {
    expect(dateFromParts('3', 'Jan', '2014')).toBe('2014-01-03')
    expect(dateFromParts('29', 'February', '2023')).toBeNull()
    expect(dateFromParts('29', 'Feb', '2024')).toBe('2024-02-29')
    expect(dateFromParts('3', 'Jan', '14')).toBeNull()
  })
})
