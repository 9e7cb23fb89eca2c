import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_MATERIAL } from '../src/cli/demo/demo-material.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { makeDataDir, runCli } from './support/rightsdesk-process.js'

// Issue 5, Ingest: material "from a folder via the CLI" — `rightsdesk material add REF PATH...`.

let h: Harness
let dataDir: string
let folder: string
let reference: string

beforeAll(async () => {
  h = await startHarness()
  dataDir = await makeDataDir()
  folder = path.join(dataDir, 'search-results')
  await fs.mkdir(path.join(folder, 'emails'), { recursive: true })
  for (const m of DEMO_MATERIAL)
    await fs.writeFile(path.join(folder, m.contentType === 'message/rfc822' ? 'emails' : '', m.filename), m.bytes())
  await fs.writeFile(path.join(folder, '.DS_Store'), 'ignored')
  const c = await h.db.pool.query("SELECT reference FROM cases WHERE requester_name = 'Julia Brooks'")
  reference = c.rows[0].reference
})
afterAll(async () => {
  await h?.close()
  await fs.rm(dataDir, { recursive: true, force: true })
})

const cli = (...args: string[]) =>
  runCli(['material', 'add', ...args], { RIGHTSDESK_DATA_DIR: dataDir, DATABASE_URL: h.db.url })
const materialOf = async (ref: string) =>
  (
    await h.db.pool.query(
      "SELECT d.filename FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.reference = $1 AND d.kind = 'material' ORDER BY 1",
      [ref],
    )
  ).rows.map((r) => r.filename as string)

describe('rightsdesk material add', () => {
  it('adds every file of a folder (recursively, hidden files skipped) and queues the reading', async () => {
    const r = await cli(reference, folder)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`Added 3 files to ${reference}`))
    expect(await materialOf(reference)).toEqual(DEMO_MATERIAL.map((m) => m.filename).sort())
    const runs = await h.db.pool.query(
      'SELECT r.kind, r.status, r.total FROM disclosure_runs r JOIN cases c ON c.id = r.case_id WHERE c.reference = $1',
      [reference],
    )
    expect(runs.rows).toEqual([{ kind: 'prepare', status: 'queued', total: 3 }])
  })

  it('adds nothing when one file is not usable, and says which (exit 2)', async () => {
    const bad = path.join(dataDir, 'bad')
    await fs.mkdir(bad)
    await fs.writeFile(path.join(bad, 'a.txt'), 'fine')
    await fs.writeFile(path.join(bad, 'b.exe'), Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]))
    const other = (await h.db.pool.query("SELECT reference FROM cases WHERE requester_name = 'Kwame Mensah'")).rows[0]
      .reference
    const r = await cli(other, bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/b\.exe: the file must be a PDF/)
    expect(await materialOf(other)).toEqual([])
  })

  it('refuses an unknown case reference (exit 2)', async () => {
    const r = await cli('NOPE-0000', folder)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no case with reference NOPE-0000/)
  })
})
