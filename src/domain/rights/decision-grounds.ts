import type { ClockRegime, ProcessingRoute } from '../clock/index.js'
import { exemptionsFor } from '../exemptions/catalogue.js'
import type { Right } from './rights.js'

/**
 * Why a right other than access was refused or only partly met, as codes (issue 13: "Art 17 erasure with the Art
 * 17(3) exceptions as codes"). These are not exemptions (uk-rules §6 keeps those), but the conditions and
 * exceptions inside the articles themselves. Each one applied is recorded with its own reason and cited in the letter.
 * A Schedule 2 exemption (UK GDPR) or a Part 3 ground that restricts the same right may be cited as well.
 */
export interface DecisionGround {
  code: string
  right: Right
  route: ProcessingRoute
  citation: string
  shortName: string
  /** Our plain-English wording for the letter. */
  explanation: string
  /** Automated decisions: Art 22 / ss.49–50 before 5 February 2026, Arts 22A–22D / ss.50A–50D from then. */
  regime?: ClockRegime
}

const UK = 'UK_GDPR' as const
const P3 = 'DPA_PART3' as const
const DPA = 'Data Protection Act 2018'

const ground = (
  code: string,
  right: Right,
  route: ProcessingRoute,
  citation: string,
  shortName: string,
  explanation: string,
  regime?: ClockRegime,
): DecisionGround => ({ code, right, route, citation, shortName, explanation, ...(regime ? { regime } : {}) })

export const DECISION_GROUNDS: readonly DecisionGround[] = [
  // Art 16 / s.46(1): only inaccurate data must be corrected; an opinion accurately recorded is not inaccurate.
  ground(
    'ART16_ACCURATE',
    'rectification',
    UK,
    'Article 16 of the UK GDPR',
    'The information is accurate',
    'We have checked the information and it is accurate, so there is nothing to correct.',
  ),
  ground(
    'S46_ACCURATE',
    'rectification',
    P3,
    `section 46(1) of the ${DPA}`,
    'The information is accurate',
    'We have checked the information and it is accurate, so there is nothing to correct.',
  ),
  // s.46(4): data that must be kept as evidence is restricted instead of rectified.
  ground(
    'S46_4_EVIDENCE',
    'rectification',
    P3,
    `section 46(4) of the ${DPA}`,
    'Kept as evidence',
    'The information must be kept as evidence, so the law requires us to restrict its processing instead of changing it.',
  ),
  // Art 17(1): erasure is owed only where one of its grounds applies.
  ground(
    'ART17_1_NO_GROUND',
    'erasure',
    UK,
    'Article 17(1) of the UK GDPR',
    'No ground for erasure applies',
    'None of the circumstances in which the law requires us to erase information applies.',
  ),
  // Art 17(3)(a)–(e): erasure is not owed to the extent processing is necessary for one of these.
  ground(
    'ART17_3_A',
    'erasure',
    UK,
    'Article 17(3)(a) of the UK GDPR',
    'Freedom of expression and information',
    'We need to keep the information to exercise the right of freedom of expression and information.',
  ),
  ground(
    'ART17_3_B',
    'erasure',
    UK,
    'Article 17(3)(b) of the UK GDPR',
    'Legal obligation or public task',
    'We need to keep the information to comply with a legal obligation, or to carry out a task in the public interest or in the exercise of our official authority.',
  ),
  ground(
    'ART17_3_C',
    'erasure',
    UK,
    'Article 17(3)(c) of the UK GDPR',
    'Public health',
    'We need to keep the information for reasons of public interest in the area of public health.',
  ),
  ground(
    'ART17_3_D',
    'erasure',
    UK,
    'Article 17(3)(d) of the UK GDPR',
    'Archiving, research or statistics',
    'We need to keep the information for archiving in the public interest, research or statistics, and erasing it would make that impossible or seriously impair it.',
  ),
  ground(
    'ART17_3_E',
    'erasure',
    UK,
    'Article 17(3)(e) of the UK GDPR',
    'Legal claims',
    'We need to keep the information to establish, exercise or defend legal claims.',
  ),
  // s.47(1): erase where processing would infringe the principles or a legal obligation requires it.
  ground(
    'S47_1_NO_GROUND',
    'erasure',
    P3,
    `section 47(1) of the ${DPA}`,
    'No ground for erasure applies',
    'Our processing of the information is lawful and no legal obligation requires us to erase it.',
  ),
  // s.47(2): data that must be kept as evidence is restricted instead of erased.
  ground(
    'S47_2_EVIDENCE',
    'erasure',
    P3,
    `section 47(2) of the ${DPA}`,
    'Kept as evidence',
    'The information must be kept as evidence, so the law requires us to restrict its processing instead of erasing it.',
  ),
  ground(
    'ART18_1_NO_GROUND',
    'restriction',
    UK,
    'Article 18(1) of the UK GDPR',
    'No ground for restriction applies',
    'None of the circumstances in which the law gives a right to restrict processing applies.',
  ),
  ground(
    'S47_NO_GROUND',
    'restriction',
    P3,
    `section 47 of the ${DPA}`,
    'No ground for restriction applies',
    'None of the circumstances in which the law requires us to restrict processing applies.',
  ),
  // Art 21(1): the controller may continue if it shows compelling legitimate grounds, or for legal claims.
  ground(
    'ART21_1_COMPELLING',
    'objection',
    UK,
    'Article 21(1) of the UK GDPR',
    'Compelling legitimate grounds',
    'We have compelling legitimate grounds for the processing which override your interests, rights and freedoms.',
  ),
  ground(
    'ART21_1_LEGAL_CLAIMS',
    'objection',
    UK,
    'Article 21(1) of the UK GDPR',
    'Legal claims',
    'We need to continue the processing to establish, exercise or defend legal claims.',
  ),
  ground(
    'ART21_1_NOT_E_F',
    'objection',
    UK,
    'Article 21(1) of the UK GDPR',
    'Not public task or legitimate interests',
    'The right to object applies to processing for a public task or legitimate interests; we do not use your information on either basis.',
  ),
  // Automated decisions: the rules apply only to significant decisions taken solely by automated processing.
  ground(
    'ART22_NOT_SOLELY',
    'automated-decision',
    UK,
    'Article 22 of the UK GDPR',
    'Not solely automated',
    'The decision was not based solely on automated processing: a person was meaningfully involved in making it.',
    'PRE_DUAA',
  ),
  ground(
    'ART22A_NOT_SOLELY',
    'automated-decision',
    UK,
    'Article 22A(1)(a) of the UK GDPR',
    'Not solely automated',
    'The decision was not based solely on automated processing: a person was meaningfully involved in making it.',
    'ART12A',
  ),
  ground(
    'ART22A_NOT_SIGNIFICANT',
    'automated-decision',
    UK,
    'Article 22A(1)(b) of the UK GDPR',
    'Not a significant decision',
    'The decision does not produce a legal effect for you or a similarly significant effect on you.',
    'ART12A',
  ),
  ground(
    'S49_NOT_SOLELY',
    'automated-decision',
    P3,
    `section 49 of the ${DPA}`,
    'Not solely automated',
    'The decision was not based solely on automated processing: a person was meaningfully involved in making it.',
    'PRE_DUAA',
  ),
  ground(
    'S50A_NOT_SOLELY',
    'automated-decision',
    P3,
    `section 50A of the ${DPA}`,
    'Not solely automated',
    'The decision was not based solely on automated processing: a person was meaningfully involved in making it.',
    'ART12A',
  ),
]

