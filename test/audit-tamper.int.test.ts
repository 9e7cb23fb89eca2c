import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppDeps } from '../src/application/deps.js'
import { seedDemo } from '../src/cli/demo/seed-demo.js'
import { createCalendar, defaultClockSettings } from '../src/domain/index.js'
import { verifyAuditChain, type AuditVerification } from '../src/persistence/audit-verify.js'
import { createBlobStore } from '../src/storage/blob-store.js'
import { runCli } from './support/rightsdesk-process.js'
import { createTestDatabase, type TestDatabase } from './support/test-database.js'

/**
 * The audit trail is tamper-evident (DESIGN.md §3): whatever is done to audit_events directly in the
 * database (an edit to any field, a deletion in the middle or at the end, a reordering) is found by
 * recomputing the chain, and reported at the first event where the chain breaks.
 */

let db: TestDatabase
let scratchDir: string
let total = 0
let middle = 0

beforeAll(async () => {
  db = await createTestDatabase()
  scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-tamper-'))
  const deps: AppDeps = {
    pool: db.pool,
    clock: { now: () => new Date() },
    calendar: createCalendar('england-and-wales'),
    clockSettings: defaultClockSettings,
    jobs: { enqueue: async () => undefined },
    dueSoonWorkingDays: 5,
    baseUrl: 'http://x',
    blobs: createBlobStore(path.join(scratchDir, 'blobs'), randomBytes(32)),
    identityDocumentMaxDays: 90,
  }
  await seedDemo(deps) // every demo case goes through the real use cases, so a real chain
  const intact = await verifyAuditChain(db.pool)
  if (!intact.ok) throw new Error(`the freshly built chain does not verify: ${intact.reason}`)
  total = intact.count
  middle = Math.floor(total / 2)
})

afterAll(async () => {
  await db?.drop()
  if (scratchDir) await fs.rm(scratchDir, { recursive: true, force: true })
})

/** Applies the tampering in a transaction, verifies the chain as it then stands, and rolls it all back. */
async function verifyTampered(...statements: string[]): Promise<AuditVerification> {
  const client = await db.pool.connect()
  try {
    await client.query('BEGIN')
    for (const sql of statements) await client.query(sql)
    return await verifyAuditChain(client)
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

async function idOf(client: pg.Pool, seq: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM audit_events WHERE seq = $1', [seq])
  return rows[0]!.id
}

function expectBroken(result: AuditVerification, seq: number, reason: RegExp): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.firstBadSeq).toBe(seq)
  expect(result.reason).toMatch(reason)
}

describe('audit chain verification', () => {
  it('accepts the chain the use cases built', async () => {
    expect(total).toBeGreaterThan(50)
    expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: true, count: total })
  })

  it('finds an edited payload', async () => {
    const result = await verifyTampered(
      `UPDATE audit_events SET payload = jsonb_build_object('tampered', true) WHERE seq = ${middle}`,
    )
    expectBroken(result, middle, new RegExp(`event ${middle} payload was altered`))
  })

  it('finds an edited actor', async () => {
    const result = await verifyTampered(`UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = ${middle}`)
    expectBroken(result, middle, new RegExp(`event ${middle} was altered`))
  })

  it('finds an edited time', async () => {
    const result = await verifyTampered(
      `UPDATE audit_events SET occurred_at = occurred_at - interval '1 second' WHERE seq = ${middle}`,
    )
    expectBroken(result, middle, new RegExp(`event ${middle} was altered`))
  })

  it('finds an edited hash', async () => {
    const result = await verifyTampered(`UPDATE audit_events SET hash = repeat('f', 64) WHERE seq = ${middle}`)
    expectBroken(result, middle, new RegExp(`event ${middle} was altered`))
  })

  it('finds a row deleted from the middle, at the first row after the gap', async () => {
    const result = await verifyTampered(`DELETE FROM audit_events WHERE seq = ${middle}`)
    // The row that is gone cannot be shown; the report names the next one and says which is missing.
    expectBroken(result, middle + 1, new RegExp(`event ${middle} is missing \\(next present is ${middle + 1}\\)`))
    if (!result.ok) expect(result.firstBadId).toBe(await idOf(db.pool, middle + 1))
  })

  it('finds the last row deleted, by the chain head', async () => {
    const result = await verifyTampered(`DELETE FROM audit_events WHERE seq = ${total}`)
    expectBroken(result, total, new RegExp(`head records event ${total}`))
    if (!result.ok) expect(result.firstBadId).toBeNull()
  })

  it('finds two rows swapped', async () => {
    const result = await verifyTampered(
      `UPDATE audit_events SET seq = -1 WHERE seq = ${middle}`,
      `UPDATE audit_events SET seq = ${middle} WHERE seq = ${middle + 1}`,
      `UPDATE audit_events SET seq = ${middle + 1} WHERE seq = -1`,
    )
    expectBroken(result, middle, new RegExp(`event ${middle} does not link`))
  })

  it('finds a payload removed under the pretence of a retention redaction', async () => {
    // A real redaction is recorded by a later CaseDisposed event; one made by hand in the database is not.
    const result = await verifyTampered(
      `UPDATE audit_events SET payload = NULL, redacted_at = now() WHERE seq = ${middle}`,
    )
    expectBroken(result, middle, new RegExp(`event ${middle} had its payload removed with no disposal event`))
  })

  it('finds a rewritten first event', async () => {
    const result = await verifyTampered(`UPDATE audit_events SET command = 'Nothing' WHERE seq = 1`)
    expectBroken(result, 1, /event 1 was altered/)
  })

  it('rolled every tampering back', async () => {
    expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: true, count: total })
  })
})

describe('rightsdesk audit verify', () => {
  const cli = () =>
    runCli(['audit', 'verify'], { DATABASE_URL: db.url, RIGHTSDESK_DATA_DIR: path.join(scratchDir, 'data') })

  it('exits 0 on an intact chain and 1, naming the event, on a tampered one', { timeout: 120_000 }, async () => {
    const intact = await cli()
    expect(intact).toEqual({ code: 0, stdout: `Audit trail intact: ${total} events verified.\n`, stderr: '' })

    const id = await idOf(db.pool, middle)
    const { rows } = await db.pool.query<{ actor_id: string }>('SELECT actor_id FROM audit_events WHERE seq = $1', [
      middle,
    ])
    await db.pool.query("UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = $1", [middle])
    try {
      const broken = await cli()
      expect(broken.code).toBe(1)
      expect(broken.stdout).toBe('')
      expect(broken.stderr).toBe(
        `rightsdesk audit: audit trail broken at event ${middle} (${id}): event ${middle} was altered (its hash does not match its contents)\n`,
      )
    } finally {
      await db.pool.query('UPDATE audit_events SET actor_id = $1 WHERE seq = $2', [rows[0]!.actor_id, middle])
    }
    expect((await cli()).code).toBe(0)
  })
})
