import { readFileSync } from 'node:fs'
import { joinTokens, type GoldSpan, type TokenisedDoc } from './eval-data.js'

/** WNUT-17 and Broad Twitter Corpus: token<TAB>BIO tag, blank line between posts. */
export interface BioDoc extends TokenisedDoc {
  persons: GoldSpan[]
}

/** `personTag` is the tag's type name: "person" for WNUT-17, "PER" for BTC. */
export function loadBioConll(file: string, personTag: string): BioDoc[] {
  const docs: BioDoc[] = []
  let words: string[] = []
  let tags: string[] = []
  const flush = () => {
    if (words.length === 0) return
    const doc = joinTokens(`${file}#${docs.length}`, [words], false)
    docs.push({ ...doc, persons: spansOf(tags, personTag) })
    words = []
    tags = []
  }
  for (const row of readFileSync(file, 'utf8').split('\n')) {
    if (!row.trim()) {
      flush()
      continue
    }
    const cols = row.split('\t')
    words.push(cols[0] ?? '')
    tags.push((cols[cols.length - 1] ?? 'O').trim())
  }
  flush()
  return docs
}

function spansOf(tags: string[], type: string): GoldSpan[] {
  const out: GoldSpan[] = []
  let open: GoldSpan | undefined
  tags.forEach((tag, i) => {
    const [bio, t] = tag.split('-', 2)
    if (open && (bio !== 'I' || t !== type)) {
      out.push(open)
      open = undefined
    }
    // conlleval treats an I- tag after another type as the start of a new entity.
    if (t === type && (bio === 'B' || (bio === 'I' && !open))) open = { first: i, last: i }
    else if (open && bio === 'I' && t === type) open.last = i
  })
  if (open) out.push(open)
  return out
}
