import { describe, expect, it } from 'vitest'
import type { CaseState, ClockRegime, ProcessingRoute, RightDecision } from '../../domain/index.js'
import type { LetterTemplateId } from '../../notifications/letters.js'
import { caseState, expectDecisionRights, expectRouteOnly, letter } from './letter-test-kit.js'

// Issue 13, "Rights with their own steps": the letter table of letter-law.test.ts extended to the decisions on
// rectification (Art 16 / s.46), erasure (Art 17(3) / s.47), restriction (Art 18 / s.47), objection (Art 21),
// automated decisions (Arts 22A–22D from 5 February 2026, Art 22 before; ss.50A–50D / ss.49–50) and the Art 18(3)
// notice before lifting a restriction: outcome × route × regime → required paragraphs present, forbidden absent.

const ROUTES: ProcessingRoute[] = ['UK_GDPR', 'DPA_PART3']
const RECEIVED: Record<ClockRegime, string> = { PRE_DUAA: '2026-01-20', ART12A: '2026-11-02' }
const REGIMES = Object.keys(RECEIVED) as ClockRegime[]
const STATEMENT = 'I was at work in Leeds on 3 May 2025, and my timesheet shows it.'
const BALANCE = 'Victim updates are a statutory duty; the distress described is real but outweighed.'
const REASON = 'The file is evidence in a prosecution listed for trial in March.'

type Phrases = (route: ProcessingRoute, regime: ClockRegime) => string[]

interface Row {
  name: string
  template: LetterTemplateId
  routes?: ProcessingRoute[]
  decision: Partial<RightDecision> & Pick<RightDecision, 'right' | 'result'>
  state?: Partial<CaseState>
  /** A Part 3 refusal, in whole or part, of rectification, erasure or restriction: s.51 is offered (s.48(1)(b)). */
  restricts: boolean
  must: Phrases
  mustNot?: Phrases
}

const by =
  (uk: string[], part3: string[]): Phrases =>
  (route) =>
    route === 'DPA_PART3' ? part3 : uk
const ground = (route: ProcessingRoute, uk: string, part3: string) => [
  { code: route === 'DPA_PART3' ? part3 : uk, reason: REASON },
]

