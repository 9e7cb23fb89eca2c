/**
 * Detection quality of our detector against compromise (.people()), redact-pii and openredaction on
 * ../shared/eval (development data) and on a generated set of UK structured identifiers.
 * Run: npx tsx bench/detect-quality.ts   (prints markdown tables; takes a few minutes: the peers are slow)
 *   --ours-only      score only our detector (before/after comparisons of a change)
 *   --from DIR       our detector from a built product's dist/ folder (e.g. another checkout's), not the sources
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type * as Detect from '../src/disclosure/detect/detect.js'
import type { PiiType } from '../src/disclosure/detect/types.js'
import { evalRoot } from '../test/eval/eval-data.js'
import { compromisePeer, openRedactionPeer, redactPiiPeer } from '../test/eval/peers.js'
import {
  corefDir,
  scoreCoref,
  scoreSocial,
  scoreStructured,
  scoreSystemt,
  socialSets,
  systemtSplit,
  type PersonScores,
  type System,
} from '../test/eval/quality.js'

const { values: args } = parseArgs({ options: { 'ours-only': { type: 'boolean' }, from: { type: 'string' } } })
const { detect } = (await import(
  args.from
    ? pathToFileURL(path.resolve(args.from, 'disclosure/detect/detect.js')).href
    : '../src/disclosure/detect/detect.js'
)) as typeof Detect
const ours: System = { name: 'rightsdesk detect', detect: async (text) => detect(text) }
const redactPii = redactPiiPeer()
const systems: System[] = args['ours-only'] ? [ours] : [ours, compromisePeer, redactPii, openRedactionPeer()]
const pct = (x: number) => (x * 100).toFixed(1)
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`

function personRow(name: string, s: PersonScores, extra: string[] = []): string {
  const e = s.entity
  const t = s.token
  return row([name, pct(e.p), pct(e.r), pct(e.f1), pct(e.f2), pct(t.p), pct(t.r), pct(t.f1), pct(t.f2), ...extra])
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const result = await work()
  process.stderr.write(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  return result
}

async function main(): Promise<void> {
  if (!evalRoot()) {
    process.stdout.write('shared/eval not found (set RIGHTSDESK_EVAL_DIR): nothing to score.\n')
    return
  }
  const out: string[] = []
  out.push('## Enron email coreference threads (train, 36 threads): PERSON', '')
  out.push('Gold: PER mentions that are not pronouns; email-address mentions are scored as EMAIL (last column).', '')
  out.push(
    row([
      'system',
      'entity P',
      'entity R',
      'entity F1',
      'entity F2',
      'token P',
      'token R',
      'token F1',
      'token F2',
      'EMAIL R',
    ]),
  )
  out.push(row(Array(10).fill('---')))
  for (const s of systems) {
    const r = await timed(`coref ${s.name}`, () => scoreCoref(s, corefDir()))
    out.push(personRow(s.name, r, [s === compromisePeer ? '—' : pct(r.emailRecall)]))
  }
  out.push('', `## enron-systemt-person, ${systemtSplit()}: PERSON recall (silver labels)`, '')
  out.push(row(['system', 'gold spans', 'recall exact', 'recall overlap']), row(['---', '---', '---', '---']))
  for (const s of systems) {
    const r = await timed(`systemt ${s.name}`, () => scoreSystemt(s))
    out.push(row([s.name, r.gold, pct(r.exact), pct(r.overlap)]))
  }
  for (const set of socialSets()) {
    out.push('', `## ${set.name}: PERSON (${set.docs.length} posts)`, '')
    out.push(
      row(['system', 'entity P', 'entity R', 'entity F1', 'entity F2', 'token P', 'token R', 'token F1', 'token F2']),
    )
    out.push(row(Array(9).fill('---')))
    for (const s of systems)
      out.push(personRow(s.name, await timed(`${set.name} ${s.name}`, () => scoreSocial(s, set.docs))))
  }
  await structuredTables(out)
  process.stdout.write(out.join('\n') + '\n')
}

async function structuredTables(out: string[]): Promise<void> {
  const peers = systems.filter((s) => s !== compromisePeer)
  const results = []
  for (const s of peers) {
    const regions = s === redactPii ? redactPii.pipeline : undefined
    results.push(await timed(`structured ${s.name}`, () => scoreStructured(s, regions)))
  }
  out.push('', '## Structured identifiers (generated set: 150 valid values per type in sentences)', '')
  out.push('Recall with the right type (every letter and digit covered); in brackets, covered by any finding.', '')
  out.push(row(['type', ...peers.map((p) => p.name)]), row(['---', ...peers.map(() => '---')]))
  const types = [...(results[0]?.byType.keys() ?? [])] as PiiType[]
  const totals = peers.map(() => ({ gold: 0, covered: 0, any: 0 }))
  for (const type of types) {
    const cells = results.map((r, i) => {
      const t = r.byType.get(type) ?? { gold: 0, covered: 0, exact: 0, anyType: 0 }
      const total = totals[i]
      if (total) {
        total.gold += t.gold
        total.covered += t.covered
        total.any += t.anyType
      }
      return `${pct(t.covered / t.gold)} (${pct(t.anyType / t.gold)})`
    })
    out.push(row([type, ...cells]))
  }
  out.push(row(['**all**', ...totals.map((t) => `**${pct(t.covered / t.gold)}** (${pct(t.any / t.gold)})`)]))
  out.push('', 'False alarms on invalid look-alikes (decoys flagged with that type):', '')
  out.push(row(['decoy', ...peers.map((p) => p.name)]), row(['---', ...peers.map(() => '---')]))
  for (const [type, first] of results[0]?.decoyFalseAlarms ?? []) {
    const cells = results.map((r) => {
      const d = r.decoyFalseAlarms.get(type) ?? first
      return `${d.flagged}/${d.decoys}`
    })
    out.push(row([`invalid ${type}`, ...cells]))
  }
}

await main()
