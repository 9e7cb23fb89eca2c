import { generateKeyPairSync, randomBytes, createPublicKey, verify } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import {
  AuditCheckpointRefused,
  emailDailyCheckpoint,
  writeAuditCheckpoint,
} from '../src/application/audit-checkpoint.js'
import { recordAudit } from '../src/application/casework/audit.js'
import type { AppDeps } from '../src/application/deps.js'
import { createCalendar, defaultClockSettings } from '../src/domain/index.js'
import { canonicalJson } from '../src/persistence/canonical-json.js'
import { checkpointPath, signCheckpoint } from '../src/persistence/audit-checkpoint-file.js'
import { verifyAuditTrail, type AuditProof } from '../src/persistence/audit-proof.js'
import { auditKeysFrom, useAuditKeys } from '../src/persistence/audit-seal.js'
import { withTransaction } from '../src/persistence/db.js'
import { createBlobStore } from '../src/storage/blob-store.js'
import { backUpTrail, forgeAppend, restoreTrail, truncateAndFixHead } from './support/audit-tamper.js'
import { runCli, startRightsdesk, stopAllRightsdesk } from './support/rightsdesk-process.js'
import { createTestDatabase, type TestDatabase } from './support/test-database.js'

/**
 * Checkpoints (ADR 0008): what is signed, when, where it goes, and that nothing tampered is ever signed. The audit
 * key here is given as AUDIT_SIGNING_KEY, the way production gives it.
 */

let db: TestDatabase
let scratch: string
let dataDir: string
let proof: AuditProof
let deps: AppDeps
const privateKey = generateKeyPairSync('ed25519').privateKey
const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
const queued: { queue: string; data: { to: string[]; subject: string; text: string } }[] = []

const lines = async (file = proof.checkpointFile) =>
  (await fs.readFile(file, 'utf8')).split('\n').filter((l) => l !== '')
const note = (n: number) =>
  withTransaction(db.pool, (tx) =>
    recordAudit(tx, deps, SYSTEM_ACTOR, { command: 'SaveSetting', eventType: 'SettingSaved', payload: { n } }),
  )

beforeAll(async () => {
  db = await createTestDatabase()
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-checkpoints-'))
  dataDir = path.join(scratch, 'data')
  proof = { keys: auditKeysFrom(privateKey), checkpointFile: checkpointPath(dataDir) }
  deps = {
    pool: db.pool,
    clock: { now: () => new Date() },
    calendar: createCalendar('england-and-wales'),
    clockSettings: defaultClockSettings,
    jobs: {
      enqueue: async (_tx, queue, data) => void queued.push({ queue, data: data as (typeof queued)[0]['data'] }),
    },
    dueSoonWorkingDays: 5,
    baseUrl: 'http://rightsdesk.test',
    blobs: createBlobStore(path.join(scratch, 'blobs'), randomBytes(32)),
    identityDocumentMaxDays: 90,
  }
})
afterAll(async () => {
  useAuditKeys(null)
  await stopAllRightsdesk()
  await db?.drop()
  if (scratch) await fs.rm(scratch, { recursive: true, force: true })
})

