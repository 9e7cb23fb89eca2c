import type { GoldSpan, TokenisedDoc } from './eval-data.js'

export interface CharSpan {
  start: number
  end: number
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface Scores {
  p: number
  r: number
  f1: number
  f2: number
}

export function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 }
}

export function add(into: Counts, c: Counts): void {
  into.tp += c.tp
  into.fp += c.fp
  into.fn += c.fn
}

/** Precision, recall, F1 and F2 (recall weighted twice: a missed name is the costly error). */
export function scores(c: Counts): Scores {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp)
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn)
  const f = (b: number) => (p + r === 0 ? 0 : ((1 + b * b) * p * r) / (b * b * p + r))
  return { p, r, f1: f(1), f2: f(2) }
}

/** The tokens a character span touches, or undefined if it touches none. */
export function tokenRange(doc: TokenisedDoc, span: CharSpan): GoldSpan | undefined {
  const toks = doc.tokens
  let lo = 0
  let hi = toks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((toks[mid]?.end ?? 0) <= span.start) lo = mid + 1
    else hi = mid
  }
  let last = lo - 1
  for (let i = lo; i < toks.length && (toks[i]?.start ?? 0) < span.end; i++) last = i
  return last >= lo ? { first: lo, last } : undefined
}

/**
 * Entity-level exact match and token-level counts for one document. Predictions lying wholly inside
 * an `ignore` span (a gold mention scored under another type) count neither way.
 */
export function scoreDoc(
  doc: TokenisedDoc,
  gold: GoldSpan[],
  predicted: CharSpan[],
  ignore: GoldSpan[] = [],
): { entity: Counts; token: Counts } {
  const inIgnored = (r: GoldSpan) => ignore.some((g) => r.first >= g.first && r.last <= g.last)
  const pred = new Map<string, GoldSpan>()
  for (const p of predicted) {
    const r = tokenRange(doc, p)
    if (r && !inIgnored(r)) pred.set(`${r.first}:${r.last}`, r)
  }
  const goldKeys = new Set(gold.map((g) => `${g.first}:${g.last}`))
  let tp = 0
  for (const k of pred.keys()) if (goldKeys.has(k)) tp++
  const entity = { tp, fp: pred.size - tp, fn: goldKeys.size - tp }
  const ignored = new Set<number>()
  for (const g of ignore) for (let i = g.first; i <= g.last; i++) ignored.add(i)
  const tokenSet = (spans: Iterable<GoldSpan>) => {
    const s = new Set<number>()
    for (const g of spans) for (let i = g.first; i <= g.last; i++) if (!ignored.has(i)) s.add(i)
    return s
  }
  const gt = tokenSet(gold)
  const pt = tokenSet(pred.values())
  let ttp = 0
  for (const i of pt) if (gt.has(i)) ttp++
  return { entity, token: { tp: ttp, fp: pt.size - ttp, fn: gt.size - ttp } }
}

/** Recall of character spans: exact (same start and end) and relaxed (any overlap). */
export function charRecall(gold: CharSpan[], predicted: CharSpan[]): { exact: number; overlap: number } {
  const keys = new Set(predicted.map((p) => `${p.start}:${p.end}`))
  let exact = 0
  let overlap = 0
  for (const g of gold) {
    if (keys.has(`${g.start}:${g.end}`)) exact++
    if (predicted.some((p) => p.start < g.end && g.start < p.end)) overlap++
  }
  return { exact, overlap }
}
