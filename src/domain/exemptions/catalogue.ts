import type { ProcessingRoute } from '../clock/index.js'
import { DomainError } from '../errors.js'
import type { Right } from '../rights/rights.js'
import { LAW_ENFORCEMENT } from './law-enforcement.js'
import { SCHEDULE_2 } from './schedule-2.js'
import { SCHEDULES_3_AND_4 } from './schedules-3-and-4.js'
import type { Exemption, RestrictedDuty } from './types.js'
import { UK_GDPR_GENERAL } from './uk-gdpr-general.js'

export type { Exemption, ExemptionRoute, ExemptionTest, RestrictedDuty } from './types.js'

/**
 * Every exemption and restriction code of uk-rules §6 (UK GDPR route §6.1, Part 3 route §6.2), kept as data so a
 * redaction or a withheld item can carry one code with its citation and a plain-English reason for the letter.
 */
export const EXEMPTIONS: readonly Exemption[] = [
  ...UK_GDPR_GENERAL,
  ...SCHEDULE_2,
  ...SCHEDULES_3_AND_4,
  ...LAW_ENFORCEMENT,
]

/** The code a redaction tool proposes first: third-party information is by far the most common reason. */
export const DEFAULT_REDACTION_EXEMPTION = 'S2P3_16_THIRD'

const byCode = new Map(EXEMPTIONS.map((e) => [e.code, e]))

export function exemptionByCode(code: string): Exemption | undefined {
  return byCode.get(code)
}

export function appliesToRoute(exemption: Exemption, route: ProcessingRoute): boolean {
  return exemption.route === 'both' || exemption.route === route
}

/** The codes a caseworker may cite when answering a request for this right on this route. */
export function exemptionsFor(right: Right | RestrictedDuty, route: ProcessingRoute): Exemption[] {
  return EXEMPTIONS.filter((e) => appliesToRoute(e, route) && e.restricts.includes(right))
}

/** Codes that do not exist, or that cannot be used on this route (Part 3 cannot use Schedules 2–4, uk-rules §9). */
export function invalidExemptionCodes(codes: readonly string[], route: ProcessingRoute): string[] {
  return codes.filter((code) => {
    const exemption = byCode.get(code)
    return exemption === undefined || !appliesToRoute(exemption, route)
  })
}

const ROUTE_WORDS: Record<ProcessingRoute, string> = {
  UK_GDPR: 'a UK GDPR request (use the UK GDPR and DPA 2018 Schedules 2 to 4)',
  DPA_PART3: 'a law enforcement request (use DPA 2018 Part 3 restrictions, not Schedules 2 to 4)',
}

/**
 * THE check of exemption codes against a case's route, used wherever a code is accepted: refusals and responses
 * (decide), drafting a letter, and every workbench decision (redaction, page or document withheld). A Part 3 case
 * cannot rely on the UK GDPR's exemptions (DPA 2018 Sch 2–4 apply to the UK GDPR only: s.15), and a UK GDPR case
 * cannot rely on a Part 3 restriction (ss.44(4), 45(4), 48(3)): uk-rules §6, §9. Null when every code is usable.
 */
export function exemptionRouteError(
  codes: readonly string[],
  route: ProcessingRoute,
  field = 'exemptionCodes',
): DomainError | null {
  const invalid = invalidExemptionCodes(codes, route)
  if (invalid.length === 0) return null
  return new DomainError('validation', `exemption codes not usable on route ${route}: ${invalid.join(', ')}`, {
    fields: {
      [field]: `These codes do not exist or cannot be used on ${ROUTE_WORDS[route]}: ${invalid.join(', ')}`,
    },
  })
}

/** How an exemption is cited on a case of this route: codes usable on both routes cite only that route's law. */
export function citationOn(exemption: Exemption, route: ProcessingRoute): string {
  return exemption.citationByRoute?.[route] ?? exemption.citation
}

/** The exemption of a code as cited on this route (for letters and the bundle schedule), or undefined. */
export function exemptionOnRoute(code: string, route: ProcessingRoute): Exemption | undefined {
  const e = byCode.get(code)
  return e && { ...e, citation: citationOn(e, route) }
}