describe('audit checkpoints', () => {
  it('seals a trail written before seals existed at its first checkpoint, and only then', async () => {
    useAuditKeys(null) // as Rightsdesk before this change wrote its events
    for (let n = 1; n <= 5; n++) await note(n)
    const before = await verifyAuditTrail(db.pool, proof)
    expect(before).toMatchObject({ ok: true, count: 5, sealed: 0, unsealed: 5, checkpoints: 0 })
    expect(before.warnings.join()).toMatch(/5 events are not sealed yet/)

    const first = await writeAuditCheckpoint(deps, proof, 'manual')
    expect(first.adopted).toBe(5)
    expect(first.checkpoint).toMatchObject({ v: 1, seq: 5, reason: 'manual', keyId: proof.keys.keyId })
    expect(await verifyAuditTrail(db.pool, proof)).toMatchObject({ ok: true, count: 5, sealed: 5, unsealed: 0 })

    // From now on an event without a seal is a forgery, whoever wrote it.
    await note(6)
    expect(await verifyAuditTrail(db.pool, proof)).toMatchObject({ ok: false, firstBadSeq: 6, kind: 'forged' })
    await expect(writeAuditCheckpoint(deps, proof, 'manual')).rejects.toThrow(/event 6 has no seal/)
    await db.pool.query('DELETE FROM audit_events WHERE seq = 6')
    await db.pool.query(
      'UPDATE audit_head SET last_seq = 5, last_hash = (SELECT hash FROM audit_events WHERE seq = 5) WHERE id = 1',
    )
    useAuditKeys(proof.keys)
    for (let n = 7; n <= 12; n++) await note(n)
    expect((await writeAuditCheckpoint(deps, proof, 'scheduled')).checkpoint.seq).toBe(11)
    expect(await lines()).toHaveLength(2)
    await backUpTrail(db.pool)
  })

  it('refuses to sign over a forged append or a truncation, and writes nothing', async () => {
    for (const tamper of [() => forgeAppend(db.pool), () => truncateAndFixHead(db.pool, 8)]) {
      await tamper()
      try {
        const refused = writeAuditCheckpoint(deps, proof, 'scheduled')
        await expect(refused).rejects.toBeInstanceOf(AuditCheckpointRefused)
        await expect(refused).rejects.toThrow(/forged|truncated/)
        expect(await lines()).toHaveLength(2)
      } finally {
        await restoreTrail(db.pool)
      }
    }
  })

  it('finds an edited checkpoint line, or one signed with another key', async () => {
    const file = path.join(scratch, 'edited.jsonl')
    const [first, second] = await lines()
    const lowered = JSON.stringify({ ...JSON.parse(second!), seq: 3 })
    const stranger = auditKeysFrom(generateKeyPairSync('ed25519').privateKey)
    const foreign = JSON.stringify(signCheckpoint(stranger, { seq: 11, headHash: 'x', at: 'now', reason: 'manual' }))
    for (const [bad, says] of [
      [lowered, /line 2: its signature does not verify/],
      [foreign, new RegExp(`line 2: was signed by audit key ${stranger.keyId}`)],
    ] as const) {
      await fs.writeFile(file, `${first}\n${bad}\n`)
      const result = await verifyAuditTrail(db.pool, { ...proof, checkpointFile: file })
      expect(result).toMatchObject({ ok: false, kind: 'checkpoint-file' })
      if (!result.ok) expect(result.reason).toMatch(says)
    }
  })

  it('ignores a last line cut short by a crash, and starts the next on a line of its own', async () => {
    const file = path.join(scratch, 'cut.jsonl')
    const [first, second] = await lines()
    await fs.writeFile(file, `${first}\n${second!.slice(0, 40)}`)
    const cut = { ...proof, checkpointFile: file }
    const result = await verifyAuditTrail(db.pool, cut)
    expect(result).toMatchObject({ ok: true, checkpoints: 1 })
    expect(result.warnings.join()).toMatch(/cut short/)
    await writeAuditCheckpoint(deps, cut, 'manual')
    expect(await lines(file)).toHaveLength(3)
    expect(await verifyAuditTrail(db.pool, cut)).toMatchObject({
      ok: true,
      checkpoints: 2,
      warnings: [expect.anything()],
    })
  })

  it('emails the daily checkpoint, which the public key in the email verifies by itself', async () => {
    queued.length = 0
    const { checkpoint } = await emailDailyCheckpoint(deps, proof, 'dpo@office.example')
    expect(queued).toHaveLength(1)
    const mail = queued[0]!
    expect(mail.queue).toBe('email-send')
    expect(mail.data.to).toEqual(['dpo@office.example'])
    expect(mail.data.subject).toBe(`Audit trail checkpoint: event ${checkpoint.seq} at ${checkpoint.at}`)
    const line = mail.data.text.split('\n').find((l) => l.startsWith('{"v":1'))!
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(mail.data.text)![0]
    const { sig, ...signed } = JSON.parse(line) as { sig: string }
    const text = `rightsdesk audit checkpoint v1\n${canonicalJson(signed)}`
    expect(verify(null, Buffer.from(text), createPublicKey(pem), Buffer.from(sig, 'base64'))).toBe(true)
    expect((await lines()).at(-1)).toBe(line)
  })

  it('tells the same address, and signs nothing, when the trail fails its check', async () => {
    queued.length = 0
    await forgeAppend(db.pool)
    try {
      await expect(emailDailyCheckpoint(deps, proof, 'dpo@office.example')).rejects.toThrow(/forged/)
      expect(queued.map((q) => q.data.subject)).toEqual(['Rightsdesk audit trail failed its check'])
      expect(queued[0]!.data.text).toMatch(/added after the last checkpoint/)
    } finally {
      await restoreTrail(db.pool)
    }
  })
})

