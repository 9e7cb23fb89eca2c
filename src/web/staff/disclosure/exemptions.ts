import { proposalExemption } from '../../../application/disclosure/case-access.js'
import { exemptionByCode, exemptionsFor, type CaseState, type Exemption } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { COMMON_EXEMPTIONS } from '../actions/work.js'

export interface ExemptionGroup {
  label: string
  options: { value: string; text: string }[]
}

/** Grounds for refusing a whole request, not for removing part of a page: never offered for a redaction. */
const WHOLE_REQUEST_ONLY = new Set(['NOT_HELD', 'ID_NOT_CONFIRMED', 'CANNOT_IDENTIFY', 'MUE', 'LE_53_MUE'])
/** Not the requester's personal data (out of scope of Art 15 altogether): commonly redacted, so always offered. */
const OUT_OF_SCOPE = 'NOT_PD'

const option = (e: Exemption) => ({ value: e.code, text: `${e.shortName} (${e.citation})` })

/**
 * The catalogue's codes a redaction on this case may cite (uk-rules §6; Part 3 cases cannot use Schedules 2–4),
 * the common ones first. The default (third-party data, DPA 2018 Sch 2 Part 3 para 16) and any code already on a
 * redaction are always offered, so a select never silently changes a stored decision.
 */
export function exemptionGroups(state: CaseState, inUse: readonly string[] = []): ExemptionGroup[] {
  const allowed = exemptionsFor(state.right ?? 'access', state.route).filter(
    (e) => !e.scotlandOnly && !WHOLE_REQUEST_ONLY.has(e.code),
  )
  for (const code of [OUT_OF_SCOPE, defaultCodeFor(state), ...inUse]) {
    const e = exemptionByCode(code)
    if (e && !allowed.includes(e)) allowed.unshift(e)
  }
  const first = defaultCodeFor(state)
  const common = allowed.filter((e) => COMMON_EXEMPTIONS.includes(e.code) || e.code === first)
  common.sort((a, b) => rank(a.code, first) - rank(b.code, first))
  return [
    { label: text('disclosure.page.groups.common'), options: common.map(option) },
    { label: text('disclosure.page.groups.other'), options: allowed.filter((e) => !common.includes(e)).map(option) },
  ].filter((g) => g.options.length > 0)
}

/** The code offered first for a new redaction: the one proposals carry (Sch 2 Part 3 para 16, or s.45(4)(e)). */
export const defaultCodeFor = proposalExemption

function rank(code: string, first: string): number {
  if (code === first) return -1
  const i = COMMON_EXEMPTIONS.indexOf(code)
  return i < 0 ? COMMON_EXEMPTIONS.length : i
}

/** "Sch 2 Part 3 para 16" style label for a code shown in a sentence (withheld page, the schedule). */
export function exemptionLabel(code: string | null): string {
  const e = code ? exemptionByCode(code) : undefined
  return e ? `${e.shortName}, ${e.citation}` : (code ?? '')
}
