import { join } from 'node:path'
import { existsSync, readdirSync } from 'node:fs'
import type { PiiType } from '../../src/disclosure/detect/types.js'
import { loadBioConll, type BioDoc } from './bio-conll.js'
import { loadCorefThreads } from './coref-conll.js'
import { evalRoot } from './eval-data.js'
import { add, charRecall, scoreDoc, scores, tokenRange, zero, type Counts, type Scores } from './scoring.js'
import { structuredSet } from './structured-synthetic.js'
import { loadSystemt } from './systemt-person.js'

/** Any detector under test: ours, or a peer mapped onto our types. */
export interface System {
  name: string
  detect(text: string): Promise<{ start: number; end: number; type: PiiType | 'OTHER' }[]>
}

const isPerson = (t: string) => t === 'PERSON' || t === 'STAFF'

export interface PersonScores {
  entity: Scores & Counts
  token: Scores & Counts
}

function withScores(c: Counts): Scores & Counts {
  return { ...c, ...scores(c) }
}

/** Enron coref threads: PERSON = non-pronoun, non-email mentions; email mentions are scored as EMAIL. */
export async function scoreCoref(system: System, dir = corefDir()): Promise<PersonScores & { emailRecall: number }> {
  const entity = zero()
  const token = zero()
  let emails = 0
  let emailsFound = 0
  for (const doc of loadCorefThreads(dir)) {
    const found = await system.detect(doc.text)
    const gold = doc.mentions.filter((m) => m.kind === 'name')
    const emailGold = doc.mentions.filter((m) => m.kind === 'email')
    const r = scoreDoc(
      doc,
      gold,
      found.filter((s) => isPerson(s.type)),
      emailGold,
    )
    add(entity, r.entity)
    add(token, r.token)
    const emailRanges = found.filter((s) => s.type === 'EMAIL' || s.type === 'SUBJECT').map((s) => tokenRange(doc, s))
    for (const g of emailGold) {
      emails++
      if (emailRanges.some((r) => r && r.first <= g.last && g.first <= r.last)) emailsFound++
    }
  }
  return { entity: withScores(entity), token: withScores(token), emailRecall: emails ? emailsFound / emails : 0 }
}

export function corefDir(): string {
  return join(evalRoot() ?? '', 'enron-emailcoref-seed', 'train')
}

/** Silver labels: recall only, exact character span and any overlap. */
export async function scoreSystemt(system: System): Promise<{ gold: number; exact: number; overlap: number }> {
  const root = evalRoot() ?? ''
  const split = ['personSelfLabel-test', 'personSelfLabel-training'].map((s) => join(root, 'enron-systemt-person', s))
  const dir = split.find((d) => existsSync(d)) ?? ''
  let gold = 0
  let exact = 0
  let overlap = 0
  for (const doc of loadSystemt(dir)) {
    const found = (await system.detect(doc.text)).filter((s) => isPerson(s.type))
    const r = charRecall(doc.persons, found)
    gold += doc.persons.length
    exact += r.exact
    overlap += r.overlap
  }
  return { gold, exact: exact / gold, overlap: overlap / gold }
}

export function systemtSplit(): string {
  return existsSync(join(evalRoot() ?? '', 'enron-systemt-person', 'personSelfLabel-test'))
    ? 'personSelfLabel-test'
    : 'personSelfLabel-training (the test split is not in shared/eval)'
}

export function socialSets(): { name: string; docs: BioDoc[] }[] {
  const root = evalRoot() ?? ''
  const out: { name: string; docs: BioDoc[] }[] = []
  const wnut = join(root, 'wnut17', 'emerging.dev.conll')
  if (existsSync(wnut)) out.push({ name: 'WNUT-17 dev', docs: loadBioConll(wnut, 'person') })
  const btcDir = join(root, 'broad-twitter-corpus')
  if (existsSync(btcDir)) {
    const files = readdirSync(btcDir)
      .filter((f) => f.endsWith('.conll'))
      .sort()
    const docs = files.flatMap((f) => loadBioConll(join(btcDir, f), 'PER'))
    out.push({ name: `BTC ${files.map((f) => f[0]).join('+')}`, docs })
  }
  return out
}

export async function scoreSocial(system: System, docs: BioDoc[]): Promise<PersonScores> {
  const entity = zero()
  const token = zero()
  for (const doc of docs) {
    const found = (await system.detect(doc.text)).filter((s) => isPerson(s.type))
    const r = scoreDoc(doc, doc.persons, found)
    add(entity, r.entity)
    add(token, r.token)
  }
  return { entity: withScores(entity), token: withScores(token) }
}

export interface StructuredScores {
  /** Per type: gold count, recall with the right type (every letter and digit covered), exact spans. */
  byType: Map<PiiType, { gold: number; covered: number; exact: number; anyType: number }>
  decoyFalseAlarms: Map<PiiType, { decoys: number; flagged: number }>
}

export async function scoreStructured(
  system: System,
  redactedRegions?: (text: string) => { start: number; end: number }[],
) {
  const byType: StructuredScores['byType'] = new Map()
  const decoyFalseAlarms: StructuredScores['decoyFalseAlarms'] = new Map()
  for (const item of structuredSet()) {
    const found = await system.detect(item.text)
    if (item.decoy) {
      const d = decoyFalseAlarms.get(item.decoy) ?? { decoys: 0, flagged: 0 }
      d.decoys++
      if (found.some((s) => s.type === item.decoy)) d.flagged++
      decoyFalseAlarms.set(item.decoy, d)
      continue
    }
    const regions = redactedRegions ? redactedRegions(item.text) : found
    for (const g of item.gold) {
      const t = byType.get(g.type) ?? { gold: 0, covered: 0, exact: 0, anyType: 0 }
      t.gold++
      const typed = found.filter((s) => s.type === g.type)
      if (covers(item.text, g, typed)) t.covered++
      if (typed.some((s) => s.start === g.start && s.end === g.end)) t.exact++
      if (covers(item.text, g, regions)) t.anyType++
      byType.set(g.type, t)
    }
  }
  return { byType, decoyFalseAlarms }
}

/** Every letter and digit of the gold span lies inside some predicted span. */
function covers(text: string, g: { start: number; end: number }, spans: { start: number; end: number }[]): boolean {
  for (let i = g.start; i < g.end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i] ?? '')) continue
    if (!spans.some((s) => s.start <= i && i < s.end)) return false
  }
  return true
}
