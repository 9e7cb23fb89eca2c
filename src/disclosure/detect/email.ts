import { candidate, type Candidate } from './span.js'

// Scanning outward from each "@" is linear; a regex anchored on the local part would retry at
// every letter of every word.
function isLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45 ||
    c === 39
  )
}

function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46
}

export function findEmails(text: string, out: Candidate[]): void {
  let at = text.indexOf('@')
  while (at !== -1) {
    let start = at
    while (start > 0 && isLocalChar(text.charCodeAt(start - 1))) start--
    // Local parts neither start nor end with a dot or quote ("k..allen" occurs inside and is kept).
    while (start < at && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 39)) start++
    let end = at + 1
    while (end < text.length && isDomainChar(text.charCodeAt(end))) end++
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--
    const domain = text.slice(at + 1, end)
    const dot = domain.lastIndexOf('.')
    if (start < at && dot > 0 && dot < domain.length - 2 && /^[A-Za-z]{2,}$/.test(domain.slice(dot + 1))) {
      out.push(candidate(start, end, 'EMAIL', 0.99, 'email-pattern'))
    }
    at = text.indexOf('@', Math.max(end, at + 1))
  }
}

/** Name parts of a personal-looking local part: "teb.lokey" → ["teb", "lokey"]; "k..allen" → ["allen"]; "pallen" → []. */
export function localPartNames(email: string): string[] {
  const at = email.indexOf('@')
  const local = (at === -1 ? email : email.slice(0, at)).toLowerCase()
  const segments = local.split(/[._-]+/)
  return segments.length >= 2 ? segments.filter((p) => /^[a-z][a-z']+$/.test(p)) : []
}
