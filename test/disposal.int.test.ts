import fs from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { approveDisposalList, proposeDisposalList } from '../src/application/governance/disposal-list.js'
import { runDisposalList } from '../src/application/governance/dispose-case.js'
import { liftLegalHold, placeLegalHold } from '../src/application/governance/legal-hold.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'

let h: Harness
let jobs: Jobs
const actorFor = async (role: 'dp-manager' | 'chief-executive'): Promise<Actor> => {
  const r = await h.db.pool.query('SELECT id, name FROM users WHERE $1 = ANY(roles)', [role])
  return { kind: 'user', id: r.rows[0].id, name: r.rows[0].name, roles: [role], controllerIds: null }
}
const threeYearsOn = new Date(Date.now() + 3 * 366 * 86_400_000).toISOString()

beforeAll(async () => {
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
})

/** The demo's rights request for this person (some also have an appeal or complaint case of their own). */
async function caseByName(name: string) {
  const r = await h.db.pool.query(
    "SELECT id, reference FROM cases WHERE requester_name = $1 AND case_type = 'rights-request'",
    [name],
  )
  return r.rows[0] as { id: string; reference: string } | undefined
}

/** Every row of every table in the public schema that mentions the text. */
async function rowsMentioning(text: string): Promise<string[]> {
  const tables = await h.db.pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
  )
  const hits: string[] = []
  for (const { tablename } of tables.rows) {
    const r = await h.db.pool.query(
      `SELECT count(*)::int AS n FROM "${tablename}" t WHERE t::text ILIKE '%' || $1 || '%'`,
      [text],
    )
    if (r.rows[0].n > 0) hits.push(`${tablename}: ${r.rows[0].n}`)
  }
  return hits
}

async function blobCount(): Promise<number> {
  let n = 0
  for (const dir of await fs.readdir(h.blobDir).catch(() => []))
    if (dir.length === 2) n += (await fs.readdir(path.join(h.blobDir, dir))).length
  return n
}

describe('retention and disposal', () => {
  it('disposes of cases past retention only after a second officer approves, keeps held cases, and leaves only the disposal record', async () => {
    const dp = await actorFor('dp-manager')
    const ce = await actorFor('chief-executive')
    const victoria = (await caseByName('Victoria Shaw'))! // answered on time, closed about 170 days ago
    const umar = (await caseByName('Umar Farooq'))! // closed about 95 days ago; placed on hold
    // The demo holds other files (e.g. the disclosure demo's material): count Victoria Shaw's only.
    const before = await blobCount()
    await withTransaction(h.deps.pool, (tx) =>
      storeDocumentIn(tx, h.deps, dp, {
        caseId: victoria.id,
        kind: 'response',
        filename: 'Victoria Shaw disclosure.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('Victoria Shaw records'),
      }),
    )
    expect(await blobCount()).toBe(before + 1)
    await placeLegalHold(h.deps, dp, umar.id, 'Claim issued in the county court')

    h.setNow(threeYearsOn)
    // Each controller's list holds its own cases only (issue 11): Victoria Shaw's is Northshire Police's, Umar
    // Farooq's (on hold) the OPCC's.
    const list = await proposeDisposalList(h.deps, dp, threeYearsOn.slice(0, 7), 'northshire-police')
    const refs = list.items.map((i) => i.reference)
    expect(refs).toContain(victoria.reference)
    expect(list.items.every((i) => i.controllerId === 'northshire-police')).toBe(true)
    const opccList = await proposeDisposalList(h.deps, dp, threeYearsOn.slice(0, 7), 'northshire-opcc')
    expect(opccList.items.map((i) => i.reference)).not.toContain(umar.reference)
    // Every file of a listed case goes with it (the demo's current cases hold files too, e.g. records sent in full).
    const listedFiles = (
      await h.db.pool.query(
        `SELECT count(*)::int AS n FROM documents d JOIN cases c ON c.id = d.case_id
          WHERE d.storage_key IS NOT NULL AND c.reference = ANY($1)`,
        [refs],
      )
    ).rows[0].n as number
    const after = before + 1 - listedFiles
    await expect(runDisposalList(h.deps, list.id)).rejects.toMatchObject({ code: 'approval-required' })
    expect(await caseByName('Victoria Shaw')).toBeDefined()
    await expect(approveDisposalList(h.deps, dp, list.id)).rejects.toThrow()

    await approveDisposalList(h.deps, ce, list.id)
    const until = Date.now() + 30_000
    while (
      (await h.db.pool.query('SELECT status FROM disposal_lists WHERE id = $1', [list.id])).rows[0].status !==
      'completed'
    ) {
      if (Date.now() > until) throw new Error('disposal job did not complete')
      await new Promise((r) => setTimeout(r, 200))
    }
    while ((await blobCount()) > after && Date.now() < until) await new Promise((r) => setTimeout(r, 100))

    expect(await caseByName('Victoria Shaw')).toBeUndefined()
    expect(await blobCount()).toBe(after)
    expect(await rowsMentioning('Victoria Shaw')).toEqual([])
    expect(await rowsMentioning('victoria.shaw')).toEqual([])
    const record = await h.db.pool.query('SELECT * FROM disposal_records WHERE reference = $1', [victoria.reference])
    expect(record.rows[0]).toMatchObject({
      case_type: 'rights-request',
      rule_id: 'rights-request',
      authorised_by: `user:${ce.id}`,
    })
    expect(record.rows[0].statistics).toMatchObject({ right: 'access', outcome: 'disclosed-in-full', onTime: true })
    expect(await caseByName('Umar Farooq')).toBeDefined()
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('keeps the statistics adding up: live cases plus disposal records equal all cases ever logged', async () => {
    const live = await h.db.pool.query('SELECT count(*)::int AS n FROM cases')
    const gone = await h.db.pool.query('SELECT count(*)::int AS n FROM disposal_records')
    const logged = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE event_type = 'RequestLogged'",
    )
    expect(live.rows[0].n + gone.rows[0].n).toBe(logged.rows[0].n)
  })

  it('disposes of a held case once the hold is lifted and a new list is approved', async () => {
    const dp = await actorFor('dp-manager')
    const ce = await actorFor('chief-executive')
    const umar = (await caseByName('Umar Farooq'))!
    h.setNow(null)
    await liftLegalHold(h.deps, dp, umar.id, 'Claim settled')
    h.setNow(threeYearsOn)
    const list = await proposeDisposalList(h.deps, dp, threeYearsOn.slice(0, 7), 'northshire-opcc')
    expect(list.items.map((i) => i.reference)).toContain(umar.reference)
    await approveDisposalList(h.deps, ce, list.id)
    await runDisposalList(h.deps, list.id)
    expect(await caseByName('Umar Farooq')).toBeUndefined()
    h.setNow(null)
  })

  it('notices a payload removed outside a disposal', async () => {
    await h.db.pool.query(
      'UPDATE audit_events SET payload = NULL, redacted_at = now() WHERE seq = (SELECT min(seq) FROM audit_events WHERE payload IS NOT NULL AND case_id IS NOT NULL)',
    )
    const result = await verifyAuditChain(h.db.pool)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(/no disposal event/)
  })
})
