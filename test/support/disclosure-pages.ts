import path from 'node:path'
import pino from 'pino'
import type { Actor } from '../../src/application/actor.js'
import { findRun, type DisclosureRun } from '../../src/application/disclosure/runs.js'
import { logRequest } from '../../src/application/log-request.js'
import { storeDocumentIn } from '../../src/application/store-document.js'
import { neighbourEmail, witnessStatementPdf } from '../../src/cli/demo/demo-material.js'
import { startJobs, type Jobs } from '../../src/jobs/queue.js'
import { startWorker } from '../../src/jobs/worker.js'
import { createMailer } from '../../src/notifications/mailer.js'
import { withTransaction } from '../../src/persistence/db.js'
import { startHarness, type Harness } from './app-harness.js'
import { StaffClient } from './casework-client.js'
import { actorFor, NEW_REQUEST } from './casework-fixtures.js'

/** The app with the real worker (pg-boss), as the redaction workbench's page tests need it. */
export async function startWorkbench(): Promise<{ h: Harness; close: () => Promise<void> }> {
  let jobs: Jobs | undefined
  const h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
  await startWorker({ jobs: jobs!, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  return {
    h,
    close: async () => {
      await jobs?.stop()
      await h.close()
    },
  }
}

/** A case for Alex Morgan with a witness statement (PDF, 2 pages) and a neighbour's email as material. */
export async function caseWithMaterial(h: Harness): Promise<string> {
  const dp: Actor = await actorFor(h, 'dp-manager')
  const { state } = await logRequest(h.deps, dp, {
    ...NEW_REQUEST,
    subject: { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  })
  await withTransaction(h.deps.pool, async (tx) => {
    for (const [filename, bytes, contentType] of [
      ['witness-statement.pdf', witnessStatementPdf(), 'application/pdf'],
      ['neighbour-complaint.eml', neighbourEmail(), 'message/rfc822'],
    ] as const)
      await storeDocumentIn(tx, h.deps, dp, { caseId: state.id, kind: 'material', filename, contentType, bytes })
  })
  return state.id
}

/** The case's latest run once the worker has finished it. */
export async function settled(h: Harness, caseId: string): Promise<DisclosureRun> {
  for (let i = 0; i < 600; i++) {
    const r = await h.db.pool.query('SELECT id FROM disclosure_runs WHERE case_id = $1 ORDER BY requested_at DESC', [
      caseId,
    ])
    const run = r.rows[0] ? await findRun(h.db.pool, r.rows[0].id) : null
    if (run && (run.status === 'done' || run.status === 'failed')) return run
    await new Promise((res) => setTimeout(res, 100))
  }
  throw new Error('run did not finish')
}

export const overviewOf = (caseId: string) => `/staff/cases/${caseId}/disclosure`

export interface Listed {
  id: string
  version: string
  text: string
  status: string
  found: string
}

/** The list of redactions on the page last shown: the accessible equivalent of the picture. */
export function listed(c: StaffClient): Listed[] {
  const $ = c.$()
  return $('#redactions > li')
    .map((_, li) => ({
      id: String($(li).find('input[name="redactionId"]').val()),
      version: String($(li).find('input[name="version"]').val()),
      text: $(li).find('.app-redaction__text').text().trim(),
      status: $(li).find('.govuk-tag').first().text().trim(),
      found: $(li).find('p.govuk-body-s').text().replace(/\s+/g, ' ').trim(),
    }))
    .get()
}

export const errorSummary = (c: StaffClient) => c.$()('.govuk-error-summary').text().replace(/\s+/g, ' ')
export const banner = (c: StaffClient) => c.$()('.govuk-notification-banner').text().replace(/\s+/g, ' ')

/** A case with the demo documents read in the worker; the DP manager signed in, with the witness statement's pages. */
export async function readCase(h: Harness) {
  const caseId = await caseWithMaterial(h)
  const dp = await new StaffClient(h.app).signInAs('dp-manager')
  await dp.get(overviewOf(caseId))
  if ((await dp.post(`${overviewOf(caseId)}/prepare`, {})).statusCode !== 303) throw new Error('could not read')
  if ((await settled(h, caseId)).status !== 'done') throw new Error('reading failed')
  await dp.get(overviewOf(caseId))
  const statement = dp
    .$()('#documents-table a')
    .filter((_, a) => dp.$()(a).text().includes('witness'))
    .attr('href')!
  const page1 = statement.replace(/\/pages\/\d+$/, '/pages/1')
  return { caseId, dp, page1, page2: page1.replace(/\/1$/, '/2') }
}

export const redactionCount = async (h: Harness, caseId: string) =>
  (
    await h.db.pool.query(
      'SELECT status, count(*)::int AS n FROM redactions WHERE case_id = $1 GROUP BY status ORDER BY status',
      [caseId],
    )
  ).rows
