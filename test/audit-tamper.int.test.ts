import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { writeAuditCheckpoint } from '../src/application/audit-checkpoint.js'
import { recordAudit } from '../src/application/casework/audit.js'
import type { AppDeps } from '../src/application/deps.js'
import { seedDemo } from '../src/cli/demo/seed-demo.js'
import { createCalendar, defaultClockSettings } from '../src/domain/index.js'
import { checkpointPath } from '../src/persistence/audit-checkpoint-file.js'
import { verifyAuditTrail, type AuditProof, type TrailVerification } from '../src/persistence/audit-proof.js'
import { auditKeysFrom, useAuditKeys } from '../src/persistence/audit-seal.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction, type Queryable } from '../src/persistence/db.js'
import { loadAuditSigningKey } from '../src/storage/audit-key.js'
import { createBlobStore } from '../src/storage/blob-store.js'
import {
  backUpTrail,
  forgeAppend,
  restoreTrail,
  rewriteConsistently,
  truncateAndFixHead,
} from './support/audit-tamper.js'
import { runCli } from './support/rightsdesk-process.js'
import { createTestDatabase, type TestDatabase } from './support/test-database.js'

/**
 * The audit trail proves itself (DESIGN.md §3, ADR 0008). Whatever is done to audit_events directly in the database
 * is found: an edit to any field, a deletion, a reordering (by the hash chain); the same done consistently, with every
 * hash recomputed, or an event appended (by the seals, an HMAC under a key that is not in the database); the chain
 * cut back with its head fixed to match (by the signed checkpoints in a file outside the database).
 */

let db: TestDatabase
let scratchDir: string
let dataDir: string
let proof: AuditProof
let total = 0
let middle = 0
let checkpointed = 0
let checkpointedAt = ''

beforeAll(async () => {
  db = await createTestDatabase()
  scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-tamper-'))
  dataDir = path.join(scratchDir, 'data')
  // The key the CLI will find in the data directory's keys folder, as a development start would generate it.
  const keys = auditKeysFrom(await loadAuditSigningKey(dataDir, undefined, { generate: true }))
  useAuditKeys(keys)
  proof = { keys, checkpointFile: checkpointPath(dataDir) }
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
  const { checkpoint } = await writeAuditCheckpoint(deps, proof, 'manual')
  checkpointed = checkpoint.seq
  checkpointedAt = checkpoint.at
  // The office carries on after the checkpoint: these events are sealed, and no checkpoint covers them yet.
  for (let n = 1; n <= 5; n++)
    await withTransaction(db.pool, (tx) =>
      recordAudit(tx, deps, SYSTEM_ACTOR, { command: 'SaveSetting', eventType: 'SettingSaved', payload: { n } }),
    )
  const intact = await verifyAuditTrail(db.pool, proof)
  if (!intact.ok) throw new Error(`the freshly built trail does not verify: ${intact.reason}`)
  total = intact.count
  middle = Math.floor(checkpointed / 2)
  await backUpTrail(db.pool)
})

afterAll(async () => {
  useAuditKeys(null)
  await db?.drop()
  if (scratchDir) await fs.rm(scratchDir, { recursive: true, force: true })
})

type Tampering = string | ((client: Queryable) => Promise<unknown>)

async function apply(client: Queryable, steps: Tampering[]): Promise<void> {
  for (const step of steps) await (typeof step === 'string' ? client.query(step) : step(client))
}

/** Applies the tampering in a transaction, verifies the trail as it then stands, and rolls it all back. */
async function verifyTampered(...steps: Tampering[]): Promise<TrailVerification & { chainAlone: boolean }> {
  const client = await db.pool.connect()
  try {
    await client.query('BEGIN')
    await apply(client, steps)
    const chainAlone = (await verifyAuditChain(client)).ok
    return { ...(await verifyAuditTrail(client, proof)), chainAlone }
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

async function idOf(pool: pg.Pool, seq: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM audit_events WHERE seq = $1', [seq])
  return rows[0]!.id
}

function expectBroken(result: TrailVerification, seq: number | null, reason: RegExp, kind?: string): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.firstBadSeq).toBe(seq)
  expect(result.reason).toMatch(reason)
  if (kind) expect(result.kind).toBe(kind)
}

const swapFirstTwo = <T>(rows: T[]) => [rows[1]!, rows[0]!, ...rows.slice(2)]

