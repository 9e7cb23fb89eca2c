import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { listConsents, withdrawConsent } from '../src/application/governance/consents.js'
import {
  currentPrivacyNotice,
  loadActivities,
  publishPrivacyNotice,
  saveActivity,
} from '../src/application/governance/register.js'
import {
  addTrainingPerson,
  recordTrainingCompletion,
  trainingCsv,
  trainingStatusReport,
} from '../src/application/governance/training.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'

let h: Harness
const actor = async (role: 'dp-manager' | 'staff'): Promise<Actor> => {
  const r = await h.db.pool.query('SELECT id, name FROM users WHERE $1 = ANY(roles)', [role])
  return { kind: 'user', id: r.rows[0].id, name: r.rows[0].name, roles: [role], controllerIds: null }
}

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

describe('the register of processing and the privacy notice', () => {
  it('publishes a new version generated from the register, with the change history and the new activity in it', async () => {
    const dp = await actor('dp-manager')
    const before = (await currentPrivacyNotice(h.db.pool, 'northshire-opcc'))!
    await saveActivity(h.deps, dp, {
      controllerId: 'northshire-opcc',
      name: 'Public surveys',
      purposes: ['to ask the public about policing priorities'],
      lawfulBases: ['public-task'],
      specialCategoryConditions: [],
      dataSubjects: ['people who answer our surveys'],
      dataCategories: ['postcode district and answers'],
      specialCategories: [],
      sources: ['survey respondents'],
      recipients: ['a research company acting for us'],
      transfers: [],
      retention: 'one year after the survey closes',
      securitySummary: 'Held on access-controlled systems.',
    })
    const version = await publishPrivacyNotice(h.deps, dp, 'northshire-opcc', 'Added public surveys')
    expect(version).toBe(before.version + 1)
    const after = (await currentPrivacyNotice(h.db.pool, 'northshire-opcc'))!
    expect(after.history.map((v) => v.changeSummary)).toEqual([
      'Added public surveys',
      ...before.history.map((v) => v.changeSummary),
    ])
    const text = JSON.stringify(after.content)
    for (const a of await loadActivities(h.db.pool, 'northshire-opcc')) {
      for (const item of [...a.purposes, ...a.dataSubjects, ...a.sources, ...a.recipients, a.retention])
        expect(text).toContain(item)
    }
  })

  it('shows the published notice on the public privacy page, with the date and the change history', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/privacy/northshire-opcc' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('to ask the public about policing priorities')
    expect(res.body).toContain('Changes to this notice')
    expect(res.body).toContain('Added public surveys')
    expect(res.body).toMatch(/Last updated \d{1,2} [A-Z][a-z]+ \d{4}/)
  })

  it('does not let staff without the DPO role change the register', async () => {
    await expect(publishPrivacyNotice(h.deps, await actor('staff'), 'northshire-opcc', 'Try')).rejects.toMatchObject({
      code: 'not-permitted',
    })
  })
})

describe('training records', () => {
  it('makes a new starter’s on-commencement training due at once and clears it when completed', async () => {
    const dp = await actor('dp-manager')
    const today = new Date().toISOString().slice(0, 10)
    const id = await addTrainingPerson(h.deps, dp, { name: 'Nia Starter', kind: 'volunteer', startedOn: today })
    let mine = (await trainingStatusReport(h.deps, dp)).filter((r) => r.personId === id)
    expect(mine.map((r) => [r.typeId, r.state])).toEqual([['dp-face-to-face', 'due']])
    await recordTrainingCompletion(h.deps, dp, { personId: id, typeId: 'dp-face-to-face', completedOn: today })
    mine = (await trainingStatusReport(h.deps, dp)).filter((r) => r.personId === id)
    expect(mine[0]?.state).toBe('complete')
    const csv = trainingCsv(await trainingStatusReport(h.deps, dp))
    expect(csv.split('\r\n')[0]).toBe('person,kind,training,status,last_completed_on,due_on')
    expect(csv).toMatch(/overdue/)
  })
})

describe('the consent register', () => {
  it('turns a withdrawal into an erasure request and records both', async () => {
    const dp = await actor('dp-manager')
    const consent = (await listConsents(h.db.pool, null)).find((c) => c.personName === 'Marcus Bell')!
    const caseId = await withdrawConsent(h.deps, dp, consent.id, 'staff')
    const after = (await listConsents(h.db.pool, null)).find((c) => c.id === consent.id)!
    expect(after.withdrawnOn).not.toBeNull()
    expect(after.withdrawalCaseId).toBe(caseId)
    const c = await h.db.pool.query('SELECT "right", status, requester_name FROM cases WHERE id = $1', [caseId])
    expect(c.rows[0]).toMatchObject({ right: 'erasure', status: 'received', requester_name: 'Marcus Bell' })
    await expect(withdrawConsent(h.deps, dp, consent.id, 'staff')).rejects.toMatchObject({ code: 'conflict' })
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('records a withdrawal made through the public form against the consent it withdraws', async () => {
    const { withdrawConsent: portalWithdraw } = await import('../src/application/portal/withdraw-consent.js')
    const receipt = await portalWithdraw(h.deps, {
      actorId: 'portal-test',
      controllerId: 'northshire-opcc',
      choice: 'withdraw-consent',
      about: 'The newsletter',
      person: { name: 'Chloe Evans', email: 'Chloe.Evans.3@mail.example' },
      composeAcknowledgement: () => ({ subject: 'Withdrawal received', text: 'We have your withdrawal.' }),
    })
    const chloe = (await listConsents(h.db.pool, null)).find((c) => c.personName === 'Chloe Evans')!
    expect(chloe.withdrawnOn).not.toBeNull()
    expect(chloe.withdrawalCaseId).toBeTruthy()
    expect(receipt).toBeTruthy()
  })
})
