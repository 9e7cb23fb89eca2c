import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { createUser } from '../src/application/create-user.js'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { addKeptToMaterial, decideHits, hitsOf, runForActor } from '../src/application/discovery/hits.js'
import { runUnit } from '../src/application/discovery/index-runs.js'
import { runDiscovery } from '../src/application/discovery/search.js'
import { listSources, registerSource } from '../src/application/discovery/sources.js'
import { logStaffRequest } from '../src/application/casework/log-staff-request.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { indexNow, syntheticMbox } from './support/discovery.js'

let h: Harness
let dir: string
let admin: Actor
let dp: Actor
let caseId: string
const pst = path.resolve('node_modules/pst-extractor/example/testdata/enron.pst')

const sha = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex')

async function snapshot(root: string) {
  const out: Record<string, string> = {}
  for (const f of await fs.readdir(root, { recursive: true })) {
    const p = path.join(root, f)
    const st = await fs.stat(p)
    if (st.isFile()) out[f] = `${await sha(p)}:${st.mtimeMs}`
  }
  return out
}

beforeAll(async () => {
  h = await startHarness()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-sources-'))
  await fs.mkdir(path.join(dir, 'mail'))
  await fs.writeFile(
    path.join(dir, 'mail', 'control-room.mbox'),
    syntheticMbox(600, ['Alex Morgan', 'Sam Price', 'Jo Bloggs']),
  )
  await fs.mkdir(path.join(dir, 'eml'))
  await fs.writeFile(
    path.join(dir, 'eml', 'one.eml'),
    'From: Jim Morgan <jim@home.example>\nTo: foi@force.example\nSubject: Complaint\nMessage-ID: <one@home>\n\nPlease call me. Jim\n',
  )
  await fs.writeFile(path.join(dir, 'eml', 'two.eml'), 'From: someone@else.example\nSubject: Other\n\nNothing here\n')
  await fs.mkdir(path.join(dir, 'pst'))
  await fs.copyFile(pst, path.join(dir, 'pst', 'enron.pst'))
  admin = await actorFor(h, 'admin')
  dp = await actorFor(h, 'dp-manager')
  caseId = (await logStaffRequest(h.deps, await actorFor(h, 'correspondence'), NEW_REQUEST, null)).state.id
}, 300_000)
afterAll(async () => {
  await h?.close()
  await fs.rm(dir, { recursive: true, force: true })
})

async function source(kind: string, location: string, name = kind) {
  return registerSource(h.deps, admin, {
    controllerId: 'northshire-opcc',
    kind,
    name,
    location,
    ownerId: dp.id,
    retentionNote: 'Kept six years after the last entry (force retention schedule)',
  })
}

