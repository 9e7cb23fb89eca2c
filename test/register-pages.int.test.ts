import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listConsents } from '../src/application/governance/consents.js'
import { currentPrivacyNotice, loadActivities } from '../src/application/governance/register.js'
import { addDays, formatLongDate, localDateInLondon, ROLES, can, type Role } from '../src/domain/index.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { makeFixtures } from './support/casework-fixtures.js'
import { REGISTER_ROUTES } from './support/routes/register.js'

let h: Harness
let dp: StaffClient
const OPCC = 'northshire-opcc'
const REGISTER = `/staff/governance/register/${OPCC}`

beforeAll(async () => {
  h = await startHarness()
  dp = await new StaffClient(h.app).signInAs('dp-manager')
})
afterAll(async () => h?.close())

const today = () => localDateInLondon(h.deps.clock.now())
const rowCount = async (table: string) =>
  Number((await h.db.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)

/** A complete activity as the form posts it, with a transfer outside the UK and its safeguard. */
const SURVEYS = {
  name: 'Public surveys',
  purposes: 'to ask the public about policing priorities\nto report the results to the Police and Crime Panel',
  lawfulBases: 'public-task',
  dataSubjects: 'people who answer our surveys',
  dataCategories: 'postcode district and answers',
  specialCategories: '',
  specialCategoryConditions: '',
  sources: 'survey respondents',
  recipients: 'a research company acting for us',
  'transferDestination-0': 'a survey platform hosted in Canada',
  'transferSafeguard-0': 'UK adequacy regulations for Canada',
  retention: 'one year after the survey closes',
  securitySummary: 'Held on access-controlled systems.',
}

describe('the register of processing', () => {
  it('lists each activity with its purpose, lawful basis, data subjects and retention, and the published version', async () => {
    const res = await dp.get(`/staff/governance/register?controller=${OPCC}`)
    expect(res.statusCode).toBe(200)
    const $ = dp.$()
    const first = (await loadActivities(h.db.pool, OPCC))[0]!
    const row = $(`a[href="${REGISTER}/activities/${first.id}"]`).closest('tr')
    expect(row.text()).toContain(first.purposes[0])
    expect(row.text()).toContain('UK GDPR Art 6(1)(e)')
    expect(row.text()).toContain(first.dataSubjects[0])
    expect(row.text()).toContain(first.retention)
    expect($('main').text()).toMatch(/Version 1, last updated/)
    // The demo notice was generated from this register, so it is not out of date.
    expect($('.govuk-warning-text').length).toBe(0)
    // The other controller is one click away.
    expect($('.moj-sub-navigation a').text()).toContain('Northshire Police')
    // With no choice made, the first of the person's controllers (alphabetically) is shown.
    const initial = await dp.get('/staff/governance/register')
    expect(dp.$(initial)('main').text()).toContain('Policing purposes')
  })

  it('refuses an activity without a lawful basis, listing every problem, and stores nothing', async () => {
    const before = await rowCount('processing_activities')
    const auditBefore = await rowCount('audit_events')
    await dp.get(`${REGISTER}/activities/new`)
    const { lawfulBases: _none, ...withoutBasis } = SURVEYS
    const res = await dp.post(`${REGISTER}/activities/new`, {
      ...withoutBasis,
      retention: '',
      'transferSafeguard-0': '',
    })
    expect(res.statusCode).toBe(422)
    const $ = dp.$()
    const summary = $('.govuk-error-summary')
    expect(summary.text()).toContain('Choose at least one lawful basis')
    expect(summary.text()).toContain('Say how long the data is kept')
    expect(summary.text()).toContain('Give the safeguard for every transfer outside the UK')
    expect($('.govuk-error-summary a[href="#lawfulBases"]').length).toBe(1)
    expect($('.govuk-error-summary a[href="#transferSafeguard-0"]').length).toBe(1)
    // What was typed comes back, so nothing has to be entered twice.
    expect($('#purposes').text()).toBe(SURVEYS.purposes)
    expect($('#transferDestination-0').val()).toBe(SURVEYS['transferDestination-0'])
    expect(await rowCount('processing_activities')).toBe(before)
    expect(await rowCount('audit_events')).toBe(auditBefore)
  })

  it('asks for the Art 9 or Schedule 1 condition when an activity uses special category data', async () => {
    await dp.get(`${REGISTER}/activities/new`)
    const res = await dp.post(`${REGISTER}/activities/new`, { ...SURVEYS, specialCategories: 'health information' })
    expect(res.statusCode).toBe(422)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Give the Art 9 or Schedule 1 condition')
  })
})

describe('publishing the privacy notice generated from the register', () => {
  it('after an edit, the public page shows the new content, the new date and the change summary, matching the register', async () => {
    // Edit an existing activity: a new retention period.
    const events = (await loadActivities(h.db.pool, OPCC)).find((a) => a.name === 'Events and newsletters')!
    const edit = await dp.get(`${REGISTER}/activities/${events.id}`)
    expect(edit.statusCode).toBe(200)
    expect(dp.$()('#retention').text()).toBe(events.retention)
    const form = dp.$()('form[method="post"]').serializeArray()
    const body: Record<string, string[]> = {}
    for (const { name, value } of form) (body[name] ??= []).push(value)
    body.retention = ['two years after you last opened one of our emails, or until you unsubscribe']
    delete body._csrf
    const saved = await dp.post(`${REGISTER}/activities/${events.id}`, body)
    expect(saved.statusCode).toBe(303)
    // And add a new one.
    await dp.get(`${REGISTER}/activities/new`)
    expect((await dp.post(`${REGISTER}/activities/new`, SURVEYS)).statusCode).toBe(303)

    // The register now differs from the published notice: the register page warns, the preview lists the changes.
    const register = await dp.follow(saved)
    expect(dp.$(register)('.govuk-warning-text').text()).toContain(
      'changed since the privacy notice was last published',
    )
    await dp.get(`${REGISTER}/notice`)
    const differences = dp.$()('#differences').text()
    expect(differences).toContain('two years after you last opened one of our emails')
    expect(differences).toContain('Public surveys: to ask the public about policing priorities')
    expect(differences).toContain('a survey platform hosted in Canada, protected by UK adequacy regulations')
    expect(dp.$()('#published').text()).not.toContain('Public surveys')
    expect(dp.$()('#preview').text()).toContain('Public surveys')

    // A change summary is required; nothing is published without one.
    expect((await dp.post(`${REGISTER}/publish`, { changeSummary: '' })).statusCode).toBe(422)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Say what changed')
    expect((await currentPrivacyNotice(h.db.pool, OPCC))!.version).toBe(1)

    const published = await dp.post(`${REGISTER}/publish`, {
      changeSummary: 'Added public surveys; newsletter data kept for two years',
    })
    expect(published.statusCode).toBe(303)
    const history = await dp.follow(published)
    expect(dp.$(history)('.govuk-notification-banner').text()).toContain('Version 2')
    expect(dp.$(history)('tbody tr').first().text()).toContain('Daniel Okafor')

    const page = await h.app.inject({ method: 'GET', url: `/privacy/${OPCC}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Public surveys: to ask the public about policing priorities')
    expect(page.body).toContain('two years after you last opened one of our emails')
    expect(page.body).toContain(`Last updated ${formatLongDate(today())}`)
    expect(page.body).toContain('Added public surveys; newsletter data kept for two years')

    // The notice matches the register: every entry of every activity is in it, and the register no longer warns.
    const notice = JSON.stringify((await currentPrivacyNotice(h.db.pool, OPCC))!.content)
    for (const a of await loadActivities(h.db.pool, OPCC)) {
      for (const item of [...a.purposes, ...a.dataSubjects, ...a.dataCategories, ...a.sources, ...a.recipients])
        expect(notice).toContain(item)
      expect(notice).toContain(a.retention)
      for (const t of a.transfers) expect(notice).toContain(`${t.destination}, protected by ${t.safeguard}`)
    }
    await dp.get('/staff/governance/register')
    expect(dp.$()('.govuk-warning-text').length).toBe(0)
    await dp.get(`${REGISTER}/notice`)
    expect(dp.$()('main').text()).toContain('the same as published version 2')
  })

  it('puts a changed DPO contact into the next notice', async () => {
    await dp.get(`${REGISTER}/dpo`)
    expect((await dp.post(`${REGISTER}/dpo`, { name: '', email: 'nope', postalAddress: '' })).statusCode).toBe(422)
    expect(dp.$()('.govuk-error-summary li').length).toBe(3)
    const saved = await dp.post(`${REGISTER}/dpo`, {
      name: 'Alex Rowe, Data Protection Officer',
      email: 'dpo@opcc.northshire.example',
      postalAddress: 'PO Box 100\nNorthtown\nNT1 1AA',
    })
    expect(saved.statusCode).toBe(303)
    await dp.get(`${REGISTER}/notice`)
    expect(dp.$()('#differences').text()).toContain('Alex Rowe, Data Protection Officer')
  })
})

describe('the consent register', () => {
  it('records a consent with what, when and how, then a staff-recorded withdrawal opens an erasure case', async () => {
    await dp.get('/staff/governance/consents/new')
    const refused = await dp.post('/staff/governance/consents/new', { controllerId: OPCC })
    expect(refused.statusCode).toBe(422)
    expect(dp.$()('.govuk-error-summary a[href="#givenOn-day"]').length).toBe(1)
    const given = addDays(today(), -10)
    const [y, m, d] = given.split('-')
    const recorded = await dp.post('/staff/governance/consents/new', {
      controllerId: OPCC,
      purpose: 'Newsletter about events and services',
      personName: 'Jordan Pike',
      email: 'jordan.pike@mail.example',
      'givenOn-day': d!,
      'givenOn-month': m!,
      'givenOn-year': y!,
      evidence: 'Paper sign-up sheet at the Northtown public meeting',
      wording: 'Tick to get our newsletter by email. You can unsubscribe at any time.',
    })
    expect(recorded.statusCode).toBe(303)
    const list = await dp.follow(recorded)
    const row = dp
      .$(list)('#consents tr')
      .filter((_i, el) => dp.$(list)(el).text().includes('Jordan Pike'))
    expect(row.text()).toContain(formatLongDate(given))
    expect(row.text()).toContain('Wording shown: “Tick to get our newsletter by email.')
    expect(row.text()).toContain('Given')

    const consent = (await listConsents(h.db.pool, null)).find((c) => c.personName === 'Jordan Pike')!
    const url = `/staff/governance/consents/${consent.id}/withdraw`
    await dp.get(url)
    expect((await dp.post(url, {})).statusCode).toBe(422)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Choose how the withdrawal was received')
    expect((await listConsents(h.db.pool, null)).find((c) => c.id === consent.id)!.withdrawnOn).toBeNull()

    const received = addDays(today(), -1)
    const [ry, rm, rd] = received.split('-')
    const withdrawn = await dp.post(url, {
      channel: 'post',
      'receivedOn-day': rd!,
      'receivedOn-month': rm!,
      'receivedOn-year': ry!,
    })
    expect(withdrawn.statusCode).toBe(303)
    const confirmation = await dp.follow(withdrawn)
    const $ = dp.$(confirmation)
    expect($('.govuk-panel').text()).toContain('Consent withdrawn')
    const after = (await listConsents(h.db.pool, null)).find((c) => c.id === consent.id)!
    expect(after.withdrawnOn).toBe(received)
    expect(after.withdrawalChannel).toBe('post')
    expect($(`#erasure-case a[href="/staff/cases/${after.withdrawalCaseId}"]`).text()).toContain(
      after.withdrawalCaseReference!,
    )

    // The erasure case: UK GDPR Art 17(1)(b), received by post on the day the withdrawal arrived.
    const k = (
      await h.db.pool.query('SELECT "right", received_on, state FROM cases WHERE id = $1', [after.withdrawalCaseId])
    ).rows[0]
    expect(k.right).toBe('erasure')
    expect(k.received_on).toBe(received)
    expect(k.state.channel).toBe('post')
    const casePage = await dp.get(`/staff/cases/${after.withdrawalCaseId}`)
    expect(casePage.statusCode).toBe(200)

    // The withdrawal is evidenced: an audit event names the consent, the case, how and when, and the chain verifies.
    const audit = await h.db.pool.query(
      `SELECT actor_id, payload FROM audit_events WHERE event_type = 'ConsentWithdrawn' AND payload->>'consentId' = $1`,
      [consent.id],
    )
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0].payload).toMatchObject({
      erasureCase: after.withdrawalCaseReference,
      channel: 'post',
      receivedOn: received,
    })
    expect(audit.rows[0].actor_id).toMatch(/^user:/)
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)

    // The register shows it withdrawn, when and how, and the filter finds it.
    await dp.get('/staff/governance/consents?status=withdrawn')
    const withdrawnRow = dp
      .$()('#consents tr')
      .filter((_i, el) => dp.$()(el).text().includes('Jordan Pike'))
    expect(withdrawnRow.text()).toContain('Withdrawn')
    expect(withdrawnRow.text()).toContain(`${formatLongDate(received)}, by post`)
    await dp.get('/staff/governance/consents?status=given')
    expect(dp.$()('#consents').text()).not.toContain('Jordan Pike')
    // Recording it again is not possible: the page shows the withdrawal.
    const again = await dp.post(url, {
      channel: 'email',
      'receivedOn-day': rd!,
      'receivedOn-month': rm!,
      'receivedOn-year': ry!,
    })
    expect(again.statusCode).toBe(303)
    expect(await rowCount(`cases WHERE "right" = 'erasure' AND requester_name = 'Jordan Pike'`)).toBe(1)
  })
})

describe('who may use these pages', () => {
  it('refuses every role without register:manage with 403, on every register and consent route', async () => {
    const f = await makeFixtures(h)
    const denied = ROLES.filter((r) => !can([r], 'register:manage'))
    expect(denied.length).toBeGreaterThan(0)
    for (const role of denied as Role[]) {
      const c = await new StaffClient(h.app).signInAs(role)
      await c.get('/staff/sign-in')
      for (const route of Object.keys(REGISTER_ROUTES)) {
        const [method, path] = route.split(' ') as ['GET' | 'POST', string]
        const url = path.replace(/:(\w+)/g, (_m, name: string) => f[name as keyof typeof f] ?? name)
        const res = method === 'GET' ? await c.get(url) : await c.post(url, {})
        expect(res.statusCode, `${route} as ${role}`).toBe(403)
      }
    }
    // Publishing as a refused role changed nothing.
    expect((await currentPrivacyNotice(h.db.pool, OPCC))!.version).toBe(2)
  })
})
