/**
 * Police National Computer person identifiers ("PNC ID"): a two-digit year, a serial of up to seven digits and a
 * check letter, written 99/123456A or 1999/0123456A. The check letter is the remainder of year and serial (as one
 * number) divided by 23, read from the alphabet without I, O and S.
 */
const CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY'
const SHAPE = '(?<![\\w/])(?:19|20)?(\\d{2})\\/(\\d{1,7})([A-HJ-NP-RT-Z])(?![\\w/])'
const PNC = new RegExp(SHAPE, 'g')
const ONE_PNC = new RegExp(`^${SHAPE}$`)

export interface PncMatch {
  start: number
  end: number
  /** YY/NNNNNNNL, the serial padded to seven digits. */
  value: string
}

export function pncCheckLetter(year: string, serial: string): string {
  const n = Number(`${year}${serial.padStart(7, '0')}`)
  return CHECK_LETTERS[n % 23] ?? ''
}

export function normalisePnc(raw: string): string | undefined {
  const m = ONE_PNC.exec(raw.trim().toUpperCase())
  if (!m) return undefined
  const [, year = '', serial = '', letter = ''] = m
  if (pncCheckLetter(year, serial) !== letter) return undefined
  return `${year}/${serial.padStart(7, '0')}${letter}`
}

export function findPncIds(text: string): PncMatch[] {
  const out: PncMatch[] = []
  PNC.lastIndex = 0
  for (let m = PNC.exec(text); m; m = PNC.exec(text)) {
    const value = normalisePnc(m[0])
    if (value) out.push({ start: m.index, end: m.index + m[0].length, value })
  }
  return out
}