function rows(route: ProcessingRoute): Row[] {
  return [
    {
      name: 'rectification: corrected',
      template: 'action-taken',
      decision: { right: 'rectification', result: 'in-full', rectification: { method: 'corrected' } },
      restricts: false,
      must: by(
        ['We have corrected the information', 'Article 16 of the UK GDPR', 'Article 19 of the UK GDPR'],
        ['We have corrected the information', 'section 46 of the Data', 'section 48 of the Data'],
      ),
      mustNot: () => ['What we have not done'],
    },
    {
      name: 'rectification: completed by the requester’s supplementary statement',
      template: 'action-taken',
      decision: {
        right: 'rectification',
        result: 'in-full',
        rectification: { method: 'supplementary-statement', supplementaryStatement: STATEMENT },
      },
      restricts: false,
      must: by(
        ['supplementary statement', `"${STATEMENT}"`, 'Article 16 of the UK GDPR'],
        ['supplementary statement', `"${STATEMENT}"`, 'section 46 of the Data'],
      ),
    },
    {
      name: 'rectification: restricted instead, kept as evidence (s.46(4))',
      template: 'action-taken',
      routes: ['DPA_PART3'],
      decision: {
        right: 'rectification',
        result: 'in-part',
        rectification: { method: 'restricted-instead' },
        grounds: ground(route, '', 'S46_4_EVIDENCE'),
      },
      restricts: true,
      must: () => ['section 46(4) of the Data Protection Act 2018', 'What we have not done', REASON],
      mustNot: () => ['We have corrected'],
    },
    {
      name: 'rectification: declined, the information is accurate',
      template: 'action-declined',
      decision: {
        right: 'rectification',
        result: 'declined',
        grounds: ground(route, 'ART16_ACCURATE', 'S46_ACCURATE'),
      },
      restricts: true,
      must: by(['(Article 16 of the UK GDPR)', REASON], ['(section 46(1) of the Data', REASON]),
      mustNot: () => ['We have corrected', 'supplementary statement'],
    },
    {
      name: 'erasure: in part, an exception coded and reasoned',
      template: 'action-taken',
      decision: { right: 'erasure', result: 'in-part', grounds: ground(route, 'ART17_3_B', 'S47_2_EVIDENCE') },
      restricts: true,
      must: by(
        [
          'We have erased some of the information',
          'Legal obligation or public task (Article 17(3)(b) of the UK GDPR)',
          REASON,
        ],
        ['We have erased some of the information', 'Kept as evidence (section 47(2) of the Data', REASON],
      ),
    },
    {
      name: 'erasure: declined, an exception coded and reasoned',
      template: 'action-declined',
      decision: { right: 'erasure', result: 'declined', grounds: ground(route, 'ART17_3_E', 'S47_1_NO_GROUND') },
      restricts: true,
      must: by(['Legal claims (Article 17(3)(e) of the UK GDPR)', REASON], ['(section 47(1) of the Data', REASON]),
      mustNot: () => ['We have erased'],
    },
    {
      name: 'restriction: granted, with its ground and the promise of notice before lifting',
      template: 'action-taken',
      decision: {
        right: 'restriction',
        result: 'in-full',
        restrictionGround: route === 'DPA_PART3' ? 'S47_3_ACCURACY' : 'ART18_1_A',
      },
      restricts: false,
      must: by(
        [
          'Article 18 of the UK GDPR',
          'Article 18(1)(a) of the UK GDPR',
          'Article 18(2) of the UK GDPR',
          'before we lift the restriction (Article 18(3) of the UK GDPR)',
        ],
        ['section 47 of the Data', 'section 47(3) of the Data', 'We will tell you before we lift the restriction.'],
      ),
    },
    {
      name: 'objection to direct marketing: absolute',
      template: 'action-taken',
      routes: ['UK_GDPR'],
      decision: { right: 'objection', result: 'in-full', objection: { kind: 'direct-marketing' } },
      restricts: false,
      must: () => ['stopped using your information for direct marketing', 'absolute', 'Article 21 of the UK GDPR'],
      mustNot: () => ['How we weighed them', 'compelling'],
    },
    {
      name: 'objection on the person’s particular situation: declined on compelling grounds, balance given',
      template: 'action-declined',
      routes: ['UK_GDPR'],
      decision: {
        right: 'objection',
        result: 'declined',
        objection: { kind: 'particular-situation', balance: BALANCE },
        grounds: [{ code: 'ART21_1_COMPELLING', reason: REASON }],
      },
      restricts: false,
      must: () => [
        `How we weighed them: ${BALANCE}`,
        'Compelling legitimate grounds (Article 21(1) of the UK GDPR)',
        REASON,
      ],
      mustNot: () => ['direct marketing'],
    },
    {
      name: 'automated decision: looked at again by a person',
      template: 'action-taken',
      decision: {
        right: 'automated-decision',
        result: 'in-full',
        automated: { safeguards: ['human-intervention'], reviewer: 'Priya Shah', decisionChanged: true },
      },
      restricts: false,
      must: (r, regime) => [
        'Priya Shah has looked at the decision again',
        'the decision has changed',
        ...{
          'UK_GDPR.ART12A': ['Articles 22A to 22D of the UK GDPR', '(Article 22C of the UK GDPR)'],
          'UK_GDPR.PRE_DUAA': ['in Article 22 of the UK GDPR', 'Article 22(3) of the UK GDPR and section 14'],
          'DPA_PART3.ART12A': ['sections 50A to 50D of the Data', '(section 50C of the Data'],
          'DPA_PART3.PRE_DUAA': ['sections 49 and 50 of the Data', '(section 50 of the Data'],
        }[`${r}.${regime}` as const],
      ],
      // The regime follows the date the request was received (SI 2026/82): never the other regime's articles.
      mustNot: (_r, regime) =>
        regime === 'PRE_DUAA' ? ['22A', '22C', '50A', '50C'] : ['Article 22(3)', 'sections 49'],
    },
    {
      name: 'notice before lifting a restriction',
      template: 'restriction-lift-notice',
      decision: {
        right: 'restriction',
        result: 'in-full',
        restrictionGround: route === 'DPA_PART3' ? 'S47_3_ACCURACY' : 'ART18_1_A',
      },
      state: {
        processingRestriction: {
          ground: route === 'DPA_PART3' ? 'S47_3_ACCURACY' : 'ART18_1_A',
          since: '2026-11-05',
          liftNotice: {
            on: '2026-11-23',
            reason: 'We have checked the record against the custody log: it is right.',
            by: 'dp',
          },
        },
      },
      restricts: false,
      must: by(
        [
          'On 5 November 2026 we restricted',
          'The law requires us to tell you before we lift a restriction (Article 18(3) of the UK GDPR)',
          'against the custody log',
        ],
        [
          'On 5 November 2026 we restricted',
          'section 47(3) of the Data',
          'before we do so, that we are going to lift',
          'against the custody log',
        ],
      ),
    },
  ]
}

describe.each(ROUTES)('letters for the rights with their own steps, %s route', (route) => {
  const controllerId = route === 'DPA_PART3' ? 'northshire-police' : 'northshire-opcc'
  describe.each(REGIMES)('received %s', (regime) => {
    const table = rows(route).filter((r) => !r.routes || r.routes.includes(route))
    it.each(table.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
      const decision: RightDecision = {
        summary: 'Our decision.',
        grounds: [],
        decidedBy: 'dp',
        decidedOn: '2026-11-20',
        ...row.decision,
      }
      const state = caseState({
        route,
        controllerId,
        receivedOn: RECEIVED[regime],
        right: row.decision.right,
        rightDecision: decision,
        outcome: row.decision.result === 'declined' ? 'action-declined' : 'action-taken',
        ...row.state,
      })
      const { body } = await letter(row.template, state)
      for (const phrase of row.must(route, regime)) expect(body).toContain(phrase)
      for (const phrase of row.mustNot?.(route, regime) ?? []) expect(body).not.toContain(phrase)
      expectDecisionRights(body, route)
      expectRouteOnly(body, route)
      const s51 = 'section 51 of the Data Protection Act 2018'
      if (route === 'DPA_PART3' && row.restricts) expect(body).toContain(s51)
      else expect(body).not.toContain(s51)
      expect(body).not.toMatch(/undefined|null|\(\)|\{\{|\{%/)
    })
  })
})