describe('audit chain verification: what the hash chain finds', () => {
  it('accepts the trail the use cases built: every event sealed, the checkpoint matching', async () => {
    expect(checkpointed).toBeGreaterThan(50)
    const result = await verifyAuditTrail(db.pool, proof)
    expect(result).toMatchObject({ ok: true, count: total, sealed: total, unsealed: 0, checkpoints: 1, warnings: [] })
    expect(result.latestCheckpoint?.seq).toBe(checkpointed)
  })

  it('finds an edited payload', async () => {
    const result = await verifyTampered(
      `UPDATE audit_events SET payload = jsonb_build_object('tampered', true) WHERE seq = ${middle}`,
    )
    expectBroken(result, middle, new RegExp(`event ${middle} payload was altered`))
  })

  it('finds an edited actor, time or hash', async () => {
    for (const set of [
      "actor_id = 'someone-else'",
      "occurred_at = occurred_at - interval '1 second'",
      "hash = repeat('f', 64)",
    ])
      expectBroken(
        await verifyTampered(`UPDATE audit_events SET ${set} WHERE seq = ${middle}`),
        middle,
        new RegExp(`event ${middle} was altered`),
        'altered',
      )
  })

  it('finds a row deleted from the middle, at the first row after the gap', async () => {
    const result = await verifyTampered(`DELETE FROM audit_events WHERE seq = ${middle}`)
    // The row that is gone cannot be shown; the report names the next one and says which is missing.
    expectBroken(result, middle + 1, new RegExp(`event ${middle} is missing \\(next present is ${middle + 1}\\)`))
    if (!result.ok) expect(result.firstBadId).toBe(await idOf(db.pool, middle + 1))
  })

  it('finds the last row deleted, by the chain head', async () => {
    const result = await verifyTampered(`DELETE FROM audit_events WHERE seq = ${total}`)
    expectBroken(result, total, new RegExp(`head records event ${total}`), 'head')
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
})

describe('audit trail proofs: what only the seals and checkpoints find', () => {
  it('finds the chain cut back behind a checkpoint with the head fixed to match (truncation)', async () => {
    const result = await verifyTampered((c) => truncateAndFixHead(c, checkpointed - 3))
    expect(result.chainAlone).toBe(true) // the hash chain and head alone are fooled
    expectBroken(
      result,
      checkpointed - 2,
      new RegExp(`ends at event ${checkpointed - 3} but the checkpoint of .* records event ${checkpointed}.*truncated`),
      'truncated',
    )
  })

  it('finds history rewritten consistently, every hash recomputed without the key', async () => {
    const editActor = <T extends { actor_id: string }>(rows: T[]) => {
      rows[middle - 1]!.actor_id = 'user:someone-else'
      return rows
    }
    for (const stripSeals of [false, true]) {
      const result = await verifyTampered((c) => rewriteConsistently(c, 1, editActor, { stripSeals }))
      expect(result.chainAlone).toBe(true)
      expectBroken(
        result,
        middle,
        new RegExp(`event ${middle} has (no seal|a seal that does not match).*rewritten`),
        'rewritten',
      )
    }
  })

  it('finds a deletion and a reordering made consistent (renumbered and rehashed)', async () => {
    for (const change of [<T>(rows: T[]) => rows.slice(1), swapFirstTwo]) {
      const result = await verifyTampered((c) => rewriteConsistently(c, middle, change))
      expect(result.chainAlone).toBe(true)
      expectBroken(result, middle, /rewritten/, 'rewritten')
    }
  })

  it('finds an event forged onto the end, with no seal or a made-up one', async () => {
    for (const seal of [null, 'ab'.repeat(32)]) {
      const result = await verifyTampered((c) => forgeAppend(c, seal))
      expect(result.chainAlone).toBe(true)
      expectBroken(result, total + 1, /added after the last checkpoint .* without the audit key \(forged\)/, 'forged')
    }
  })

  it('finds events after the last checkpoint rewritten consistently, as forged', async () => {
    const result = await verifyTampered((c) => rewriteConsistently(c, checkpointed + 2, swapFirstTwo))
    expect(result.chainAlone).toBe(true)
    expectBroken(result, checkpointed + 2, /forged/, 'forged')
  })

  it('rolled every tampering back', async () => {
    expect(await verifyAuditTrail(db.pool, proof)).toMatchObject({ ok: true, count: total })
  })
})

describe('rightsdesk audit verify', () => {
  const cli = () => runCli(['audit', 'verify'], { DATABASE_URL: db.url, RIGHTSDESK_DATA_DIR: dataDir })

  it('exits 0 on an intact trail, naming its seals and checkpoint', { timeout: 120_000 }, async () => {
    const intact = await cli()
    expect(intact.stderr).toBe('')
    expect(intact.code).toBe(0)
    expect(intact.stdout).toBe(
      `Audit trail intact: ${total} events verified.\n` +
        `Seals: ${total} events sealed with the audit key, 0 not yet sealed.\n` +
        `Checkpoints: 1 signed; the latest (${checkpointedAt}) covers events 1–${checkpointed}.\n`,
    )
  })

  const cases: [string, Tampering, RegExp][] = [
    [
      'an edited actor',
      `UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = 40`,
      /^rightsdesk audit: audit trail broken at event 40 \([0-9a-f-]{36}\): event 40 was altered \(its hash does not match its contents\)\n$/,
    ],
    ['a deleted event', 'DELETE FROM audit_events WHERE seq = 40', /broken at event 41 .*event 40 is missing/],
    ['a reordering', (c) => rewriteConsistently(c, 40, swapFirstTwo), /broken at event 40 .*rewritten/],
    ['a truncation with the head fixed', (c) => truncateAndFixHead(c, 30), /broken at event 31: .*truncated/],
    ['a consistent rewrite', (c) => rewriteConsistently(c, 1, (rows) => rows.slice(5)), /event 1 .*rewritten/],
    ['a forged append', (c) => forgeAppend(c), /forged/],
  ]
  for (const [what, tampering, says] of cases) {
    it(`exits 1 on ${what}, saying what was found`, { timeout: 120_000 }, async () => {
      await apply(db.pool, [tampering])
      try {
        const broken = await cli()
        expect(broken.stdout).toBe('')
        expect(broken.stderr).toMatch(says)
        expect(broken.code).toBe(1)
      } finally {
        await restoreTrail(db.pool)
      }
    })
  }

  it('is back to 0 once the trail is restored', { timeout: 120_000 }, async () => {
    expect((await cli()).code).toBe(0)
  })
})
