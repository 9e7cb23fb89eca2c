import type { ClockRegime, ProcessingRoute } from '../clock/index.js'
import { regimeFor } from '../clock/index.js'

/**
 * The provisions a letter or page cites, per route and regime (uk-rules §1.1, §9, §10). A Part 3 (law-enforcement)
 * case is governed by DPA 2018 ss.43–54, never by the UK GDPR, so none of these mention the UK GDPR for Part 3.
 * `null` means the rule does not exist for that route and regime (no extension under the old s.54; no statutory
 * clarification pause before 5 February 2026).
 */
export interface RouteLaw {
  route: ProcessingRoute
  regime: ClockRegime
  /** How the law is named in a sentence ("the UK GDPR", "Part 3 of the Data Protection Act 2018"). */
  name: string
  timeLimit: string
  identity: string
  clarification: string | null
  extension: string | null
  fee: string
  manifestlyUnfoundedOrExcessive: string
  reasonableSearch: string
  access: string
  /** Telling the person that their request was refused, with reasons (Art 12(4); s.48 for Part 3). */
  decision: string
  /** Telling recipients of a correction, erasure or restriction (Art 19; s.48(7)–(9) for Part 3). */
  notifyRecipients: string
  /** The rights with their own steps (issue 13; uk-rules §8, §9). `null` where the route has no such rule. */
  rectification: string
  erasure: string
  restriction: string
  /** What restricted data may still be used for (Art 18(2)); Part 3 has no equivalent list. */
  restrictedUse: string | null
  /** Art 18(3): the person is told before a restriction is lifted; Part 3 has no statutory equivalent. */
  liftNotice: string | null
  /** Art 21; no right to object under Part 3. */
  objection: string | null
  /** Arts 22A–22D from 5 February 2026 (Art 22 before); ss.50A–50D (ss.49–50 before) under Part 3. */
  automated: string
  automatedSafeguards: string
  /** The complaint to the regulator: s.165 DPA 2018 (Art 77 UK GDPR was repealed from 19 June 2026). */
  regulatorComplaint: (complaintsDutyInForce: boolean) => string
  court: string
}

const DPA = 'the Data Protection Act 2018'

const UK_GDPR_NEW = {
  name: 'the UK GDPR',
  timeLimit: 'Article 12A of the UK GDPR',
  identity: 'Article 12(6) and Article 12A(2) of the UK GDPR',
  clarification: 'Article 12A(5) of the UK GDPR',
  extension: 'Article 12A(3) and (4) of the UK GDPR',
  fee: 'Article 12(5) of the UK GDPR',
  manifestlyUnfoundedOrExcessive: 'Article 12(5)(b) of the UK GDPR',
  reasonableSearch: 'Article 15(1A) of the UK GDPR',
  access: 'Article 15 of the UK GDPR',
  decision: 'Article 12(4) of the UK GDPR',
  notifyRecipients: 'Article 19 of the UK GDPR',
  court: `Article 79 of the UK GDPR and section 167 of ${DPA}`,
  rectification: 'Article 16 of the UK GDPR',
  erasure: 'Article 17 of the UK GDPR',
  restriction: 'Article 18 of the UK GDPR',
  restrictedUse: 'Article 18(2) of the UK GDPR',
  liftNotice: 'Article 18(3) of the UK GDPR',
  objection: 'Article 21 of the UK GDPR',
  // DUAA s.80 replaced Art 22 with Arts 22A–22D from 5 February 2026 (SI 2026/82 reg 2).
  automated: 'Articles 22A to 22D of the UK GDPR',
  automatedSafeguards: 'Article 22C of the UK GDPR',
}

const PART3_NEW = {
  name: `Part 3 of ${DPA} (processing for law enforcement purposes)`,
  timeLimit: `section 54 of ${DPA}`,
  identity: `section 52(4) of ${DPA}`,
  clarification: `section 54(3C) of ${DPA}`,
  extension: `section 54 of ${DPA}`,
  fee: `section 53 of ${DPA}`,
  manifestlyUnfoundedOrExcessive: `section 53 of ${DPA}`,
  reasonableSearch: `section 45(2A) of ${DPA}`,
  access: `section 45 of ${DPA}`,
  decision: `section 48 of ${DPA}`,
  notifyRecipients: `section 48 of ${DPA}`,
  court: `section 167 of ${DPA}`,
  rectification: `section 46 of ${DPA}`,
  erasure: `section 47 of ${DPA}`,
  restriction: `section 47 of ${DPA}`,
  restrictedUse: null,
  liftNotice: null,
  objection: null,
  automated: `sections 50A to 50D of ${DPA}`,
  automatedSafeguards: `section 50C of ${DPA}`,
}

/** The provisions that govern a case on this route, received on this date (SI 2026/82 reg 4 saves the old rules). */
export function routeLaw(route: ProcessingRoute, regime: ClockRegime): RouteLaw {
  const old = regime === 'PRE_DUAA'
  if (route === 'DPA_PART3') {
    return {
      route,
      regime,
      ...PART3_NEW,
      // The old s.54 had no extension and no clarification pause (uk-rules §1.1; SI 2026/82 reg 4).
      ...(old
        ? {
            timeLimit: `section 54 of ${DPA}`,
            clarification: null,
            extension: null,
            automated: `sections 49 and 50 of ${DPA}`,
            automatedSafeguards: `section 50 of ${DPA}`,
          }
        : {}),
      // Part 3 complaints to the Commissioner were always under s.165.
      regulatorComplaint: () => `section 165 of ${DPA}`,
    }
  }
  return {
    route,
    regime,
    ...UK_GDPR_NEW,
    ...(old
      ? {
          timeLimit: 'Article 12(3) of the UK GDPR',
          identity: 'Article 12(6) of the UK GDPR',
          clarification: null,
          extension: 'Article 12(3) of the UK GDPR',
          automated: 'Article 22 of the UK GDPR',
          automatedSafeguards: `Article 22(3) of the UK GDPR and section 14 of ${DPA}`,
        }
      : {}),
    // DUAA Sch 10 repealed Art 77 from 19 June 2026; complaints to the regulator are now made under DPA s.165.
    regulatorComplaint: (inForce) => (inForce ? `section 165 of ${DPA}` : 'Article 77 of the UK GDPR'),
  }
}

/** The law of a case from its route and the date it was received. */
export function routeLawOf(state: { route: ProcessingRoute; receivedOn: string }): RouteLaw {
  return routeLaw(state.route, regimeFor(state.receivedOn))
}