describe('indexing sources (issue 16)', () => {
  it('indexes an mbox export, resumably and incrementally, without changing a byte of it', async () => {
    const before = await snapshot(dir)
    const s = await source('mbox', path.join(dir, 'mail'), 'Control room mailbox')
    const run = await indexNow(h.deps, admin, s.id)
    expect(run).toMatchObject({ status: 'done', unitsTotal: 1, itemsAdded: 600 })
    expect(await snapshot(dir)).toEqual(before)
    // Again: nothing new is read as new.
    const again = await indexNow(h.deps, admin, s.id)
    expect(again).toMatchObject({
      status: 'done',
      itemsAdded: 0,
      itemsUpdated: 0,
      itemsUnchanged: 600,
      itemsRemoved: 0,
    })
    // New mail appended to the export is added, and only that.
    await fs.appendFile(path.join(dir, 'mail', 'control-room.mbox'), '\n' + syntheticMbox(3, ['Alex Morgan'], 600))
    const grown = await indexNow(h.deps, admin, s.id)
    expect(grown).toMatchObject({ itemsAdded: 3, itemsUnchanged: 600 })
    const [listed] = await listSources(h.deps, admin)
    expect(listed?.itemCount).toBe(603)
  })

  it('carries on from the stored cursor of a unit a stopped worker left, and never reads one unit twice at once', async () => {
    const s = await source('mbox', path.join(dir, 'mail'), 'Second copy')
    const first = await indexNow(h.deps, admin, s.id)
    // Pretend a worker died after 300 messages: the unit is "running" with its cursor at message 301, and the items
    // after it are gone.
    const offsets = await h.db.pool.query<{ locator: string }>(
      `SELECT locator FROM discovery_items WHERE source_id = $1 ORDER BY id OFFSET 300 LIMIT 1`,
      [s.id],
    )
    const offset = Number(offsets.rows[0]!.locator.split('@')[1])
    await h.db.pool.query(
      `DELETE FROM discovery_items WHERE source_id = $1 AND id > (SELECT min(id) + 299 FROM discovery_items WHERE source_id = $1)`,
      [s.id],
    )
    await h.db.pool.query(`UPDATE discovery_index_runs SET status = 'running', units_done = 0 WHERE id = $1`, [
      first.id,
    ])
    const unit = await h.db.pool.query<{ id: string }>(
      `UPDATE discovery_index_units SET status = 'running', cursor = $2 WHERE run_id = $1 RETURNING id`,
      [first.id, JSON.stringify({ offset })],
    )
    const unitId = unit.rows[0]!.id
    await Promise.all([runUnit(h.deps, unitId), runUnit(h.deps, unitId)])
    const r = await h.db.pool.query<{ n: string; dup: string }>(
      `SELECT count(*) AS n, count(*) - count(DISTINCT locator) AS dup FROM discovery_items WHERE source_id = $1`,
      [s.id],
    )
    expect(Number(r.rows[0]!.n)).toBe(603)
    expect(Number(r.rows[0]!.dup)).toBe(0)
    const run = await h.db.pool.query(`SELECT status FROM discovery_index_runs WHERE id = $1`, [first.id])
    expect(run.rows[0]!.status).toBe('done')
  })

  it('indexes a folder of emails, drops what was deleted from it, and reads an Outlook PST', async () => {
    const eml = await source('email-folder', path.join(dir, 'eml'))
    expect(await indexNow(h.deps, admin, eml.id)).toMatchObject({ itemsAdded: 2 })
    await fs.rm(path.join(dir, 'eml', 'two.eml'))
    expect(await indexNow(h.deps, admin, eml.id)).toMatchObject({ itemsRemoved: 1, itemsUnchanged: 1 })
    const p = await source('pst', path.join(dir, 'pst'))
    const run = await indexNow(h.deps, admin, p.id)
    expect(run.status).toBe('done')
    expect(run.itemsAdded).toBeGreaterThan(0)
  })
})

describe('person search on a case (issue 16)', () => {
  it('finds the subject with why each hit matched; kept hits become material with their provenance', async () => {
    const sources = await listSources(h.deps, dp)
    const mail = sources.find((s) => s.name === 'Control room mailbox')!
    const emails = sources.find((s) => s.kind === 'email-folder')!
    const runId = await runDiscovery(h.deps, dp, caseId, {
      subject: { names: ['James Morgan'], aliases: ['Alex Morgan'] },
      sourceIds: [mail.id, emails.id],
      scopeNote: 'Control room mail and the FOI inbox export; paper files searched by hand (task)',
    })
    const hits = await hitsOf(h.db.pool, runId)
    // 203 control-room messages name Alex Morgan; Jim Morgan's email is found as the nickname of James.
    expect(hits.length).toBe(204)
    const jim = hits.find((x) => x.locator === 'one.eml')!
    expect(jim.reasons.map((r) => r.kind)).toContain('nickname-name')
    expect(hits.every((x) => x.reasons.length > 0 && x.score > 0)).toBe(true)
    await decideHits(h.deps, dp, runId, {
      [jim.id]: 'kept',
      [hits[0]!.id === jim.id ? hits[1]!.id : hits[0]!.id]: 'dropped',
    })
    expect(await addKeptToMaterial(h.deps, dp, runId)).toEqual({ added: 1 })
    const [after] = (await hitsOf(h.db.pool, runId)).filter((x) => x.id === jim.id)
    const doc = await h.db.pool.query('SELECT case_id, kind, filename FROM documents WHERE id = $1', [
      after!.documentId,
    ])
    expect(doc.rows[0]).toEqual({ case_id: caseId, kind: 'material', filename: 'one.eml' })
  })

  it('keeps a controller’s sources from staff of another controller', async () => {
    const other = await createUser(h.deps, SYSTEM_ACTOR, {
      email: 'dp.police@test.example',
      name: 'Police DP',
      roles: ['dp-manager'],
      controllerIds: ['northshire-police'],
      password: 'Rightsdesk-test-2026',
    })
    const actor: Actor = {
      kind: 'user',
      id: other.id,
      name: 'Police DP',
      roles: ['dp-manager'],
      controllerIds: ['northshire-police'],
    }
    expect(await listSources(h.deps, actor)).toEqual([])
    const runs = await h.db.pool.query<{ id: string }>('SELECT id FROM discovery_runs LIMIT 1')
    await expect(runForActor(h.db.pool, actor, runs.rows[0]!.id)).rejects.toMatchObject({ code: 'not-found' })
  })
})
