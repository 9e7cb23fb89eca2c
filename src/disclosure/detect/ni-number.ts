import { candidate, contextBefore, type Candidate } from './span.js'

// HMRC NINO rules: first letter never D, F, I, Q, U, V; second never D, F, I, O, Q, U, V; the
// prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued; suffix A-D.
const NINO =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])?(?![A-Za-z0-9])/gi
const NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])
const CONTEXT = /\b(?:ni|nino|n\.i\.|national insurance|insurance no|insurance number)\b/

export function isValidNino(raw: string): boolean {
  const compact = raw.replace(/\s+/g, '').toUpperCase()
  const m = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]?$/.exec(compact)
  return m !== null && !NEVER_ISSUED.has(m[1] ?? '')
}

export function findNiNumbers(text: string, out: Candidate[]): void {
  NINO.lastIndex = 0
  for (let m = NINO.exec(text); m; m = NINO.exec(text)) {
    const prefix = (m[1] ?? '').toUpperCase()
    if (NEVER_ISSUED.has(prefix)) continue
    const raw = m[0]
    const upper = raw === raw.toUpperCase()
    const context = CONTEXT.test(contextBefore(text, m.index, 50))
    // Without the suffix letter, or in lower case, an 8-character code is too common to report bare.
    if ((!m[5] || !upper) && !context) continue
    out.push(candidate(m.index, m.index + raw.length, 'NI_NUMBER', m[5] && upper ? 0.95 : 0.8, 'ni-number-pattern'))
  }
}