describe('checkpoints from the real process and CLI', () => {
  const env = () => ({ DATABASE_URL: db.url, RIGHTSDESK_DATA_DIR: dataDir, AUDIT_SIGNING_KEY: keyPem })

  it(
    '`rightsdesk audit checkpoint` appends one signed line; on a tampered trail it exits 1 and appends none',
    { timeout: 120_000 },
    async () => {
      const count = (await lines()).length
      const ok = await runCli(['audit', 'checkpoint'], env())
      expect(ok.stderr).toBe('')
      expect(ok.stdout).toMatch(/^Checkpoint written: event \d+ \(hash [0-9a-f]{64}\) at .*checkpoints\.jsonl\.\n$/)
      expect(ok.code).toBe(0)
      expect(await lines()).toHaveLength(count + 1)
      await truncateAndFixHead(db.pool, 4)
      try {
        const refused = await runCli(['audit', 'checkpoint'], env())
        expect(refused.stderr).toMatch(
          /^rightsdesk audit: audit trail failed verification, no checkpoint written: .*truncated\n$/,
        )
        expect(refused.code).toBe(1)
        expect(await lines()).toHaveLength(count + 1)
      } finally {
        await restoreTrail(db.pool)
      }
    },
  )

  it(
    'the worker schedules checkpoints and writes one when it starts and when it stops cleanly',
    { timeout: 240_000 },
    async () => {
      const procDir = path.join(scratch, 'proc')
      const app = await startRightsdesk({
        dataDir: procDir,
        env: {
          ...env(),
          RIGHTSDESK_DATA_DIR: procDir,
          AUDIT_CHECKPOINT_CRON: '7 * * * *',
          AUDIT_CHECKPOINT_EMAIL: 'dpo@office.example',
        },
      })
      const file = checkpointPath(procDir)
      // The worker starts once the web server answers; the banner says it has.
      for (let i = 0; i < 600 && !app.stdout().includes('Rightsdesk is running'); i++) await sleep(100)
      // On the schedule asked for, and the daily one for the email, in pg-boss's cron table.
      // The worker starts after the banner (main.ts keepTrying): wait until it has registered its schedules.
      const scheduled = () =>
        db.pool.query<{ name: string; cron: string; timezone: string }>(
          "SELECT name, cron, timezone FROM pgboss.schedule WHERE name LIKE 'audit-%' ORDER BY name",
        )
      let schedules = await scheduled()
      for (let i = 0; i < 600 && schedules.rows.length < 2; i++) {
        await sleep(100)
        schedules = await scheduled()
      }
      expect(schedules.rows).toEqual([
        { name: 'audit-checkpoint', cron: '7 * * * *', timezone: 'Europe/London' },
        { name: 'audit-checkpoint-daily', cron: '0 6 * * *', timezone: 'Europe/London' },
      ])
      await app.stop()
      const reasons = (await lines(file)).map((l) => (JSON.parse(l) as { reason: string }).reason)
      expect(reasons).toEqual(['start', 'shutdown'])
      const verified = await runCli(['audit', 'verify'], { ...env(), RIGHTSDESK_DATA_DIR: procDir })
      expect(verified.stdout).toMatch(/^Checkpoints: 2 signed/m)
      expect(verified.code).toBe(0)
    },
  )

  it('production refuses to start without an audit key, in one line', async () => {
    const result = await runCli(['audit', 'verify'], {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      BLOB_ENCRYPTION_KEY: 'ab'.repeat(32),
      RIGHTSDESK_BASE_URL: 'https://rightsdesk.example',
      RIGHTSDESK_DATA_DIR: path.join(scratch, 'empty'),
    })
    expect(result.stderr).toMatch(/^rightsdesk audit: Configuration error: AUDIT_SIGNING_KEY must be set .*\n$/)
    expect(result.code).toBe(2)
  })
})
