import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { stopOcr } from '../src/disclosure/ocr/engine.js'
import { withTransaction } from '../src/persistence/db.js'
import { scanOf } from './fixtures/disclosure/scans.js'
import type { Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import {
  banner,
  caseWithMaterial,
  errorSummary,
  listed,
  overviewOf,
  readCase,
  redactionCount,
  settled,
  startWorkbench,
} from './support/disclosure-pages.js'

// The redaction workbench pages (issue 5, "Review") through the real app and the real worker: reading the material,
// the picture and its list, two reviewers at once, building and opening the bundle, and who may use it at all.

let h: Harness
let close: () => Promise<void>

beforeAll(async () => {
  ;({ h, close } = await startWorkbench())
})
afterAll(async () => {
  await close?.()
  await stopOcr()
})

describe('the redaction workbench pages', () => {
  it('reads the material in the worker, then shows each proposal as a numbered box on the page and in the list', async () => {
    const caseId = await caseWithMaterial(h)
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    expect((await dp.get(`/staff/cases/${caseId}`)).body).toContain(`href="${overviewOf(caseId)}"`)
    const before = await dp.get(overviewOf(caseId))
    expect(before.statusCode).toBe(200)
    expect(
      dp
        .$()('#unread li')
        .map((_, li) => dp.$()(li).text())
        .get()
        .sort(),
    ).toEqual(['neighbour-complaint.eml', 'witness-statement.pdf'])
    expect(dp.$()('#add-material').attr('href')).toBe(`/staff/cases/${caseId}/documents/new`)
    const read = await dp.post(`${overviewOf(caseId)}/prepare`, {})
    expect(read.headers.location).toBe(`${overviewOf(caseId)}?done=prepare`)
    expect((await settled(h, caseId)).status).toBe('done')

    await dp.get(overviewOf(caseId))
    expect(dp.$()('#documents-table tbody tr')).toHaveLength(2)
    expect(dp.$()('#unread')).toHaveLength(0)
    const totals = dp.$()('#totals').text().replace(/\s+/g, ' ')
    expect(totals).toMatch(/Total \(duplicates left out\) 3 \d+ 0 0/)
    const href = dp
      .$()('#documents-table a')
      .filter((_, a) => dp.$()(a).text().includes('witness'))
      .attr('href')!
    expect(href).toMatch(/\/items\/[0-9a-f-]{36}\/pages\/1$/)

    const page = await dp.get(href)
    expect(page.statusCode).toBe(200)
    const $ = dp.$()
    const svg = $('#page-figure > svg')
    expect(svg.attr('viewBox')).toBe('0 0 595.28 841.89')
    expect(svg.attr('role')).toBe('img')
    expect($('#page-svg-title').text()).toContain('Page 1 of witness-statement.pdf')
    expect($('#page-svg-desc').text()).toContain('The list of redactions on this page describes each one')
    expect(svg.find('image').attr('href')).toBe(`${href}/image.png`)
    const list = listed(dp)
    expect(list.map((r) => r.text)).toContain('Rebecca Thornley')
    expect(list.map((r) => r.text).join(' ')).not.toContain('Alex Morgan')
    expect(list.every((r) => r.status === 'Proposed')).toBe(true)
    // One numbered group of boxes per listed redaction, numbered in the same order.
    expect(svg.find('g.app-box')).toHaveLength(list.length)
    expect(
      svg
        .find('g.app-box text')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(list.map((_, i) => String(i + 1)))
    expect($('#page-text').text()).toContain('WITNESS STATEMENT')
    expect($('#accept-page').text()).toContain(`Accept all ${list.length} on this page`)

    const image = await dp.get(`${href}/image.png`)
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.headers['cache-control']).toBe('private, no-store')
    expect(image.headers['x-content-type-options']).toBe('nosniff')
    expect(image.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  })

  it('lists the files that could not be read, with the reason, and reads the rest', async () => {
    const caseId = await caseWithMaterial(h)
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await withTransaction(h.deps.pool, (tx) =>
      storeDocumentIn(tx, h.deps, SYSTEM_ACTOR, {
        caseId,
        kind: 'material',
        filename: 'scanned-notes.pdf',
        contentType: 'application/pdf',
        bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, cut off'),
      }),
    )
    await dp.get(overviewOf(caseId))
    await dp.post(`${overviewOf(caseId)}/prepare`, {})
    expect((await settled(h, caseId)).status).toBe('done')
    await dp.get(overviewOf(caseId))
    const failures = dp.$()('#failures-table tbody tr')
    expect(failures).toHaveLength(1)
    expect(failures.text()).toContain('scanned-notes.pdf')
    expect(dp.$()('#documents-table tbody tr')).toHaveLength(2)
  })

  it('shows on page review what OCR read from a photographed page, and proposes the names it read', async () => {
    const caseId = await caseWithMaterial(h)
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    const photo = scanOf(
      [
        { text: 'Statement of a neighbour' },
        { text: 'I, Priya Ramanathan, heard shouting from number 12 at midnight.' },
      ],
      { angle: 2, noise: 15, dpi: 150 },
    )
    await withTransaction(h.deps.pool, (tx) =>
      storeDocumentIn(tx, h.deps, SYSTEM_ACTOR, {
        caseId,
        kind: 'material',
        filename: 'photo-of-statement.png',
        contentType: 'image/png',
        bytes: new Uint8Array(photo),
      }),
    )
    await dp.get(overviewOf(caseId))
    await dp.post(`${overviewOf(caseId)}/prepare`, {})
    expect((await settled(h, caseId)).status).toBe('done')
    await dp.get(overviewOf(caseId))
    const href = dp
      .$()('#documents-table a')
      .filter((_, a) => dp.$()(a).text().includes('photo-of-statement'))
      .attr('href')
    const typed = dp
      .$()('#documents-table a')
      .filter((_, a) => dp.$()(a).text().includes('witness'))
      .attr('href')
    expect(dp.$()('#failures-table').text().trim()).toBe('')
    expect(href).toMatch(/\/pages\/1$/)
    await dp.get(href!)
    const read = dp.$()('#ocr-text')
    expect(read.text()).toContain('This page was read by OCR')
    expect(read.find('.app-page-text').text()).toMatch(/Priya\s+Ramanathan/)
    expect(listed(dp).map((r) => r.text)).toContain('Priya Ramanathan')
    // A typed page is shown as it is, with no OCR block.
    await dp.get(typed!)
    expect(dp.$()('#ocr-text')).toHaveLength(0)
  })

  it('keeps both reviewers’ decisions: a stale decision shows the conflict and the first decision stands', async () => {
    const { caseId, dp, page1 } = await readCase(h)
    const other = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(page1)
    await other.get(page1)
    const [first] = listed(dp)
    const rejected = await dp.post(`${page1}/decide`, {
      redactionId: first!.id,
      version: first!.version,
      exemptionCode: 'S2P3_16_THIRD',
      reason: 'The witness agreed to be named',
      decision: 'rejected',
    })
    expect(rejected.headers.location).toBe(`${page1}?done=rejected&r=${first!.id}`)
    await dp.follow(rejected)
    expect(banner(dp)).toContain('Redaction 1 rejected: it will be left in.')

    // The second reviewer still has the old version on screen: their "accept" is refused, on the same page.
    const stale = await other.post(`${page1}/decide`, {
      redactionId: first!.id,
      version: first!.version,
      exemptionCode: 'S2P3_16_THIRD',
      decision: 'accepted',
    })
    expect(stale.statusCode).toBe(409)
    expect(errorSummary(other)).toContain(
      'Someone else changed this redaction while you were looking at it (it is now rejected)',
    )
    expect(other.$()('.govuk-error-summary a').attr('href')).toBe(`#redaction-${first!.id}`)
    expect(listed(other)[0]).toMatchObject({ id: first!.id, status: 'Left in' })
    expect(listed(other)[0]!.found).toContain('decided by')
    const row = await h.db.pool.query('SELECT status, reason FROM redactions WHERE id = $1', [first!.id])
    expect(row.rows[0]).toEqual({ status: 'rejected', reason: 'The witness agreed to be named' })

    // "Accept all on this page" leaves the explicit rejection alone.
    const all = await other.post(`${page1}/decide-all`, { exemptionCode: 'S2P3_16_THIRD', decision: 'accepted' })
    const n = listed(dp).length - 1
    expect(all.headers.location).toBe(`${page1}?done=pageAccepted&n=${n}`)
    await other.follow(all)
    expect(banner(other)).toContain(`${n} proposals on this page accepted.`)
    expect(listed(other).map((r) => r.status)).toEqual(['Left in', ...Array(n).fill('Redacted')])
    expect(other.$()('#accept-page')).toHaveLength(0)
    void caseId
  })

  it('refuses to build while proposals are undecided, then builds in the worker and the bundle opens as a PDF', async () => {
    const { caseId, dp } = await readCase(h)
    const refused = await dp.post(`${overviewOf(caseId)}/bundle`, {})
    expect(refused.statusCode).toBe(409)
    expect(errorSummary(dp)).toMatch(
      /\d+ proposed redactions are not decided yet: accept or reject every proposal first/,
    )

    // Decide every page with the page's own "accept all", as a reviewer would.
    const items = dp
      .$()('#documents-table a')
      .map((_, a) => dp.$()(a).attr('href'))
      .get()
    for (const first of items) {
      for (let p = 1; p <= 2; p++) {
        const url = first.replace(/\/pages\/\d+$/, `/pages/${p}`)
        if ((await dp.get(url)).statusCode !== 200) continue
        if (dp.$()('#accept-page').length)
          expect(
            (await dp.post(`${url}/decide-all`, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })).statusCode,
          ).toBe(303)
      }
    }
    const build = await dp.post(`${overviewOf(caseId)}/bundle`, {})
    expect(build.headers.location).toBe(`${overviewOf(caseId)}?done=bundle`)
    const run = await settled(h, caseId)
    expect(run).toMatchObject({ kind: 'bundle', status: 'done', error: null })
    await dp.get(overviewOf(caseId))
    const row = dp.$()('#bundles-table tbody tr').first().text().replace(/\s+/g, ' ')
    expect(row).toContain('Built')
    expect(row).toContain(`${run.pageCount}`)
    expect(dp.$()('main').text()).toContain('attach it to the response letter')
    const href = dp.$()('#bundles-table a').attr('href')!
    expect(href).toBe(`/staff/cases/${caseId}/documents/${run.resultDocumentId}`)
    const pdf = await dp.get(href)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const text = readPageTexts(new Uint8Array(pdf.rawPayload)).join(' ').replace(/\s+/g, ' ')
    for (const secret of ['Rebecca Thornley', 'rebecca.thornley@example.com', '07700 900123', 'Gary Whitfield'])
      expect(text).not.toContain(secret)
    expect(text).toContain('Alex Morgan')
    expect(text).toContain('Redaction schedule')
  })

  it('is only for those who do the casework: 403 for every other role, and no link on their case page', async () => {
    const { caseId, page1 } = await readCase(h)
    for (const role of ['correspondence', 'reviewer', 'chief-executive', 'staff', 'copy-recipient', 'admin'] as const) {
      const c = await new StaffClient(h.app).signInAs(role)
      for (const url of [overviewOf(caseId), page1, `${page1}/image.png`])
        expect((await c.get(url)).statusCode, `${role} GET ${url}`).toBe(403)
      expect(
        (await c.post(`${page1}/decide-all`, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })).statusCode,
      ).toBe(403)
      const casePage = await c.get(`/staff/cases/${caseId}`)
      expect(casePage.body).not.toContain(`${overviewOf(caseId)}"`)
    }
    expect((await redactionCount(h, caseId)).every((r) => r.status === 'proposed')).toBe(true)
  })
})
