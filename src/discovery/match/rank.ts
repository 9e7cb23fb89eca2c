import type { Mention, MentionKind } from './mention-kinds.js'

export interface MatchReason {
  kind: MentionKind
  /** The words as found (the first occurrence), e.g. "Allen, Phillip K." */
  text: string
  count: number
}

export interface RankedMatch {
  /** 0..1: how sure we are that the text is about the subject. */
  score: number
  reasons: MatchReason[]
}

/**
 * One score for a text from its mentions: each distinct way the person was found counts once (a name repeated
 * twenty times is no more certain than twice), combined as independent evidence: 1 − Π(1 − s).
 */
export function rankMentions(mentions: Mention[]): RankedMatch {
  const byWay = new Map<string, MatchReason & { score: number }>()
  for (const m of mentions) {
    const key = `${m.kind}\u0000${m.text.toLowerCase().replace(/\s+/g, ' ')}`
    const seen = byWay.get(key)
    if (seen) seen.count++
    else byWay.set(key, { kind: m.kind, text: m.text.replace(/\s+/g, ' '), count: 1, score: m.score })
  }
  const ways = [...byWay.values()].sort((a, b) => b.score - a.score || b.count - a.count)
  const miss = ways.reduce((p, w) => p * (1 - w.score), 1)
  return {
    score: Math.round((1 - miss) * 1000) / 1000,
    reasons: ways.map(({ kind, text, count }) => ({ kind, text, count })),
  }
}
