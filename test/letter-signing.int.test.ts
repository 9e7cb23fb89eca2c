import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildLetterContext } from '../src/application/casework/letter-context.js'
import { caseState } from '../src/application/casework/letter-test-kit.js'
import { findController } from '../src/persistence/repositories/controller-repository.js'
import { renderLetter } from '../src/notifications/letters.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// Issue 13: police letters were signed "Chief Executive" because the sign-off came from the drafter's role. Who signs,
// per controller and per letter type, and the review policy letters state, are now settings an administrator keeps.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function signOff(controllerId: string, template: 'refusal' | 'appeal-outcome') {
  const state = caseState({
    controllerId,
    route: controllerId === 'northshire-police' ? 'DPA_PART3' : 'UK_GDPR',
    refusal: {
      basis: 'manifestly-excessive',
      exemptionCodes: [],
      justification: 'Repeats.',
      decidedBy: 'x',
      decidedOn: '2026-11-20',
    },
    reviewDecision: { upheld: false, reasons: 'Complete.', decidedBy: 'ce', decidedOn: '2026-11-20' },
  })
  // Drafted by the OPCC's Chief Executive, who works in the shared unit.
  const { context } = await buildLetterContext(h.db.pool, h.deps, state, {
    name: 'Helen Ashworth',
    roles: ['chief-executive'],
  })
  const body = renderLetter(template, context).body
  return body.slice(body.indexOf('Yours sincerely'))
}

describe('who signs a letter', () => {
  it("the force's letters are signed by its own data protection officer, not the OPCC's Chief Executive", async () => {
    const end = await signOff('northshire-police', 'refusal')
    expect(end).toContain('Alex Brennan\nData Protection Officer\nNorthshire Police')
    expect(end).not.toContain('Chief Executive')
  })

  it("the OPCC's appeal outcome is signed by its Chief Executive; its other letters by the drafter", async () => {
    expect(await signOff('northshire-opcc', 'appeal-outcome')).toContain('Helen Ashworth\nChief Executive')
    expect(await signOff('northshire-opcc', 'refusal')).toContain(
      'Helen Ashworth\nChief Executive\nOffice of the Police and Crime Commissioner for Northshire',
    )
  })

  it('an administrator sees and changes the signatories; bad input is shown with the error summary and not saved', async () => {
    const admin = await new StaffClient(h.app).signInAs('admin')
    const list = await admin.get('/staff/admin/signatories')
    expect(list.statusCode).toBe(200)
    expect(admin.$()('main').text()).toContain('Alex Brennan, Data Protection Officer')

    await admin.get('/staff/admin/signatories/northshire-police')
    const bad = await admin.post('/staff/admin/signatories/northshire-police', {
      defaultName: 'Sam Okoro',
      defaultRole: '',
      defaultOffice: 'Northshire Police',
      byLetter: 'not-a-letter | A | B | C',
      reviewer: 'Our Head of Information Management',
      askWithinWorkingDays: 'forty',
      replyWithinWorkingDays: '20',
    })
    expect(bad.statusCode).toBe(400)
    const summary = admin.$()('.govuk-error-summary').text()
    expect(summary).toContain('Give the name, role and office')
    expect(summary).toContain('one letter per line')
    expect(summary).toContain('whole number of working days')
    expect((await findController(h.db.pool, 'northshire-police'))?.signing?.default?.name).toBe('Alex Brennan')

    const ok = await admin.post('/staff/admin/signatories/northshire-police', {
      defaultName: 'Sam Okoro',
      defaultRole: 'Data Protection Officer',
      defaultOffice: 'Northshire Police',
      byLetter: 'appeal-outcome | Chief Constable Jo Hart | Chief Constable | Northshire Police',
      reviewer: 'Our Deputy Chief Constable',
      askWithinWorkingDays: '40',
      replyWithinWorkingDays: '20',
    })
    expect(ok.statusCode).toBe(303)
    expect(await signOff('northshire-police', 'refusal')).toContain('Sam Okoro\nData Protection Officer')
    expect(await signOff('northshire-police', 'appeal-outcome')).toContain('Chief Constable Jo Hart')
    const audit = await h.db.pool.query(`SELECT payload FROM audit_events WHERE event_type = 'LetterSigningChanged'`)
    expect(audit.rowCount).toBe(1)
  })
})
