import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  docxRenamedBytes,
  pdfBytes,
  pdfWithJavaScriptBytes,
  pngBytes,
} from '../src/application/portal/upload-fixtures.js'
import { ROLES, addDays, can, localDateInLondon } from '../src/domain/index.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields } from './support/casework-steps.js'

// Seed 002: a "Training Record Status List" of every member of staff and volunteer, kept by the Data Protection
// Manager (who files the certificates) and reviewed by the Chief Executive.

let h: Harness
const BASE = '/staff/governance/training'
const CSV_COLUMNS = ['person', 'kind', 'training', 'status', 'last_completed_on', 'due_on']

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

const today = () => localDateInLondon(h.deps.clock.now())
const dp = () => new StaffClient(h.app).signInAs('dp-manager')
const personIdFrom = (location: unknown) => /\/people\/([0-9a-f-]{36})/.exec(String(location))![1]!

async function addStarter(c: StaffClient, name: string, kind = 'staff', startedOn = today()) {
  await c.get(`${BASE}/people/new`)
  const res = await c.post(`${BASE}/people/new`, {
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@opcc.test.example`,
    kind,
    ...dateFields('startedOn', startedOn),
  })
  expect(res.statusCode).toBe(303)
  return personIdFrom(res.headers.location)
}

/** Status of each training on someone's record page, by training type id. */
async function statusesOf(c: StaffClient, personId: string): Promise<Record<string, string>> {
  const $ = c.$(await c.get(`${BASE}/people/${personId}`))
  return Object.fromEntries(
    $('#training-status tbody tr')
      .map((_i, tr) => [[$(tr).data('type'), $(tr).data('status')]])
      .get(),
  )
}

async function stored() {
  const docs = await h.db.pool.query("SELECT count(*)::int AS n FROM documents WHERE kind = 'certificate'")
  const done = await h.db.pool.query('SELECT count(*)::int AS n FROM training_completions')
  const blobs = (await fsp.readdir(h.blobDir, { recursive: true, withFileTypes: true })).filter((f) =>
    f.isFile(),
  ).length
  return { documents: docs.rows[0].n, completions: done.rows[0].n, blobs }
}

describe('the training record status list', () => {
  it('shows a new starter’s on-commencement training as due on their first day', async () => {
    const c = await dp()
    const id = await addStarter(c, 'Nadia Newstart')
    const page = await c.follow(c.last!)
    expect(page.body).toContain('Nadia Newstart has been added')
    expect(await statusesOf(c, id)).toEqual({ 'dp-face-to-face': 'due', 'dp-online-mandatory': 'due' })

    const list = c.$(await c.get(`${BASE}?status=due`))
    const mine = list(`#status-list tr[data-person="${id}"]`)
    expect(mine.length).toBe(2)
    expect(mine.first().text()).toContain('Due today')
    expect(mine.first().text()).toContain('Never done')
    // Everyone else shown is due today too, and the summary counts what the filter shows.
    expect(list('#status-list tbody tr[data-status!="due"]').length).toBe(0)
    expect(list('#summary-due').text()).toContain(String(list('#status-list tbody tr').length))
  })

  it('lists volunteers who are not system users, and filters by person kind and training', async () => {
    const c = await dp()
    const $ = c.$(await c.get(`${BASE}?kind=volunteer&type=dp-face-to-face`))
    const names = $('#status-list tbody tr td:first-child a')
      .map((_i, a) => $(a).text().trim())
      .get()
    expect(names).toEqual(expect.arrayContaining(['Ruth Okoye', 'Dev Sharma']))
    expect($('#status-list tbody tr').length).toBe(names.length)
    expect($('#status-list').text()).not.toContain('Mandatory online')
  })

  it('moves someone to complete when a completion is recorded with a certificate, which downloads byte-identical', async () => {
    const c = await dp()
    const id = await addStarter(c, 'Carys Certified')
    const pdf = await pdfBytes('Certificate: data protection training, Carys Certified')
    const before = await stored()
    await c.get(`${BASE}/people/${id}/completions/new?typeId=dp-face-to-face`)
    const res = await c.postMultipart(
      `${BASE}/people/${id}/completions/new`,
      { typeId: 'dp-face-to-face', ...dateFields('completedOn', today()) },
      [{ field: 'certificate', filename: 'Carys – certificate.pdf', content: pdf, type: 'application/pdf' }],
    )
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`${BASE}/people/${id}?done=recorded`)
    const after = await stored()
    expect(after).toEqual({
      documents: before.documents + 1,
      completions: before.completions + 1,
      blobs: before.blobs + 1,
    })
    expect(await statusesOf(c, id)).toEqual({ 'dp-face-to-face': 'complete', 'dp-online-mandatory': 'due' })

    const $ = c.$(await c.get(`${BASE}?type=dp-face-to-face&status=complete`))
    expect($(`#status-list tr[data-person="${id}"]`).text()).toContain('Complete')

    const link = c
      .$(await c.get(`${BASE}/people/${id}`))('#completions a')
      .attr('href')!
    const file = await c.get(link)
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(pdf)).toBe(true)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="Carys _ certificate.pdf"/)
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    // Another person's id with this certificate is "not found": certificates belong to one record.
    const other = await addStarter(c, 'Olly Other')
    expect((await c.get(link.replace(id, other))).statusCode).toBe(404)
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('accepts a PNG certificate', async () => {
    const c = await dp()
    const id = await addStarter(c, 'Pippa Png', 'volunteer')
    await c.get(`${BASE}/people/${id}/completions/new`)
    const res = await c.postMultipart(
      `${BASE}/people/${id}/completions/new`,
      { typeId: 'dp-face-to-face', ...dateFields('completedOn', addDays(today(), -3)) },
      [{ field: 'certificate', filename: 'scan.png', content: pngBytes(), type: 'image/png' }],
    )
    expect(res.statusCode).toBe(303)
    expect(await statusesOf(c, id)).toEqual({ 'dp-face-to-face': 'complete' })
  })

  it.each([
    ['a Word document renamed .pdf', docxRenamedBytes(), 'The certificate must be a PDF, PNG or JPEG file'],
    ['a PDF with scripts in it', null, 'The selected PDF contains scripts or actions'],
  ])('refuses %s with an error summary, and stores nothing', async (_what, bytes, message) => {
    const c = await dp()
    const id = await addStarter(c, 'Fred Fakefile')
    const before = await stored()
    await c.get(`${BASE}/people/${id}/completions/new`)
    const res = await c.postMultipart(
      `${BASE}/people/${id}/completions/new`,
      { typeId: 'dp-face-to-face', ...dateFields('completedOn', today()) },
      [
        {
          field: 'certificate',
          filename: 'certificate.pdf',
          content: bytes ?? (await pdfWithJavaScriptBytes()),
          type: 'application/pdf',
        },
      ],
    )
    expect(res.statusCode).toBe(422)
    const $ = c.$(res)
    expect($('.govuk-error-summary').text()).toContain(message)
    expect($('.govuk-error-summary a').attr('href')).toBe('#certificate')
    expect($('#certificate-error').text()).toContain(message)
    // What was typed is kept, so only the file needs choosing again.
    expect($('input[name="typeId"][value="dp-face-to-face"]').attr('checked')).toBeDefined()
    expect(await stored()).toEqual(before)
    expect(await statusesOf(c, id)).toMatchObject({ 'dp-face-to-face': 'due' })
  })

  it('refuses a completion date in the future, storing neither the completion nor its certificate', async () => {
    const c = await dp()
    const id = await addStarter(c, 'Tomas Tomorrow')
    const before = await stored()
    await c.get(`${BASE}/people/${id}/completions/new`)
    const res = await c.postMultipart(
      `${BASE}/people/${id}/completions/new`,
      { typeId: 'dp-face-to-face', ...dateFields('completedOn', addDays(today(), 1)) },
      [
        {
          field: 'certificate',
          filename: 'certificate.pdf',
          content: await pdfBytes('Certificate'),
          type: 'application/pdf',
        },
      ],
    )
    expect(res.statusCode).toBe(422)
    const $ = c.$(res)
    expect($('.govuk-error-summary').text()).toContain('The date they completed it must be today or in the past')
    expect($('.govuk-error-summary a').attr('href')).toBe('#completedOn-day')
    expect(await stored()).toEqual(before)
  })

  it('exports the list as CSV with the documented columns', async () => {
    const c = await dp()
    await addStarter(c, 'Cora Csv', 'volunteer')
    const res = await c.get(`${BASE}/export.csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="training-status-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    expect(lines).toContain(`Cora Csv,volunteer,Data protection training (face to face),due,,${today()}`)
    expect(lines.at(-1)).toBe('')
    // The same filters as the page.
    const overdue = (await c.get(`${BASE}/export.csv?status=overdue`)).body.trim().split('\r\n').slice(1)
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((l) => l.split(',')[3] === 'overdue')).toBe(true)
    const doc = fs.readFileSync(path.resolve('docs/reports-csv.md'), 'utf8')
    const section = doc.slice(doc.indexOf('training-status-YYYY-MM-DD.csv'))
    for (const column of CSV_COLUMNS) expect(section).toContain(`| \`${column}\` |`)
  })
})

