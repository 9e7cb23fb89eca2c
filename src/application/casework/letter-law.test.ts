import { describe, expect, it } from 'vitest'
import { extensionAllowed, regimeFor } from '../../domain/index.js'
import type { CaseState, ClockRegime, ProcessingRoute } from '../../domain/index.js'
import { LETTER_TEMPLATE_IDS, letterToPdf, type LetterTemplateId } from '../../notifications/letters.js'
import { PRIVACY, caseState, expectDecisionRights, expectRouteOnly, letter, refusal } from './letter-test-kit.js'

// Issue 13: what each letter must say, per outcome × route (UK GDPR / DPA 2018 Part 3) × regime (received before or
// from 5 February 2026). uk-rules §1.1 (time limits), §5 (refusals), §6.2 and §9 (Part 3 restrictions, s.45(5),
// s.45(6) NCND, s.51, s.167), §10 (what every response must tell the person), §2 (internal review: local policy).

const ROUTES: ProcessingRoute[] = ['UK_GDPR', 'DPA_PART3']
const RECEIVED: Record<ClockRegime, string> = { PRE_DUAA: '2026-01-20', ART12A: '2026-11-02' }
const REGIMES = Object.keys(RECEIVED) as ClockRegime[]
const REASONS = 'The fifth identical request in three months; nothing has changed since our last answer.'

interface Row {
  name: string
  template: LetterTemplateId
  state: Partial<CaseState>
  extras?: Parameters<typeof letter>[2]
  /** A decision: it must offer a review, the regulator and the court, and link the privacy notice. */
  decision: boolean
  /** A Part 3 restriction or refusal of a right: s.51 is offered (s.45(5)(c), s.48(4)). */
  restricts: boolean
  must: Record<ProcessingRoute, string[]>
  mustNot?: Record<ProcessingRoute, string[]>
}

const code = (route: ProcessingRoute, uk: string, part3: string) => (route === 'DPA_PART3' ? part3 : uk)

