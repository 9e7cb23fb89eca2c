/** Dates as people write them, for date-of-birth detection and for comparing with a DOB on the case. */
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const NUMERIC = '\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})'
const ISO = '\\d{4}-\\d{2}-\\d{2}'
const DAY_MONTH = `\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}`
const MONTH_DAY = `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`
export const DATE_SOURCE = `(?:${ISO}|${NUMERIC}|${DAY_MONTH}|${MONTH_DAY})`
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "12/03/1985", "12th March 1985", "March 12, 1985", "1985-03-12" → "1985-03-12"; UK day-first order. */
export function normaliseDate(raw: string): string | undefined {
  const s = raw.trim().toLowerCase()
  let y: number, mo: number, d: number
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    ;[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(s))) {
    ;[d, mo, y] = [Number(m[1]), monthNumber(m[2] ?? ''), Number(m[3])]
  } else if ((m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s))) {
    ;[mo, d, y] = [monthNumber(m[1] ?? ''), Number(m[2]), Number(m[3])]
  } else return undefined
  if (y < 100) y += y > 30 ? 1900 : 2000
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1880 || y > 2100) return undefined
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function monthNumber(word: string): number {
  return MONTH_INDEX.indexOf(word.slice(0, 3)) + 1
}
