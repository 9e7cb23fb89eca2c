import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { runBundle } from '../src/application/disclosure/bundle-run.js'
import { decideMany, decideRedaction, redactBox, redactText } from '../src/application/disclosure/decisions.js'
import { withhold } from '../src/application/disclosure/withhold.js'
import { findRun, requestBundle, requestPreparation, type DisclosureRun } from '../src/application/disclosure/runs.js'
import { workbenchOverview, workbenchPage } from '../src/application/disclosure/workbench.js'
import { logRequest } from '../src/application/log-request.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { isDomainError } from '../src/domain/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { witnessStatementPdf, neighbourEmail } from './fixtures/disclosure/case-material.js'

let h: Harness
let jobs: Jobs
let dp: Actor
let reviewer2: Actor

beforeAll(async () => {
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  dp = await actorFor(h, 'dp-manager')
  reviewer2 = { ...dp, id: dp.id, name: 'Second reviewer' }
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
})

async function caseWithMaterial(
  route: 'UK_GDPR' | 'DPA_PART3' = 'UK_GDPR',
  right = NEW_REQUEST.right,
): Promise<string> {
  const { state } = await logRequest(h.deps, dp, {
    ...NEW_REQUEST,
    right,
    ...(route === 'DPA_PART3' ? { controllerId: 'northshire-police', route } : {}),
    subject: { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  })
  await withTransaction(h.deps.pool, async (tx) => {
    for (const [filename, bytes, contentType] of [
      ['witness-statement-thornley.pdf', witnessStatementPdf(), 'application/pdf'],
      ['neighbour-complaint.eml', neighbourEmail(), 'message/rfc822'],
    ] as const)
      await storeDocumentIn(tx, h.deps, dp, { caseId: state.id, kind: 'material', filename, contentType, bytes })
  })
  return state.id
}

async function settled(runId: string): Promise<DisclosureRun> {
  for (let i = 0; i < 600; i++) {
    const run = await findRun(h.db.pool, runId)
    if (run && (run.status === 'done' || run.status === 'failed')) return run
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('run did not finish')
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isDomainError(err)) throw new Error(`expected a refusal, got ${String(err)}`)
  return { code: err.code, message: err.message }
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '')

describe('the disclosure workbench', () => {
  it('reads the material in the worker, proposes third parties with positions, and never the requester', async () => {
    const caseId = await caseWithMaterial()
    const run = await settled((await requestPreparation(h.deps, dp, caseId)).id)
    expect(run.status).toBe('done')
    expect(run.done).toBe(2)
    const overview = await workbenchOverview(h.deps, dp, caseId)
    expect(overview.items.map((i) => i.kind).sort()).toEqual(['email', 'pdf'])
    expect(overview.unread).toEqual([])
    const statement = overview.items.find((i) => i.kind === 'pdf')!
    const page = await workbenchPage(h.deps, dp, caseId, statement.id, 1)
    const proposed = page.redactions.map((r) => `${r.type}:${r.text}`)
    expect(proposed).toContain('PERSON:Rebecca Thornley')
    expect(proposed.some((p) => p.includes('Alex Morgan'))).toBe(false)
    for (const r of page.redactions) expect(r.rects[0]![2]).toBeGreaterThan(r.rects[0]![0])
    expect(page.size.width).toBeGreaterThan(500)
    // Asking again with nothing new to read is refused, not an empty run.
    expect((await refusal(requestPreparation(h.deps, dp, caseId))).code).toBe('conflict')
  })

  it('keeps both reviewers’ decisions: a stale decision is refused, "accept all" leaves explicit decisions alone', async () => {
    const caseId = await caseWithMaterial()
    await settled((await requestPreparation(h.deps, dp, caseId)).id)
    const item = (await workbenchOverview(h.deps, dp, caseId)).items.find((i) => i.kind === 'pdf')!
    const [first] = (await workbenchPage(h.deps, dp, caseId, item.id, 1)).redactions
    await decideRedaction(h.deps, dp, caseId, first!.id, {
      decision: 'rejected',
      exemptionCode: 'S2P3_16_THIRD',
      version: first!.version,
    })
    const stale = await refusal(
      decideRedaction(h.deps, reviewer2, caseId, first!.id, {
        decision: 'accepted',
        exemptionCode: 'S2P3_16_THIRD',
        version: first!.version,
      }),
    )
    expect(stale.code).toBe('conflict')
    await decideMany(h.deps, reviewer2, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
    const after = (await workbenchPage(h.deps, dp, caseId, item.id, 1)).redactions
    expect(after.find((r) => r.id === first!.id)!.status).toBe('rejected')
    expect(after.filter((r) => r.id !== first!.id).every((r) => r.status === 'accepted')).toBe(true)
  })

  it('refuses to build while proposals are undecided, then builds a verified bundle with its schedule', async () => {
    const caseId = await caseWithMaterial()
    await settled((await requestPreparation(h.deps, dp, caseId)).id)
    expect((await refusal(requestBundle(h.deps, dp, caseId))).message).toMatch(/not decided yet/)
    const items = (await workbenchOverview(h.deps, dp, caseId)).items
    const statement = items.find((i) => i.kind === 'pdf')!
    await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
    expect(
      await redactText(h.deps, dp, caseId, {
        text: 'blue Ford Fiesta',
        exemptionCode: 'S2P3_16_THIRD',
        source: 'search',
      }),
    ).toBe(1)
    await redactBox(h.deps, dp, caseId, {
      itemId: statement.id,
      page: 1,
      rect: [60, 700, 300, 760],
      exemptionCode: 'S2P3_16_THIRD',
    })
    await withhold(h.deps, dp, caseId, {
      itemId: statement.id,
      page: 2,
      withhold: true,
      exemptionCode: 'S2P1_2_CRIME',
      reason: 'Ongoing investigation',
    })
    const run = await settled((await requestBundle(h.deps, dp, caseId)).id)
    expect(run.error).toBeNull()
    expect(run.status).toBe('done')
    expect(run.exemptionCounts).toMatchObject({ S2P1_2_CRIME: 1 })
    expect(run.exemptionCounts!.S2P3_16_THIRD).toBeGreaterThan(3)
    const doc = await h.db.pool.query('SELECT storage_key, kind FROM documents WHERE id = $1', [run.resultDocumentId])
    expect(doc.rows[0].kind).toBe('bundle')
    const text = squash(readPageTexts(new Uint8Array(await h.deps.blobs.get(doc.rows[0].storage_key))).join('\n'))
    for (const secret of [
      'Rebecca Thornley',
      'rebecca.thornley@example.com',
      '07700 900123',
      'blue Ford Fiesta',
      'Gary Whitfield',
    ])
      expect(text, secret).not.toContain(squash(secret))
    // The contents list names documents by title: a surname in a file name is the person too.
    expect(text).not.toContain('thornley')
    expect(text).toContain('witness-statement-')
    expect(text).toContain('alexmorgan')
    expect(text).toContain('redactionschedule')
    expect(text).toContain('pagewithheld')
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('a build interrupted after its first document carries on without repeating or losing a page', async () => {
    const caseId = await caseWithMaterial()
    await settled((await requestPreparation(h.deps, dp, caseId)).id)
    await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
    // A clean build first, for the page count to compare with.
    const clean = await settled((await requestBundle(h.deps, dp, caseId)).id)
    expect(clean.status).toBe('done')
    // Then a build whose worker "dies" when storing its second part: put the run in place without a job, and fail.
    const runId = await withTransaction(h.deps.pool, async (tx) => {
      const r = await tx.query('SELECT snapshot FROM disclosure_runs WHERE id = $1', [clean.id])
      const id = crypto.randomUUID()
      await tx.query(
        `INSERT INTO disclosure_runs (id, case_id, kind, status, total, requested_by, requested_at, snapshot, options)
         VALUES ($1, $2, 'bundle', 'queued', 2, $3, now(), $4, '{}')`,
        [id, caseId, dp.id, JSON.stringify(r.rows[0].snapshot)],
      )
      return id
    })
    let puts = 0
    const dying = {
      ...h.deps,
      blobs: {
        ...h.deps.blobs,
        put: async (b: Uint8Array) => {
          if (++puts === 2) throw new Error('worker killed')
          return h.deps.blobs.put(b)
        },
      },
    }
    await expect(runBundle(dying, runId)).rejects.toThrow('worker killed')
    const halfway = await findRun(h.db.pool, runId)
    expect(halfway).toMatchObject({ status: 'running', done: 1 })
    await runBundle(h.deps, runId)
    const resumed = await findRun(h.db.pool, runId)
    expect(resumed).toMatchObject({ status: 'done', pageCount: clean.pageCount, redactionCount: clean.redactionCount })
    expect(resumed!.attempts).toBe(2)
  })

  it('cites DPA 2018 s.45(4)(e) for every removal on a law-enforcement (Part 3) case, contents list included', async () => {
    const caseId = await caseWithMaterial('DPA_PART3')
    await settled((await requestPreparation(h.deps, dp, caseId)).id)
    await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'LE_45_4_E' })
    const run = await settled((await requestBundle(h.deps, dp, caseId)).id)
    expect(run.status).toBe('done')
    expect(Object.keys(run.exemptionCounts!)).toEqual(['LE_45_4_E'])
  })

  it('gives a portability request (UK GDPR Art 20) the data as JSON and CSV with a schema, redacted like the PDF', async () => {
    const caseId = await caseWithMaterial('UK_GDPR', 'portability')
    await settled((await requestPreparation(h.deps, dp, caseId)).id)
    await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
    const run = await settled((await requestBundle(h.deps, dp, caseId)).id)
    expect(run.status).toBe('done')
    const files = await h.db.pool.query(
      "SELECT filename, storage_key FROM documents WHERE case_id = $1 AND kind = 'bundle' ORDER BY filename",
      [caseId],
    )
    const names = files.rows.map((f) => String(f.filename).replace(/^.*?-(?=[a-z]+\.(json|csv|pdf)$)/, ''))
    expect(names.sort()).toEqual(['bundle.json', 'bundle.pdf', 'documents.csv', 'redactions.csv', 'schema.json'])
    const json = files.rows.find((f) => String(f.filename).endsWith('bundle.json'))!
    const exported = (await h.deps.blobs.get(json.storage_key)).toString('utf8')
    expect(JSON.parse(exported).documents.length).toBeGreaterThan(1)
    for (const secret of ['Rebecca Thornley', 'rebecca.thornley@example.com', 'Gary Whitfield', 'thornley.pdf'])
      expect(exported.toLowerCase()).not.toContain(secret.toLowerCase())
  })

  it('only the DP manager’s casework permission opens the workbench', async () => {
    const caseId = await caseWithMaterial()
    const reviewer = await actorFor(h, 'reviewer')
    expect((await refusal(workbenchOverview(h.deps, reviewer, caseId))).code).toBe('not-permitted')
  })
})