function rows(route: ProcessingRoute): Row[] {
  const withheld = code(route, 'S2P1_2_CRIME', 'LE_45_4_B')
  return [
    {
      name: 'refused as manifestly excessive',
      template: 'refusal',
      state: { refusal: refusal('manifestly-excessive'), outcome: 'refused-manifestly-excessive' },
      decision: true,
      restricts: false,
      must: { UK_GDPR: ['Article 12(5)(b) of the UK GDPR', REASONS], DPA_PART3: ['section 53 of the Data', REASONS] },
    },
    {
      name: 'refused under an exemption or restriction',
      template: 'refusal',
      state: { refusal: refusal('exemption', [withheld]), outcome: 'refused-exemption' },
      decision: true,
      restricts: true,
      must: {
        UK_GDPR: ['Crime and taxation', REASONS],
        DPA_PART3: ['restricted your right of access under section 45(4)', 'section 45(7)', REASONS],
      },
    },
    {
      name: 'neither confirm nor deny',
      template: 'refusal',
      state: { refusal: refusal('exemption', [withheld]), outcome: 'neither-confirm-nor-deny' },
      decision: true,
      restricts: true,
      must: {
        UK_GDPR: ['neither confirm nor deny', 'Schedule 2 to the Data Protection Act 2018'],
        DPA_PART3: ['neither confirm nor deny', 'section 45(4) and (6)'],
      },
      // s.45(6): neither the fact of the restriction nor its reasons.
      mustNot: { UK_GDPR: [REASONS, 'Crime and taxation'], DPA_PART3: [REASONS, 'Access restricted', '45(7)'] },
    },
    {
      name: 'no data held',
      template: 'no-data-held',
      state: { outcome: 'no-data-held' },
      decision: true,
      restricts: false,
      must: { UK_GDPR: ['Article 15(1A) of the UK GDPR'], DPA_PART3: ['section 45(2A) of the Data'] },
    },
    {
      name: 'disclosed in full',
      template: 'disclosure-full',
      state: { outcome: 'disclosed-in-full' },
      decision: true,
      restricts: false,
      // Part 3 has no right to object (uk-rules §9).
      must: { UK_GDPR: ['Article 15 of the UK GDPR', 'stop using it'], DPA_PART3: ['section 45 of the Data'] },
      mustNot: { UK_GDPR: [], DPA_PART3: ['stop using it', 'automated processing'] },
    },
    {
      name: 'disclosed in part',
      template: 'disclosure-partial',
      state: { outcome: 'disclosed-in-part' },
      extras: { exemptionCodes: [code(route, 'S2P3_16_THIRD', 'LE_45_4_E'), code(route, 'S2P4_19_LPP', 'LE_45A_LPP')] },
      decision: true,
      restricts: true,
      must: {
        UK_GDPR: ['Information about other people', 'Legal professional privilege'],
        DPA_PART3: ['section 45(4)', 'protect the rights and freedoms of other people', 'section 45A', '45(7)'],
      },
    },
    {
      name: 'action taken (rectification)',
      template: 'action-taken',
      state: { right: 'rectification', outcome: 'action-taken' },
      decision: true,
      restricts: false,
      must: { UK_GDPR: ['Article 19 of the UK GDPR'], DPA_PART3: ['section 48 of the Data'] },
    },
    {
      name: 'action declined (erasure)',
      template: 'action-declined',
      state: { right: 'erasure', outcome: 'action-declined' },
      extras: { actionSummary: 'We must keep it as evidence.' },
      decision: true,
      restricts: true,
      must: { UK_GDPR: ['Article 12(4) of the UK GDPR'], DPA_PART3: ['section 48 of the Data'] },
    },
    {
      name: 'redirected to another controller',
      template: 'redirect',
      state: {
        outcome: 'redirected-other-controller',
        redirect: {
          to: 'other-controller',
          controllerName: 'ACRO',
          note: 'They hold PNC records.',
          decidedOn: '2026-11-20',
        },
      },
      decision: true,
      restricts: false,
      must: { UK_GDPR: ['ACRO'], DPA_PART3: ['ACRO'] },
    },
    {
      name: 'signposted to ACRO (PNC records, DNA and fingerprints)',
      template: 'redirect',
      state: {
        outcome: 'redirected-acro',
        redirect: { to: 'acro', note: 'You asked for your arrest record.', decidedOn: '2026-11-20' },
      },
      decision: true,
      restricts: false,
      must: {
        UK_GDPR: ['Police National Computer (PNC)', 'DNA and fingerprint', 'www.acro.police.uk', 'answer that part'],
        DPA_PART3: ['Police National Computer (PNC)', 'DNA and fingerprint', 'www.acro.police.uk', 'answer that part'],
      },
      // Signposting is not "held by [nobody]": the other-controller sentence must not appear without a name.
      mustNot: { UK_GDPR: ['is held by'], DPA_PART3: ['is held by'] },
    },
    {
      name: 'not personal data',
      template: 'redirect',
      state: {
        outcome: 'not-personal-data',
        redirect: { to: 'not-personal-data', note: 'The report is about the force’s budget.', decidedOn: '2026-11-20' },
      },
      decision: true,
      restricts: false,
      must: {
        UK_GDPR: [
          'not your personal data',
          'Article 4(1) of the UK GDPR',
          'Article 15 of the UK GDPR',
          'Freedom of Information Act 2000',
        ],
        DPA_PART3: [
          'not your personal data',
          'section 3(2) of the Data Protection Act 2018',
          'section 45 of the Data',
          'Freedom of Information Act 2000',
        ],
      },
      mustNot: { UK_GDPR: ['is held by', 'ACRO'], DPA_PART3: ['is held by', 'ACRO'] },
    },
  ]
}

