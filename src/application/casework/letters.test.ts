import { describe, expect, it } from 'vitest'
import type { CaseState } from '../../domain/index.js'
import { LETTER_TEMPLATE_IDS, letterToHtml } from '../../notifications/letters.js'
import { caseState, letter, refusal } from './letter-test-kit.js'

// Seed 002 and uk-rules §10: a refusal (and a partial disclosure, which refuses part) must give the reasons, the
// right to complain to the controller (DPA s.164A) and to the regulator (s.165), and the right to a judicial remedy.

function expectRights(body: string, regulator = 'Information Commission') {
  expect(body).toContain(`right to complain to the ${regulator}`)
  expect(body).toContain('section 165 of the Data Protection Act 2018')
  expect(body).toContain('section 164A of the Data Protection Act 2018')
  expect(body).toContain('right to seek a judicial remedy')
  expect(body).toContain('https://rights.example/privacy/northshire-opcc')
}

describe('refusal and partial disclosure letters carry the rights to complain and to a judicial remedy', () => {
  const cases: [string, CaseState][] = [
    [
      'manifestly unfounded',
      caseState({ refusal: refusal('manifestly-unfounded'), outcome: 'refused-manifestly-unfounded' }),
    ],
    [
      'manifestly excessive',
      caseState({ refusal: refusal('manifestly-excessive'), outcome: 'refused-manifestly-excessive' }),
    ],
    ['an exemption', caseState({ refusal: refusal('exemption', ['S2P1_2_CRIME']), outcome: 'refused-exemption' })],
    [
      'no authority',
      caseState({
        requesterType: 'solicitor-or-agent',
        refusal: refusal('no-authority'),
        outcome: 'not-valid-no-authority',
      }),
    ],
    [
      'neither confirm nor deny (Part 3)',
      caseState({
        route: 'DPA_PART3',
        refusal: refusal('exemption', ['LE_45_4_B']),
        outcome: 'neither-confirm-nor-deny',
      }),
    ],
    [
      'a Part 3 restriction',
      caseState({ route: 'DPA_PART3', refusal: refusal('exemption', ['LE_45_4_B']), outcome: 'refused-exemption' }),
    ],
  ]
  it.each(cases)('refusal: %s', async (_name, state) => {
    const { subject, body } = await letter('refusal', state)
    expect(subject).toBe('Our response to your request (OPCC-2026-00042)')
    expectRights(body)
    if (state.outcome !== 'neither-confirm-nor-deny') expect(body).toContain(state.refusal!.justification)
    else expect(body).not.toContain(state.refusal!.justification)
    if (state.route === 'DPA_PART3') expect(body).toContain('section 51 of the Data Protection Act 2018')
  })

  it('partial disclosure explains each exemption from the catalogue in plain English', async () => {
    const { body } = await letter('disclosure-partial', caseState(), {
      exemptionCodes: ['S2P3_16_THIRD', 'S2P4_19_LPP'],
    })
    expectRights(body)
    expect(body).toContain('Information about other people (DPA 2018 Sch 2 Part 3 para 16)')
    expect(body).toContain('Legal professional privilege')
  })

  it('action declined (other rights), appeal not upheld and complaint outcome also give the routes onward', async () => {
    expectRights(
      (await letter('action-declined', caseState({ right: 'erasure' }), { actionSummary: 'We must keep it by law.' }))
        .body,
    )
    const appeal = caseState({
      caseType: 'review',
      reviewDecision: { upheld: false, reasons: 'Search was complete.', decidedBy: 'ce', decidedOn: '2026-11-20' },
    })
    expectRights((await letter('appeal-outcome', appeal)).body)
    const complaint = caseState({
      caseType: 'complaint',
      complaintOutcome: { upheld: false, summary: 'Answered on time.', recordedBy: 'dp', recordedOn: '2026-11-20' },
    })
    const { body } = await letter('complaint-outcome', complaint)
    expect(body).toContain('right to complain to the Information Commission')
    expect(body).toContain('judicial remedy')
  })

  it('before 19 June 2026 (s.164A not yet in force) offers an internal review instead of a s.164A complaint', async () => {
    const { body } = await letter('refusal', caseState({ refusal: refusal('manifestly-excessive') }), {}, '2026-05-01')
    expect(body).toContain('Our Chief Executive will review it')
    expect(body).not.toContain('section 164A')
    expect(body).toContain('right to seek a judicial remedy')
  })
})

describe('every template', () => {
  it.each(LETTER_TEMPLATE_IDS)('%s renders with a subject, the reference and the privacy notice link', async (id) => {
    const state = caseState({
      fee: {
        amountPence: 9000,
        basis: 'Repeats',
        breakdown: { hours: 3, ratePence: 2500, disbursementsPence: 1500 },
        requestedOn: '2026-11-03',
      },
      extension: { ground: 'complexity', reasons: 'Archived systems', noticeGivenOn: '2026-11-20' },
      redirect: {
        to: 'other-controller',
        controllerName: 'Northshire Police',
        note: 'They hold it.',
        decidedOn: '2026-11-20',
      },
      refusal: refusal('manifestly-excessive'),
      reviewDecision: { upheld: true, reasons: 'More exists.', decidedBy: 'ce', decidedOn: '2026-11-20' },
      complaintOutcome: { upheld: true, summary: 'We were late.', recordedBy: 'dp', recordedOn: '2026-11-20' },
    })
    const { subject, body } = await letter(id, state, { question: 'Which years?' })
    expect(subject).toContain('OPCC-2026-00042')
    expect(body).toMatch(/^Dear Jane Quinn,/)
    // The demo OPCC's appeal outcomes are signed by its Chief Executive (a setting); the rest by the drafter.
    expect(body).toContain(id === 'appeal-outcome' ? 'Helen Ashworth' : 'Daniel Okafor')
    if (id !== 'regulator-response') expect(body).toContain('https://rights.example/privacy/northshire-opcc')
    expect(body).not.toMatch(/undefined|\[object Object\]|\{\{|\{%/)
  })

  it('the extension notice gives the new date, the ground and the reasons (Art 12A(4))', async () => {
    const state = caseState({
      extension: { ground: 'number', reasons: 'Three requests at once.', noticeGivenOn: '2026-11-20' },
    })
    const { body } = await letter('extension-notice', state)
    expect(body).toContain('because of the number of requests you have made')
    expect(body).toContain('Three requests at once.')
    expect(body).toContain('2 February 2027')
  })

  it('the HTML email version escapes text and links web addresses', () => {
    const html = letterToHtml('Dear <b>Jo</b>,\n\n## Heading\n\n- one\n- two\n\nSee https://rights.example/privacy/x.')
    expect(html).toContain('Dear &lt;b&gt;Jo&lt;/b&gt;')
    expect(html).toContain('<h2>Heading</h2>')
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>')
    expect(html).toContain('<a href="https://rights.example/privacy/x">https://rights.example/privacy/x</a>.')
  })
})
