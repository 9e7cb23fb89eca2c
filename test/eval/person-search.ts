import type { ChainMention, CorefThread } from './coref-chains.js'
import { canonicalName } from './coref-chains.js'

export interface Span {
  start: number
  end: number
}

/** A person search under test: the subject's name in, the spans it reports in one thread out. */
export type PersonSearch = (name: string, text: string) => Span[]

export interface ChainScore {
  thread: string
  chain: string
  query: string
  gold: number
  found: number
  pronouns: number
}

export interface SearchScores {
  chains: ChainScore[]
  /** Gold mentions found / all gold mentions (names and email addresses, no pronouns). */
  microRecall: number
  /** Mean of per-chain recall. */
  macroRecall: number
  /** Reported spans that overlap a gold mention of the same chain / all reported spans. */
  precision: number
  byKind: { name: { gold: number; found: number }; email: { gold: number; found: number } }
  pronouns: number
  predicted: number
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/**
 * NOTES.md scoring 2: for each PER chain with a proper name, query with its canonical name; gold is every mention of
 * the chain that is not a pronoun (names, nicknames, email addresses). A gold mention counts as found when a reported
 * span overlaps it; a reported span is correct when it overlaps a mention of the same chain.
 */
export function scorePersonSearch(threads: CorefThread[], search: PersonSearch): SearchScores {
  const chains: ChainScore[] = []
  const byKind = { name: { gold: 0, found: 0 }, email: { gold: 0, found: 0 } }
  let predicted = 0
  let correct = 0
  let pronouns = 0
  for (const thread of threads) {
    const perChain = new Map<string, ChainMention[]>()
    for (const m of thread.mentions) perChain.set(m.chain, [...(perChain.get(m.chain) ?? []), m])
    for (const [chain, mentions] of perChain) {
      const query = canonicalName(mentions)
      if (!query) continue
      const gold = mentions.filter((m) => m.kind !== 'pronoun')
      const spans = search(query, thread.text)
      const found = gold.filter((g) => spans.some((s) => overlaps(s, g)))
      for (const g of gold) {
        const bucket = byKind[g.kind === 'email' ? 'email' : 'name']
        bucket.gold++
        if (found.includes(g)) bucket.found++
      }
      predicted += spans.length
      correct += spans.filter((s) => gold.some((g) => overlaps(s, g))).length
      const chainPronouns = mentions.length - gold.length
      pronouns += chainPronouns
      chains.push({ thread: thread.id, chain, query, gold: gold.length, found: found.length, pronouns: chainPronouns })
    }
  }
  const goldTotal = chains.reduce((n, c) => n + c.gold, 0)
  const foundTotal = chains.reduce((n, c) => n + c.found, 0)
  const scored = chains.filter((c) => c.gold > 0)
  return {
    chains,
    microRecall: goldTotal ? foundTotal / goldTotal : 0,
    macroRecall: scored.length ? scored.reduce((s, c) => s + c.found / c.gold, 0) / scored.length : 0,
    precision: predicted ? correct / predicted : 0,
    byKind,
    pronouns,
    predicted,
  }
}

/** The baseline: the canonical name as typed, found case-insensitively wherever it occurs. */
export const plainFullNameSearch: PersonSearch = (name, text) => {
  const needle = name.toLowerCase()
  const hay = text.toLowerCase()
  const out: Span[] = []
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length })
  }
  return out
}
