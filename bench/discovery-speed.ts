/**
 * Discovery at scale on the embedded PostgreSQL: index 100,000 messages and time person searches.
 * The 5,481 Enron messages of ../shared/eval/enron-mbox-subset are written out again and again (19 copies) until
 * there are 100,000, each copy with its people renamed: every name in a message's From/To/X-From/X-To headers and
 * every occurrence of those names in the body become a generated name (given names and surnames from the detector's
 * census lists, chosen by copy and position), and Message-IDs get the copy number. So each copy holds different people,
 * written the same ways the originals were. Run: npx tsx bench/discovery-speed.ts [--messages N] [--workers N]
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { migrate } from '../src/persistence/db.js'
import { openDatabase } from '../src/persistence/open-database.js'
import { createPartition } from '../src/discovery/index/store.js'
import { splitMbox } from '../src/disclosure/ingest/mbox.js'
import { gazetteers } from '../src/disclosure/detect/gazetteer.js'
import { planRun, runUnit } from '../src/application/discovery/index-runs.js'
import { searchIndex } from '../src/application/discovery/search.js'
import type { AppDeps } from '../src/application/deps.js'
import { evalRoot } from '../test/eval/eval-data.js'

const { values } = parseArgs({ options: { messages: { type: 'string' }, workers: { type: 'string' } } })
const TARGET = Number(values.messages ?? 100_000)
const WORKERS = Number(values.workers ?? 2)
const root = evalRoot()
if (!root) {
  process.stdout.write('shared/eval not found: nothing to measure.\n')
  process.exit(0)
}

const pick = <T>(list: T[], i: number) => list[i % list.length]!
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const g = gazetteers()
const GIVEN = [...g.given.entries()].filter(([, r]) => r < 800).map(([n]) => cap(n))
const SURNAMES = [...g.surname.entries()].filter(([, r]) => r < 3000).map(([n]) => cap(n))

/** "Allen, Phillip K." / "Phillip K Allen" → the given name and surname, for renaming. */
function namesIn(headers: string): { given: string; surname: string }[] {
  const out: { given: string; surname: string }[] = []
  for (const m of headers.matchAll(/^X-(?:From|To|cc):\s*(.+)$/gim)) {
    for (const part of (m[1] ?? '').split(/,\s*(?=[A-Z][a-z]+ )|;|\s*<[^>]*>,?/)) {
      const comma = /^([A-Z][a-z']+),\s*([A-Z][a-z]+)/.exec(part.trim())
      const plain = /^([A-Z][a-z]+)\s+(?:[A-Z]\.?\s+)?([A-Z][a-z']+)/.exec(part.trim())
      if (comma) out.push({ given: comma[2]!, surname: comma[1]! })
      else if (plain) out.push({ given: plain[1]!, surname: plain[2]! })
    }
  }
  return out
}

function renamed(message: string, copy: number): string {
  if (copy === 0) return message
  const split = message.indexOf('\n\n')
  let text = message.replace(/^(Message-ID:\s*<)/im, `$1c${copy}.`)
  const people = namesIn(split > 0 ? message.slice(0, split) : message)
  people.forEach((p, i) => {
    const seed = copy * 7919 + p.surname.length * 31 + i
    const given = pick(GIVEN, seed)
    const surname = pick(SURNAMES, seed * 13 + p.given.length)
    text = text
      .replace(new RegExp(`\\b${p.surname}\\b`, 'g'), surname)
      .replace(new RegExp(`\\b${p.given}\\b`, 'g'), given)
      .replace(
        new RegExp(`\\b${p.given.toLowerCase()}\\.${p.surname.toLowerCase()}@`, 'g'),
        `${given.toLowerCase()}.${surname.toLowerCase()}@`,
      )
  })
  return text
}

async function writeCorpus(dir: string): Promise<{ count: number; names: string[] }> {
  const mboxDir = path.join(root!, 'enron-mbox-subset', 'mbox')
  const files = (await fs.readdir(mboxDir)).sort()
  const originals: string[] = []
  for (const f of files) originals.push(...splitMbox(await fs.readFile(path.join(mboxDir, f), 'utf8')))
  let count = 0
  const names = new Set<string>()
  for (let copy = 0; count < TARGET; copy++) {
    const out: string[] = []
    for (const m of originals) {
      if (count >= TARGET) break
      const text = renamed(m, copy)
      out.push(`From MAILER-DAEMON Mon Jan  1 00:00:00 2001\n${text.replace(/^(>*From )/gm, '>$1')}\n`)
      if (count % 997 === 0)
        for (const p of namesIn(text.slice(0, text.indexOf('\n\n')))) names.add(`${p.given} ${p.surname}`)
      count++
    }
    await fs.writeFile(path.join(dir, `copy-${String(copy).padStart(2, '0')}.mbox`), out.join('\n'))
  }
  return { count, names: [...names] }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-discovery-bench-'))
  // As root the embedded PostgreSQL runs as the 'postgres' user, who must be able to pass through.
  await fs.chmod(work, 0o755)
  const corpus = path.join(work, 'mail')
  await fs.mkdir(corpus)
  const { count, names } = await writeCorpus(corpus)
  const db = await openDatabase({
    dataDir: path.join(work, 'data'),
    databaseUrl: undefined,
    poolSize: WORKERS + 4,
    log: () => undefined,
  })
  try {
    await migrate(db.pool)
    const deps = {
      pool: db.pool,
      clock: { now: () => new Date() },
      jobs: { enqueue: async () => undefined },
      blobs: { get: async () => new Uint8Array() },
    } as unknown as AppDeps
    const sourceId = randomUUID()
    await db.pool.query(
      `INSERT INTO discovery_sources (id, controller_id, kind, name, location, owner_id, retention_note, created_by, created_at)
       VALUES ($1, 'bench', 'mbox', 'Enron x', $2, $1, 'bench', 'bench', now())`,
      [sourceId, corpus],
    )
    await createPartition(db.pool, sourceId)
    const runId = randomUUID()
    await db.pool.query(
      `INSERT INTO discovery_index_runs (id, source_id, status, requested_by, requested_at) VALUES ($1, $2, 'queued', 'bench', now())`,
      [runId, sourceId],
    )
    const load0 = os.loadavg()[0]!
    const t0 = performance.now()
    await planRun(deps, runId)
    const units = (
      await db.pool.query<{ id: string }>('SELECT id FROM discovery_index_units WHERE run_id = $1', [runId])
    ).rows
    let next = 0
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < units.length) await runUnit(deps, units[next++]!.id)
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    const indexed = Number((await db.pool.query('SELECT count(*) AS n FROM discovery_items')).rows[0].n)
    const size = (
      await db.pool.query(
        `SELECT pg_size_pretty(pg_total_relation_size('discovery_items_${sourceId.replace(/-/g, '')}')) AS s`,
      )
    ).rows[0].s
    await db.pool.query('ANALYZE discovery_items')
    const subjects = names.slice(0, 60)
    const times: number[] = []
    let hits = 0
    for (const name of subjects) {
      const s0 = performance.now()
      const r = await searchIndex(deps, [sourceId], { names: [name] })
      times.push(performance.now() - s0)
      hits += r.hits.length
    }
    times.sort((a, b) => a - b)
    process.stdout.write(
      [
        `| messages | workers | ingest time | messages/s | index size | searches | hits (mean) | p50 | p95 | load before/after |`,
        `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|`,
        `| ${indexed.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} | ${WORKERS} | ${seconds.toFixed(0)} s | ${(indexed / seconds).toFixed(0)} | ${size} | ${times.length} | ${(hits / times.length).toFixed(1)} | ${pct(times, 50).toFixed(0)} ms | ${pct(times, 95).toFixed(0)} ms | ${load0.toFixed(1)} / ${os.loadavg()[0]!.toFixed(1)} |`,
        '',
      ].join('\n'),
    )
  } finally {
    await db.close()
    await fs.rm(work, { recursive: true, force: true })
  }
}

await main()