/** Art 18(1)(a)–(d) UK GDPR; s.47(2)–(3) and s.46(4) DPA 2018 for Part 3: why processing is restricted. */
export const RESTRICTION_GROUNDS: readonly DecisionGround[] = [
  ground(
    'ART18_1_A',
    'restriction',
    UK,
    'Article 18(1)(a) of the UK GDPR',
    'Accuracy contested',
    'you have told us the information is not accurate, and we are checking it',
  ),
  ground(
    'ART18_1_B',
    'restriction',
    UK,
    'Article 18(1)(b) of the UK GDPR',
    'Unlawful, restriction preferred',
    'our processing was unlawful and you asked us to restrict the information rather than erase it',
  ),
  ground(
    'ART18_1_C',
    'restriction',
    UK,
    'Article 18(1)(c) of the UK GDPR',
    'Needed for legal claims',
    'we no longer need the information, but you need it to establish, exercise or defend legal claims',
  ),
  ground(
    'ART18_1_D',
    'restriction',
    UK,
    'Article 18(1)(d) of the UK GDPR',
    'Objection pending',
    'you have objected to our processing and we are checking whether our grounds override yours',
  ),
  ground(
    'S47_3_ACCURACY',
    'restriction',
    P3,
    `section 47(3) of the ${DPA}`,
    'Accuracy cannot be established',
    'you have told us the information is not accurate, and it is not possible to establish whether it is',
  ),
  ground(
    'S47_2_EVIDENCE_R',
    'restriction',
    P3,
    `section 47(2) of the ${DPA}`,
    'Kept as evidence',
    'the information must be kept as evidence, so it is restricted instead of erased',
  ),
  ground(
    'S46_4_EVIDENCE_R',
    'restriction',
    P3,
    `section 46(4) of the ${DPA}`,
    'Kept as evidence',
    'the information must be kept as evidence, so it is restricted instead of changed',
  ),
]

const byCode = new Map([...DECISION_GROUNDS, ...RESTRICTION_GROUNDS].map((g) => [g.code, g]))

export function decisionGroundByCode(code: string): DecisionGround | undefined {
  return byCode.get(code)
}

/** The article's own grounds for refusing this right on this route (and, for automated decisions, regime). */
export function decisionGroundsFor(right: Right, route: ProcessingRoute, regime?: ClockRegime): DecisionGround[] {
  return DECISION_GROUNDS.filter(
    (g) => g.right === right && g.route === route && (!g.regime || !regime || g.regime === regime),
  )
}

export function restrictionGroundsFor(route: ProcessingRoute): DecisionGround[] {
  return RESTRICTION_GROUNDS.filter((g) => g.route === route)
}

/**
 * A code a refusal of this right may cite: the article's own grounds, or an exemption (Sch 2 for UK GDPR) or Part 3
 * restriction that restricts this right (uk-rules §6). s.48(3) restricts the reasons given, not the right itself.
 */
export function citableForRight(code: string, right: Right, route: ProcessingRoute, regime?: ClockRegime): boolean {
  if (decisionGroundsFor(right, route, regime).some((g) => g.code === code)) return true
  return exemptionsFor(right, route).some((e) => e.code === code)
}

/** Citation, short name and letter wording for a code from either catalogue. */
export function groundWording(code: string): { citation: string; shortName: string; explanation: string } | undefined {
  return byCode.get(code)
}
