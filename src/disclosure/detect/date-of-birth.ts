import { DATE_SOURCE, normaliseDate } from './dates.js'
import { candidate, type Candidate } from './span.js'

// A date is only personal data by itself when it is someone's date of birth: a cue, then (within a
// few words) the date. "DOB: 12/03/1985", "born on 12th March 1985", "date of birth is 1985-03-12".
const CUE_THEN_DATE = new RegExp(
  `(?:\\bd\\.?\\s?o\\.?\\s?b\\b\\.?|\\bdate\\s+of\\s+birth\\b|\\bbirth\\s?date\\b|\\bborn\\b|\\bb\\.(?=\\s*\\d))` +
    `[^\\n\\d]{0,25}?(${DATE_SOURCE})(?![\\d/])`,
  'gi',
)

export function findDatesOfBirth(text: string, out: Candidate[]): void {
  CUE_THEN_DATE.lastIndex = 0
  for (let m = CUE_THEN_DATE.exec(text); m; m = CUE_THEN_DATE.exec(text)) {
    const date = m[1] ?? ''
    if (!normaliseDate(date)) continue
    const start = m.index + m[0].length - date.length
    out.push(candidate(start, start + date.length, 'DATE_OF_BIRTH', 0.95, 'dob-context'))
  }
}
