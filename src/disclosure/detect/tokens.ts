/**
 * One pass over the text that splits it into words, numbers, punctuation and line breaks, kept in
 * typed arrays so that the person recognisers can look around a word without allocating per token.
 */
import { WordTable } from './word-table.js'

export const LOWER = 1 // starts with a lower-case letter
export const CAP = 2 // capital then at least one lower-case letter: "Smith", "McDonald", "O'Gorman"
export const UPPER = 3 // two or more letters, all capitals: "SMITH", "MK", "ECT"
export const INIT = 4 // one capital letter: "K" (a following "." is its own token)
export const NUM = 5
export const PUNCT = 6
export const NL = 7
export const POSS = 8 // the "'s" split off "Watson's"

const letterCache = new Uint8Array(65536) // 0 unknown, 1 letter, 2 capital letter, 3 neither
const LETTER = /[\p{L}\p{M}]/u
const CAPITAL = /\p{Lu}/u

for (let c = 0; c < 128; c++) letterCache[c] = c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 1 : 3

function letterClass(c: number): number {
  let v = letterCache[c] ?? 3
  if (v === 0) {
    const ch = String.fromCharCode(c)
    v = CAPITAL.test(ch) ? 2 : LETTER.test(ch) ? 1 : 3
    letterCache[c] = v
  }
  return v
}

export class Tokens {
  count = 0
  start: Int32Array
  end: Int32Array
  kind: Uint8Array
  // Few tokens need their key as a string now that gazetteer lookups read the characters (word-table.ts): a map
  // rather than an array as long as the text's tokens.
  private readonly keys = new Map<number, string>()

  constructor(readonly text: string) {
    const size = (text.length >> 1) + 16
    this.start = new Int32Array(size)
    this.end = new Int32Array(size)
    this.kind = new Uint8Array(size)
    scan(this)
  }

  /** Doubles the arrays, keeping the first `count` tokens. */
  grow(): void {
    const size = this.kind.length * 2
    const start = new Int32Array(size)
    const end = new Int32Array(size)
    const kind = new Uint8Array(size)
    start.set(this.start)
    end.set(this.end)
    kind.set(this.kind)
    this.start = start
    this.end = end
    this.kind = kind
  }

  str(i: number): string {
    return this.text.slice(this.start[i], this.end[i])
  }

  /** Lower-case list key of a word, cached: see gazetteer.nameKey. */
  key(i: number): string {
    let k = this.keys.get(i)
    if (k === undefined) {
      k = this.str(i).toLowerCase()
      if (k.includes("'") || k.includes('’')) k = k.replace(/['’]/g, '')
      this.keys.set(i, k)
    }
    return k
  }

  /** The character code of a one-character token, or -1. */
  ch(i: number): number {
    if (i < 0 || i >= this.count) return -1
    const s = this.start[i] ?? 0
    return (this.end[i] ?? 0) - s === 1 ? this.text.charCodeAt(s) : -1
  }

  k(i: number): number {
    return i >= 0 && i < this.count ? (this.kind[i] ?? 0) : 0
  }

  /** Whitespace (or nothing) separates token i from token i-1. */
  gapBefore(i: number): number {
    return i > 0 ? (this.start[i] ?? 0) - (this.end[i - 1] ?? 0) : 1
  }

  /** First token on its line. */
  lineStart(i: number): boolean {
    return i === 0 || this.kind[i - 1] === NL
  }

  /** Capitalised only because a sentence or line starts here. */
  sentenceStart(i: number): boolean {
    let j = i - 1
    while (j >= 0 && this.kind[j] === PUNCT && isOpener(this.ch(j))) j--
    if (j < 0 || this.kind[j] === NL) return true
    const c = this.ch(j)
    // ".", "!", "?", ":" end a sentence, but the "." after an initial or a title does not.
    if (c === 33 || c === 63 || c === 58) return true
    return c === 46 && this.kind[j - 1] !== INIT && !(this.end[j - 1] === this.start[j] && isShortTitle(this, j - 1))
  }
}

function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 40 || c === 91 || c === 8220 || c === 8216 || c === 45 || c === 42 || c === 62
}

const SHORT_TITLES = ['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'rev', 'sgt', 'insp', 'supt', 'det', 'jr', 'sr']
// Asked at the end of most sentences: looked up from the word's characters, not a key built for it.
const SHORT_TITLE_TABLE = new WordTable(new Map(SHORT_TITLES.map((k) => [k, 1])))
function isShortTitle(t: Tokens, i: number): boolean {
  if (i < 0) return false
  const found = SHORT_TITLE_TABLE.getRange(t.text, t.start[i] ?? 0, t.end[i] ?? 0)
  return (found === -1 ? SHORT_TITLE_TABLE.get(t.key(i)) : found) !== 0
}

/**
 * The scanner writes straight into the typed arrays through locals (not `push`): it runs over every character of
 * every text, and this is a tenth of detection's time (bench/detect-speed).
 */
function scan(t: Tokens): void {
  const text = t.text
  const n = text.length
  let count = 0
  let starts = t.start
  let ends = t.end
  let kinds = t.kind
  const emit = (from: number, to: number, kind: number): void => {
    if (count >= kinds.length) {
      t.count = count
      t.grow()
      starts = t.start
      ends = t.end
      kinds = t.kind
    }
    starts[count] = from
    ends[count] = to
    kinds[count++] = kind
  }
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 32) {
      i++
    } else if (c === 10) {
      emit(i, i + 1, NL)
      i++
    } else if (c >= 48 && c <= 57) {
      let j = i + 1
      for (let d = text.charCodeAt(j); d >= 48 && d <= 57; d = text.charCodeAt(++j));
      emit(i, j, NUM)
      i = j
    } else if (c === 9 || c === 13 || c === 12 || c === 11 || c === 160) {
      i++
    } else {
      const first = c < 128 ? (letterCache[c] ?? 3) : letterClass(c)
      if (first === 3) {
        emit(i, i + 1, PUNCT)
        i++
        continue
      }
      let j = i + 1
      let upper = first === 2 ? 1 : 0
      let lower = first === 1 ? 1 : 0
      for (;;) {
        for (; j < n; j++) {
          const d = text.charCodeAt(j)
          const cls = d < 128 ? (letterCache[d] ?? 3) : letterClass(d)
          if (cls === 3) break
          if (cls === 2) upper++
          else lower++
        }
        const d = text.charCodeAt(j)
        // Apostrophes and hyphens join letters: O'Gorman, Driscoll-Ernest, Y'Barbo.
        if ((d === 39 || d === 8217 || d === 45) && j + 1 < n && letterClass(text.charCodeAt(j + 1)) !== 3) j++
        else break
      }
      let end = j
      const possessive =
        end - i > 3 && (text.charCodeAt(end - 1) | 32) === 115 && isApostrophe(text.charCodeAt(end - 2))
      if (possessive) end -= 2
      const letters = upper + lower - (possessive ? 1 : 0)
      const kind = first === 1 ? LOWER : letters === 1 ? INIT : lower === 0 || (possessive && lower === 1) ? UPPER : CAP
      emit(i, end, kind)
      if (possessive) emit(end, j, POSS)
      i = j
    }
  }
  t.count = count
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 8217
}
