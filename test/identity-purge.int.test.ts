import fs from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { purgeStaleIdentityDocuments } from '../src/application/purge-stale-identity-documents.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import type { Actor } from '../src/application/actor.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'

let h: Harness
let jobs: Jobs
const dpManager: Actor = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'DP',
  roles: ['dp-manager'],
  controllerIds: null,
}
const SECRET = 'PASSPORT-NO-123456789-JANE-QUINN'

beforeAll(async () => {
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, '..', 'outbox-unused'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
})

async function blobFiles(): Promise<string[]> {
  const out: string[] = []
  for (const dir of await fs.readdir(h.blobDir)) out.push(...(await fs.readdir(path.join(h.blobDir, dir))))
  return out
}

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function caseWithIdentityUpload() {
  const { state } = await logRequest(h.deps, dpManager, {
    controllerId: 'northshire-opcc',
    caseType: 'rights-request',
    right: 'access',
    route: 'UK_GDPR',
    channel: 'email',
    receivedAt: new Date().toISOString(),
    subject: { name: 'Jane Quinn', email: 'jane.quinn@mail.example' },
    requesterType: 'self',
    request: { description: 'My records', actionWanted: 'A copy', reasons: '', details: {} },
  })
  const doc = await withTransaction(h.deps.pool, (tx) =>
    storeDocumentIn(tx, h.deps, dpManager, {
      caseId: state.id,
      kind: 'identity',
      filename: 'passport.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from(SECRET),
    }),
  )
  return { state, doc }
}

describe('identity document copies', () => {
  it('are deleted, bytes and all, when identity is verified, and the timeline says so', async () => {
    const { state, doc } = await caseWithIdentityUpload()
    expect(await blobFiles()).toContain(doc.storageKey)
    const today = new Date().toISOString().slice(0, 10)
    await executeCommand(h.deps, dpManager, state.id, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: today,
      verifierId: dpManager.id,
      receivedOn: today,
    })
    const row = (
      await h.db.pool.query('SELECT storage_key, sha256, purged_at, purge_reason FROM documents WHERE id = $1', [
        doc.id,
      ])
    ).rows[0]
    expect(row.storage_key).toBeNull()
    expect(row.sha256).toBeNull()
    expect(row.purged_at).not.toBeNull()
    expect(row.purge_reason).toMatch(/Identity verified/)
    await until(async () => !(await blobFiles()).includes(doc.storageKey!))
    const timeline = await h.db.pool.query('SELECT event_type FROM audit_events WHERE case_id = $1 ORDER BY seq', [
      state.id,
    ])
    const types = timeline.rows.map((r) => r.event_type)
    expect(types.indexOf('DocumentsPurged')).toBeGreaterThan(types.indexOf('IdentityVerified'))
    const dump = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE payload::text LIKE '%' || $1 || '%'",
      [SECRET],
    )
    expect(dump.rows[0].n).toBe(0)
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('are deleted after the configured period when identity is never verified', async () => {
    const { doc } = await caseWithIdentityUpload()
    const later = new Date(Date.now() + 91 * 86_400_000)
    const purged = await purgeStaleIdentityDocuments({ ...h.deps, clock: { now: () => later } })
    expect(purged).toBeGreaterThanOrEqual(1)
    await until(async () => !(await blobFiles()).includes(doc.storageKey!))
  })
})