describe('people and training types', () => {
  it('records that someone has left: they leave the status list but their record is kept', async () => {
    const c = await dp()
    const id = await addStarter(c, 'Lena Leaver', 'volunteer', addDays(today(), -100))
    await c.get(`${BASE}/people/${id}/edit`)
    const bad = await c.post(`${BASE}/people/${id}/edit`, {
      name: 'Lena Leaver',
      email: '',
      kind: 'volunteer',
      ...dateFields('startedOn', addDays(today(), -100)),
      ...dateFields('leftOn', addDays(today(), -200)),
    })
    expect(bad.statusCode).toBe(422)
    expect(c.$(bad)('.govuk-error-summary').text()).toContain('must be the same as or after the date they started')
    const res = await c.post(`${BASE}/people/${id}/edit`, {
      name: 'Lena Leaver',
      email: '',
      kind: 'volunteer',
      ...dateFields('startedOn', addDays(today(), -100)),
      ...dateFields('leftOn', addDays(today(), -1)),
    })
    expect(res.statusCode).toBe(303)
    const $ = c.$(await c.get(BASE))
    expect($(`#status-list tr[data-person="${id}"]`).length).toBe(0)
    expect($('.govuk-details').text()).toContain('Lena Leaver')
    expect((await c.get(`${BASE}/people/${id}`)).body).toContain('They are no longer on the status list')
  })

  it('shows what is wrong with a new person and keeps what was typed', async () => {
    const c = await dp()
    await c.get(`${BASE}/people/new`)
    const res = await c.post(`${BASE}/people/new`, {
      name: 'Sam Nodate',
      email: 'not-an-email',
      'startedOn-day': '31',
      'startedOn-month': '2',
      'startedOn-year': '2026',
    })
    expect(res.statusCode).toBe(422)
    const $ = c.$(res)
    expect(
      $('.govuk-error-summary a')
        .map((_i, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#email', '#kind', '#startedOn-day'])
    expect($('#name').val()).toBe('Sam Nodate')
  })

  it('adds a training type for volunteers that is due when they start, and it appears on the status list', async () => {
    const c = await dp()
    await c.get(`${BASE}/types/new`)
    const type = {
      name: 'Safeguarding awareness',
      deliveredBy: 'Victim services lead',
      method: 'online',
      lengthMinutes: '30',
      frequencyMonths: '',
      appliesTo: 'volunteers',
    }
    // Needed once and not when someone starts: it would never fall due.
    const once = await c.post(`${BASE}/types/new`, { ...type, onCommencement: 'no' })
    expect(once.statusCode).toBe(422)
    expect(c.$(once)('.govuk-error-summary').text()).toContain('Enter how often it is repeated')
    const res = await c.post(`${BASE}/types/new`, { ...type, onCommencement: 'yes' })
    expect(res.statusCode).toBe(303)
    expect((await c.get(`${BASE}/types`)).body).toContain('Safeguarding awareness')
    const $ = c.$(await c.get(`${BASE}?type=safeguarding-awareness`))
    expect($('#status-list').text()).toContain('Ruth Okoye')
    const kinds = $('#status-list tbody tr')
      .map((_i, tr) => $(tr).data('kind'))
      .get()
    expect(new Set(kinds)).toEqual(new Set(['volunteer']))
    // Retiring it takes it off the list again.
    await c.get(`${BASE}/types/safeguarding-awareness`)
    const retired = await c.post(`${BASE}/types/safeguarding-awareness`, {
      ...type,
      onCommencement: 'yes',
      retired: 'yes',
    })
    expect(retired.statusCode).toBe(303)
    expect(c.$(await c.get(BASE))('#status-list tr[data-type="safeguarding-awareness"]').length).toBe(0)
  })
})

describe('who may see training records', () => {
  const denied = ROLES.filter((r) => !can([r], 'training:manage'))

  it.each(denied)('refuses %s with 403 on every training page and form it may not use', async (role) => {
    const c = await new StaffClient(h.app).signInAs(role)
    await c.get('/staff/account/password')
    const reviews = can([role], 'training:view')
    for (const url of [BASE, `${BASE}/export.csv`]) expect((await c.get(url)).statusCode, url).toBe(reviews ? 200 : 403)
    for (const url of [`${BASE}/people/new`, `${BASE}/types`]) expect((await c.get(url)).statusCode, url).toBe(403)
    const post = await c.post(`${BASE}/people/new`, { name: 'Not Allowed', kind: 'staff' })
    expect(post.statusCode).toBe(403)
  })

  it('lets the Chief Executive review the status list (seed 002) without being able to change it', async () => {
    const c = await new StaffClient(h.app).signInAs('chief-executive')
    const list = c.$(await c.get(BASE))
    expect(list('#status-list tbody tr').length).toBeGreaterThan(0)
    expect(list('a[href="/staff/governance/training/people/new"]').length).toBe(0)
    expect(list('#status-list a[href^="/staff/governance/training/people/"]').length).toBe(0)
  })

  it('allows the DP manager and the administrator', async () => {
    for (const role of ROLES.filter((r) => can([r], 'training:manage'))) {
      const c = await new StaffClient(h.app).signInAs(role)
      expect((await c.get(BASE)).statusCode, role).toBe(200)
    }
    expect(denied.length).toBeGreaterThan(0)
  })
})
