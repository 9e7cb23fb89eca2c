/**
 * Reading a GOV.UK date input (day, month, year boxes). GOV.UK Design System, "Dates": "allow users to enter
 * months as numbers, or as words or abbreviations, for example 'January' or 'Jan'". Welsh names can join the
 * table when the Welsh catalogue does.
 */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const

/** A month box as 1–12: digits, a full name or an abbreviation of three letters or more ("Sept" too), any case. */
export function monthNumber(value: string): number | null {
  const v = value.trim().toLowerCase().replace(/\.$/, '')
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v)
    return n >= 1 && n <= 12 ? n : null
  }
  if (v.length < 3) return null
  const index = MONTHS.findIndex((name) => name.startsWith(v))
  return index === -1 ? null : index + 1
}

/** Day, month and year boxes as YYYY-MM-DD, or null when they are not a real calendar date. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  const m = monthNumber(month)
  const d = day.trim()
  const y = year.trim()
  if (m === null || !/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y)) return null
  const iso = `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`
  const parsed = new Date(`${iso}T12:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null
}
