/**
 * Person search quality on the Enron coreference threads (../shared/eval/enron-emailcoref-seed/train): for each PER
 * chain with a proper name, search with that name and score what is found against every mention of the same person,
 * against a baseline of plain full-name search. Pronouns are reported apart (person search does not resolve them).
 * Run: npx tsx bench/discovery-quality.ts
 */
import { buildProfile, findMentions } from '../src/discovery/match/index.js'
import { loadCorefChains } from '../test/eval/coref-chains.js'
import { evalRoot } from '../test/eval/eval-data.js'
import {
  plainFullNameSearch,
  scorePersonSearch,
  type PersonSearch,
  type SearchScores,
} from '../test/eval/person-search.js'
import { corefDir } from '../test/eval/quality.js'

export const rightsdeskSearch: PersonSearch = (name, text) => findMentions(text, buildProfile({ names: [name] }))

const pct = (x: number) => (x * 100).toFixed(1)
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`

function line(name: string, s: SearchScores): string {
  const k = s.byKind
  return row([
    name,
    pct(s.microRecall),
    pct(s.macroRecall),
    pct(s.precision),
    `${pct(k.name.found / k.name.gold)} (${k.name.gold})`,
    `${pct(k.email.found / k.email.gold)} (${k.email.gold})`,
    s.predicted,
  ])
}

if (!evalRoot()) {
  process.stdout.write('shared/eval not found (set RIGHTSDESK_EVAL_DIR): nothing to score.\n')
} else {
  const threads = loadCorefChains(corefDir())
  const ours = scorePersonSearch(threads, rightsdeskSearch)
  const base = scorePersonSearch(threads, plainFullNameSearch)
  const out = [
    `## Person search per coreference chain (Enron threads, train: ${threads.length} threads, ${ours.chains.length} chains with a proper name)`,
    '',
    row([
      'search',
      'recall (micro)',
      'recall (macro)',
      'precision',
      'name mentions recall (gold)',
      'email mentions recall (gold)',
      'spans reported',
    ]),
    row(Array(7).fill('---')),
    line('Rightsdesk person search', ours),
    line('plain full-name search', base),
    '',
    `Pronoun mentions of the same chains, not resolved by either and not in the figures above: ${ours.pronouns}.`,
  ]
  if (process.argv.includes('--misses')) {
    for (const c of ours.chains.filter((c) => c.found < c.gold))
      out.push(`- ${c.thread} chain ${c.chain} "${c.query}": ${c.found}/${c.gold}`)
  }
  process.stdout.write(out.join('\n') + '\n')
}
