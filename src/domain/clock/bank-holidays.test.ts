import { describe, expect, it } from 'vitest'
import englandAndWales from './bank-holidays/england-and-wales.json' with { type: 'json' }
import {
  ONE_OFF_BANK_HOLIDAYS,
  applyOneOffBankHolidays,
  bankHolidays,
  bankHolidaysByRule,
  easterSunday,
  isBankHoliday,
  vendoredEnglandAndWales,
} from './bank-holidays.js'
import { dayOfWeek } from './local-date.js'

const VENDORED_YEARS = Array.from({ length: 13 }, (_, i) => 2018 + i)
const KNOWN_ONE_OFF_MOVES = ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']

describe('the vendored England and Wales list (GOV.UK 2018–2028, computed 2029–2030)', () => {
  it('holds 107 sorted, distinct weekdays, 8 or 9 a year', () => {
    expect(englandAndWales).toHaveLength(107)
    expect([...new Set(englandAndWales)].sort()).toEqual(englandAndWales)
    for (const date of englandAndWales) expect([0, 6]).not.toContain(dayOfWeek(date))
    for (const year of VENDORED_YEARS) expect(vendoredEnglandAndWales(year)?.length).toBeGreaterThanOrEqual(8)
  })

  it('is what bankHolidays returns for England and Wales in 2018–2030', () => {
    for (const year of VENDORED_YEARS)
      expect(bankHolidays('england-and-wales', year)).toEqual(vendoredEnglandAndWales(year))
  })
})

describe('the 1971 Act rule reproduces the vendored England and Wales list', () => {
  it.each(VENDORED_YEARS)('in %i, once the known proclamations are applied', (year) => {
    const byRule = bankHolidaysByRule('england-and-wales', year)
    expect(applyOneOffBankHolidays('england-and-wales', year, byRule)).toEqual(vendoredEnglandAndWales(year))
  })

  it('differs from the list only by the one-off moves, which therefore have to be kept as data', () => {
    const onlyInList: string[] = []
    const onlyByRule: string[] = []
    for (const year of VENDORED_YEARS) {
      const byRule = bankHolidaysByRule('england-and-wales', year)
      const listed = vendoredEnglandAndWales(year) ?? []
      onlyInList.push(...listed.filter((d) => !byRule.includes(d)))
      onlyByRule.push(...byRule.filter((d) => !listed.includes(d)))
    }
    expect(onlyInList).toEqual(KNOWN_ONE_OFF_MOVES)
    // The days the proclamations displaced: early May 2020 and the spring bank holiday 2022.
    expect(onlyByRule).toEqual(['2020-05-04', '2022-05-30'])
    expect(ONE_OFF_BANK_HOLIDAYS.filter((h) => h.regions.includes('england-and-wales')).map((h) => h.date)).toEqual(
      KNOWN_ONE_OFF_MOVES,
    )
  })

  it('computes years outside the list: 2017 (New Year substitute Mon 2 Jan) and 2031', () => {
    expect(bankHolidays('england-and-wales', 2017)).toEqual([
      '2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26',
    ]) // prettier-ignore
    expect(bankHolidays('england-and-wales', 2031)).toEqual([
      '2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26',
    ]) // prettier-ignore
  })

  it('applies every Christmas substitute pattern: 25 Dec on a Friday, Saturday and Sunday', () => {
    expect(bankHolidays('england-and-wales', 2037).slice(-2)).toEqual(['2037-12-25', '2037-12-28'])
    expect(bankHolidays('england-and-wales', 2032).slice(-2)).toEqual(['2032-12-27', '2032-12-28'])
    expect(bankHolidays('england-and-wales', 2033).slice(-2)).toEqual(['2033-12-26', '2033-12-27'])
  })
})

describe('Easter (Gregorian computus)', () => {
  it('finds Easter Sunday, including the earliest and latest possible dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2026)).toBe('2026-04-05')
    expect(easterSunday(2038)).toBe('2038-04-25')
    expect(easterSunday(2285)).toBe('2285-03-22')
  })
})

// Expected lists: GOV.UK (alphagov/frontend lib/data/bank-holidays.json) plus the 2022–2023 proclamations and the
// 2026 Scottish World Cup holiday.
describe('Scotland', () => {
  it.each([
    [2017, ['01-02', '01-03', '04-14', '05-01', '05-29', '08-07', '11-30', '12-25', '12-26']],
    [2019, ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26']],
    [2020, ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28']],
    [2021, ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28']],
    [2022, ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27']],
    [2023, ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26']],
    [2026, ['01-01', '01-02', '04-03', '05-04', '05-25', '06-15', '08-03', '11-30', '12-25', '12-28']],
  ])('in %i has 2 January, no Easter Monday, August on its first Monday and St Andrew’s Day', (year, days) => {
    expect(bankHolidays('scotland', year)).toEqual(days.map((d) => `${year}-${d}`))
  })

  it('has the 15 June 2026 World Cup holiday, which England and Wales does not', () => {
    expect(isBankHoliday('scotland', '2026-06-15')).toBe(true)
    expect(isBankHoliday('england-and-wales', '2026-06-15')).toBe(false)
  })
})

describe('Northern Ireland', () => {
  it.each([
    [2018, ['01-01', '03-19', '03-30', '04-02', '05-07', '05-28', '07-12', '08-27', '12-25', '12-26']],
    [2019, ['01-01', '03-18', '04-19', '04-22', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26']],
    [2020, ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28']],
    [
      2022,
      ['01-03', '03-17', '04-15', '04-18', '05-02', '06-02', '06-03', '07-12', '08-29', '09-19', '12-26', '12-27'],
    ],
    [2026, ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28']],
  ])('in %i is England and Wales plus St Patrick’s Day and the Boyne, each moved off a weekend', (year, days) => {
    expect(bankHolidays('northern-ireland', year)).toEqual(days.map((d) => `${year}-${d}`))
  })
})