describe.each(ROUTES)('decision letters on the %s route', (route) => {
  const controllerId = route === 'DPA_PART3' ? 'northshire-police' : 'northshire-opcc'
  describe.each(REGIMES)('received %s', (regime) => {
    it.each(rows(route).map((r) => [r.name, r] as const))('%s', async (_name, row) => {
      const state = caseState({ route, controllerId, receivedOn: RECEIVED[regime], ...row.state })
      const { body } = await letter(row.template, state, row.extras)
      for (const phrase of row.must[route]) expect(body).toContain(phrase)
      for (const phrase of row.mustNot?.[route] ?? []) expect(body).not.toContain(phrase)
      if (row.decision) expectDecisionRights(body, route)
      expectRouteOnly(body, route)
      const s51 = 'section 51 of the Data Protection Act 2018'
      if (route === 'DPA_PART3' && row.restricts) expect(body).toContain(s51)
      else expect(body).not.toContain(s51)
      expect(body).not.toMatch(/undefined|null|\(\)|\{\{|\{%/)
    })
  })
})

interface NoticeRow {
  template: LetterTemplateId
  must: Record<`${ProcessingRoute}.${ClockRegime}`, string[]>
}

const NOTICES: NoticeRow[] = [
  {
    template: 'extension-notice',
    must: {
      'UK_GDPR.ART12A': ['Article 12A(3) and (4) of the UK GDPR', 'two further months'],
      'UK_GDPR.PRE_DUAA': ['Article 12(3) of the UK GDPR', 'two further months'],
      'DPA_PART3.ART12A': ['section 54 of the Data Protection Act 2018', 'two further months'],
      // The old s.54 had no extension: the letter never claims one (and the domain refuses to record it).
      'DPA_PART3.PRE_DUAA': [],
    },
  },
  {
    template: 'clarification-request',
    must: {
      'UK_GDPR.ART12A': ['Article 12A(5) of the UK GDPR'],
      'UK_GDPR.PRE_DUAA': ["Information Commission's guidance allows us to pause"],
      'DPA_PART3.ART12A': ['section 54(3C) of the Data Protection Act 2018'],
      'DPA_PART3.PRE_DUAA': ["Information Commission's guidance allows us to pause"],
    },
  },
  {
    template: 'identity-request',
    must: {
      'UK_GDPR.ART12A': ['Article 12(6) and Article 12A(2) of the UK GDPR'],
      'UK_GDPR.PRE_DUAA': ['Article 12(6) of the UK GDPR'],
      'DPA_PART3.ART12A': ['section 52(4) of the Data Protection Act 2018'],
      'DPA_PART3.PRE_DUAA': ['section 52(4) of the Data Protection Act 2018'],
    },
  },
  {
    template: 'fee-request',
    must: {
      'UK_GDPR.ART12A': ['Article 12(5) of the UK GDPR'],
      'UK_GDPR.PRE_DUAA': ['Article 12(5) of the UK GDPR'],
      'DPA_PART3.ART12A': ['section 53 of the Data Protection Act 2018'],
      'DPA_PART3.PRE_DUAA': ['section 53 of the Data Protection Act 2018'],
    },
  },
]

describe.each(ROUTES)('notices on the %s route', (route) => {
  describe.each(REGIMES)('received %s', (regime) => {
    it.each(NOTICES.map((n) => [n.template, n] as const))('%s cites the law of its route and regime', async (_t, n) => {
      const state = caseState({
        route,
        receivedOn: RECEIVED[regime],
        extension: { ground: 'complexity', reasons: 'Archived systems', noticeGivenOn: '2026-11-20' },
        fee: {
          amountPence: 9000,
          basis: 'Repeats',
          breakdown: { hours: 3, ratePence: 2500, disbursementsPence: 1500 },
          requestedOn: '2026-11-03',
        },
      })
      const { body } = await letter(n.template, state, { question: 'Which years?' })
      for (const phrase of n.must[`${route}.${regime}`]) expect(body).toContain(phrase)
      if (n.template === 'extension-notice' && !extensionAllowed(regimeFor(RECEIVED[regime]), route))
        expect(body).not.toContain('two further months')
      expectRouteOnly(body, route)
      // The extension letter used to offer s.51, which is about restricted rights and does not apply to it.
      expect(body).not.toContain('section 51')
      expect(body).toContain(PRIVACY)
      if (n.template === 'extension-notice') expect(body).toContain('\n\nWhy we need more time: Archived systems')
    })
  })
})

describe('every letter on both routes renders to PDF with the letter PDF code', () => {
  it.each(ROUTES)('%s', async (route) => {
    for (const id of LETTER_TEMPLATE_IDS) {
      const state = caseState({
        route,
        refusal: refusal('manifestly-excessive'),
        outcome: 'refused-manifestly-excessive',
      })
      const { subject, body } = await letter(id, state, { question: 'Which years?' })
      const pdf = await letterToPdf({
        letterhead: {
          name: 'Northshire Police',
          addressLines: ['HQ', 'Northtown'],
          email: 'ir@x.example',
          phone: '0300',
        },
        recipient: { name: 'Jane Quinn', addressLines: ['1 High Street'] },
        date: '23 November 2026',
        reference: state.reference,
        subject,
        body,
      })
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    }
  })
})
