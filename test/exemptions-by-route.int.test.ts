import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actOnCase } from '../src/application/casework/act-on-case.js'
import { draftResponseLetter } from '../src/application/casework/draft-letter.js'
import { decideMany } from '../src/application/disclosure/decisions.js'
import { logRequest } from '../src/application/log-request.js'
import { localDateInLondon, type ProcessingRoute } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'

// uk-rules §6, §9: DPA 2018 Schedules 2–4 modify the UK GDPR only (s.15), so a law-enforcement (Part 3) response can
// never rely on them, and a UK GDPR response can never rely on a Part 3 restriction. Every place a code is accepted
// (refusal, drafting, the workbench) refuses the other route's codes, with the field named.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

async function caseInProgress(route: ProcessingRoute): Promise<string> {
  const correspondence = await actorFor(h, 'correspondence')
  const dp = await actorFor(h, 'dp-manager')
  const controllerId = route === 'DPA_PART3' ? 'northshire-police' : 'northshire-opcc'
  const { state } = await logRequest(h.deps, correspondence, { ...NEW_REQUEST, controllerId, route })
  const today = localDateInLondon(h.deps.clock.now())
  await actOnCase(h.deps, correspondence, state.id, {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: today,
    verifierId: correspondence.id,
    receivedOn: today,
  })
  await actOnCase(h.deps, dp, state.id, { type: 'StartWork' })
  return state.id
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { code?: string; fields?: Record<string, string> }) => `${e.code}: ${Object.keys(e.fields ?? {}).join(',')}`,
  )

describe('exemption codes are enforced by route in one place', () => {
  it('a Part 3 draft cannot cite a Schedule 2 exemption, and a UK GDPR draft cannot cite a Part 3 restriction', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const part3 = await caseInProgress('DPA_PART3')
    const draft = (caseId: string, codes: string[]) =>
      draftResponseLetter(h.deps, dp, caseId, {
        outcome: 'disclosed-in-part',
        exemptionCodes: codes,
        attachmentDocumentIds: [],
      })
    expect(await refusal(draft(part3, ['S2P3_16_THIRD']))).toBe('validation: exemptionCodes')
    expect(await refusal(draft(part3, ['LE_45_4_E']))).toBe('accepted')

    const ukGdpr = await caseInProgress('UK_GDPR')
    expect(await refusal(draft(ukGdpr, ['LE_45_4_A']))).toBe('validation: exemptionCodes')
    expect(await refusal(draft(ukGdpr, ['S2P3_16_THIRD']))).toBe('accepted')
  })

  it('the disclosure workbench refuses the other route’s codes for a redaction decision', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const part3 = await caseInProgress('DPA_PART3')
    const decide = (caseId: string, code: string) =>
      decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: code })
    expect(await refusal(decide(part3, 'S2P1_2_CRIME'))).toBe('validation: exemptionCode')
    expect(await refusal(decide(part3, 'LE_45_4_A'))).toBe('accepted')
    const ukGdpr = await caseInProgress('UK_GDPR')
    expect(await refusal(decide(ukGdpr, 'LE_45_4_E'))).toBe('validation: exemptionCode')
  })

  it('the API refuses a Part 3 refusal citing a UK GDPR exemption, naming the route', async () => {
    const part3 = await caseInProgress('DPA_PART3')
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${part3}/commands`,
      headers: { authorization: `Bearer ${await h.tokenFor('dp-manager')}` },
      payload: {
        type: 'Refuse',
        basis: 'exemption',
        exemptionCodes: ['S2P1_2_CRIME'],
        justification: 'Disclosure would prejudice an investigation that is still open',
      },
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('law enforcement request')
  })
})
