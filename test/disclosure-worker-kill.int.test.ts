import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideMany } from '../src/application/disclosure/decisions.js'
import { runPreparation } from '../src/application/disclosure/prepare-run.js'
import { findRun, requestBundle, requestPreparation } from '../src/application/disclosure/runs.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { readPageTexts, renderTextPdf } from '../src/disclosure/pdf/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor } from './support/casework-fixtures.js'
import { startRightsdesk, type RightsdeskProcess } from './support/rightsdesk-process.js'

// Issue 5, Reliability: "A worker killed in the middle of a bundle build resumes or restarts it without duplicate
// pages or lost decisions." The real `rightsdesk start` (web + worker) is killed with SIGKILL part-way through a 30-document build;
// a new worker must finish it, and the bundle must hold every document exactly once with every decision applied.

const DOCUMENTS = 30
let h: Harness
let jobs: Jobs
let dataDir: string
let key: Buffer
const workers: RightsdeskProcess[] = []

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-kill-'))
  key = randomBytes(32)
  h = await startHarness({
    blobs: { dir: path.join(dataDir, 'blobs'), key },
    jobs: async (url) => (jobs = await startJobs(url, 'web')),
  })
})
afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => undefined)
  await jobs?.stop()
  await h?.close()
  await fs.rm(dataDir, { recursive: true, force: true })
})

const startWorker = () =>
  startRightsdesk({
    dataDir,
    command: 'start',
    env: { DATABASE_URL: h.db.url, BLOB_ENCRYPTION_KEY: key.toString('hex'), LOG_LEVEL: 'warn' },
  }).then((w) => (workers.push(w), w))

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const v = await fn()
    if (v !== undefined) return v
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('a bundle build whose worker is killed', () => {
  it(
    'is finished by the next worker with every document once and every decision applied',
    { timeout: 600_000 },
    async () => {
      const dp = await actorFor(h, 'dp-manager')
      const c = await h.db.pool.query("SELECT id FROM cases WHERE requester_name = 'Alex Morgan'")
      const caseId = c.rows[0].id as string
      // Thirty distinct documents of four pages, each naming a third party and carrying its own marker.
      await withTransaction(h.deps.pool, async (tx) => {
        for (let n = 1; n <= DOCUMENTS; n++) {
          const blocks = [
            { text: `Document marker D${n}X about Alex Morgan` },
            { text: `Neighbour Gary Whitfield was seen on day ${n}.` },
            ...[2, 3, 4].map((p) => ({
              text: `Continuation ${p} of D${n}X. ${'Routine notes. '.repeat(200)}`,
              pageBreakBefore: true,
            })),
          ]
          await storeDocumentIn(tx, h.deps, dp, {
            caseId,
            kind: 'material',
            filename: `doc-${n}.pdf`,
            contentType: 'application/pdf',
            bytes: renderTextPdf(blocks).pdf,
          })
        }
      })
      const prep = await requestPreparation(h.deps, dp, caseId)
      await runPreparation(h.deps, prep.id)
      expect((await findRun(h.db.pool, prep.id))?.status).toBe('done')
      await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
      const accepted = Number(
        (await h.db.pool.query("SELECT count(*) FROM redactions WHERE case_id = $1 AND status = 'accepted'", [caseId]))
          .rows[0].count,
      )
      const run = await requestBundle(h.deps, dp, caseId)
      const total = run.total

      const first = await startWorker()
      const halfway = await until('the first worker to be part-way', async () => {
        const r = await findRun(h.db.pool, run.id)
        return r && r.done >= 3 ? r : undefined
      })
      first.kill('SIGKILL')
      await first.waitForExit()
      const killedAt = (await findRun(h.db.pool, run.id))!
      expect(killedAt.status).toBe('running')
      expect(killedAt.done).toBeGreaterThanOrEqual(halfway.done)
      expect(killedAt.done).toBeLessThan(total)

      await startWorker()
      const done = await until('the second worker to finish', async () => {
        const r = await findRun(h.db.pool, run.id)
        return r && (r.status === 'done' || r.status === 'failed') ? r : undefined
      })
      expect(done.error).toBeNull()
      expect(done.status).toBe('done')
      expect(done.attempts).toBeGreaterThanOrEqual(2)
      expect(done.redactionCount).toBe(accepted)

      const bundles = await h.db.pool.query(
        "SELECT storage_key FROM documents WHERE case_id = $1 AND kind = 'bundle'",
        [caseId],
      )
      expect(bundles.rows).toHaveLength(1)
      const pages = readPageTexts(new Uint8Array(await h.deps.blobs.get(bundles.rows[0].storage_key)))
      expect(pages).toHaveLength(done.pageCount!)
      const squashed = pages.map((p) => p.replace(/\s+/g, ''))
      for (let n = 1; n <= DOCUMENTS; n++) {
        // Each document's first page exactly once (the contents list names documents by title, not by marker).
        expect(
          squashed.filter((p) => p.includes(`DocumentmarkerD${n}X`)),
          `document ${n}`,
        ).toHaveLength(1)
        expect(
          squashed.filter((p) => p.includes(`Continuation4ofD${n}X`)),
          `document ${n} last page`,
        ).toHaveLength(1)
      }
      expect(squashed.join('')).not.toContain('GaryWhitfield')
      // The redacted parts were only steps: none are left behind.
      expect(
        (await h.db.pool.query('SELECT count(*) FROM disclosure_run_parts WHERE run_id = $1', [run.id])).rows[0].count,
      ).toBe('0')
      expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
    },
  )
})
