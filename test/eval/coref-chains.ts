import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { joinTokens, type TokenisedDoc } from './eval-data.js'
import { mentionKind, type MentionKind } from './coref-conll.js'

/**
 * enron-emailcoref-seed with its coreference chains kept: every PER mention with the chain (person) it belongs to,
 * as character offsets into the thread text joined as our readers see mail. For scoring person search: query with
 * one name of a chain, expect every other mention of that chain.
 */
export interface ChainMention {
  chain: string
  start: number
  end: number
  text: string
  kind: MentionKind
  antecedent: boolean
}

export interface CorefThread extends TokenisedDoc {
  mentions: ChainMention[]
}

export function loadCorefChains(dir: string): CorefThread[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conll'))
    .sort()
    .map((f) => parse(f.replace(/\.conll$/, ''), readFileSync(join(dir, f), 'utf8')))
}

function parse(id: string, content: string): CorefThread {
  const lines: string[][] = [[]]
  const words: string[] = []
  const open = new Map<string, { index: number; antecedent: boolean }[]>()
  const found: { chain: string; first: number; last: number; antecedent: boolean }[] = []
  for (const row of content.split('\n')) {
    if (row.startsWith('#')) continue
    if (!row.trim()) {
      if ((lines[lines.length - 1] ?? []).length > 0) lines.push([])
      continue
    }
    const cols = row.split('\t')
    const index = words.length
    words.push(cols[0] ?? '')
    lines[lines.length - 1]?.push(cols[0] ?? '')
    for (const part of (cols[2] ?? '-').split('|')) {
      const m = /^(\()?P(\d+)(\*)?(\))?$/.exec(part.trim())
      if (!m) continue
      const chain = m[2] ?? ''
      if (m[1]) open.set(chain, [...(open.get(chain) ?? []), { index, antecedent: m[3] === '*' }])
      if (m[4]) {
        const starts = open.get(chain) ?? []
        const first = starts.pop() ?? { index, antecedent: m[3] === '*' }
        found.push({ chain, first: first.index, last: index, antecedent: first.antecedent || m[3] === '*' })
      }
    }
  }
  if ((lines[lines.length - 1] ?? []).length === 0) lines.pop()
  const doc = joinTokens(id, lines, true)
  const mentions = found.map((f) => {
    const start = doc.tokens[f.first]?.start ?? 0
    const end = doc.tokens[f.last]?.end ?? start
    const text = words.slice(f.first, f.last + 1).join(' ')
    return {
      chain: f.chain,
      start,
      end,
      text: doc.text.slice(start, end),
      kind: mentionKind(text),
      antecedent: f.antecedent,
    }
  })
  return { ...doc, mentions: mentions.sort((a, b) => a.start - b.start) }
}

/** A chain's query: its antecedent if that is a proper name, else its longest proper name (NOTES.md, scoring 2). */
export function canonicalName(mentions: ChainMention[]): string | undefined {
  const proper = mentions.filter((m) => m.kind === 'name' && looksLikePersonalName(m.text))
  const antecedent = proper.find((m) => m.antecedent && m.text.includes(' '))
  if (antecedent) return antecedent.text
  return proper.sort((a, b) => b.text.length - a.text.length)[0]?.text
}

/** What someone would type as a person's name: capitalised words or initials, no determiner, digit or ampersand. */
function looksLikePersonalName(text: string): boolean {
  if (!/\p{Ll}/u.test(text) || /[\d&@]/.test(text)) return false
  const words = text.split(/[\s,]+/).filter(Boolean)
  if (/^(?:the|a|an|my|our|your|his|her|their|all|dear)$/i.test(words[0] ?? '')) return false
  return words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:-|de|van|von|da|di|le|la)$/.test(w))
}
