import { nameKey } from './gazetteer.js'
import { GIVEN, MONTH, ORG, PARTICLE, STOP, SUFFIX, SURNAME, WORD, type Lexicon } from './person-lexicon.js'
import { candidate, type Candidate } from './span.js'

// Mail header lines that carry people: From/To/Cc…, Outlook's X-From/X-To, Lotus "Sent by".
// "X - From" allows for text that was tokenised before it reached us.
const HEADER =
  /^[ \t>]*(?:X ?- ?)?(?:From|To|Cc|Bcc|Sent by|Reply-To|Sender|(?:Required |Optional )?Attendees|Organi[sz]er|Author|Recipients?)[ \t]?:[ \t]*/gim
// Lotus Notes: found from the slash, then the name is matched backwards from it.
const LOTUS_PATH = /\/ ?(?=[\p{Lu}\p{N}])((?:[\p{L}\p{N}&_-]+ ?\/ ?){0,5}[\p{L}\p{N}&_-]+)( ?@ ?[\p{L}\p{N}&_-]+)?/uy
const LOTUS_NAME =
  /(?<![\p{L}\p{N}'’.@/-])\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|de|la|van|von|del|der|da)){0,4}$/u
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u

// The same at one position (sticky), for the line-by-line walk below; and the line breaks that walk does not know.
const HEADER_AT = new RegExp(HEADER.source.slice(1), 'iy')
const ODD_LINE_BREAK = /\r(?!\n)|[\u2028\u2029]/
// Letters a header name starts with (X-From, From, To, Cc, Bcc, Sent by, Sender, Reply-To, Recipients, Required
// Attendees, Optional Attendees, Organiser, Attendees, Author), either case.
const HEADER_FIRST = new Set('xftcbsroaXFTCBSROA'.split('').map((c) => c.charCodeAt(0)))

export function findHeaderNames(lex: Lexicon, out: Candidate[]): void {
  const text = lex.t.text
  const header = (from: number) => {
    let end = text.indexOf('\n', from)
    if (end === -1) end = text.length
    // RFC 5322 folded header: continuation lines start with white space.
    while (end < text.length && (text[end + 1] === ' ' || text[end + 1] === '\t')) {
      const next = text.indexOf('\n', end + 1)
      end = next === -1 ? text.length : next
    }
    parseRecipients(lex, text, from, end, out)
    return Math.max(end, from)
  }
  if (ODD_LINE_BREAK.test(text)) {
    HEADER.lastIndex = 0
    for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) HEADER.lastIndex = header(m.index + m[0].length)
  } else {
    // Line by line, looking only at lines that can start a header: the multi-line pattern tried at every
    // character was a tenth of detection's time on a mailbox. Same matches (lines end at "\n" only here).
    for (let at = 0; at < text.length;) {
      let c = at
      while (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9 || text.charCodeAt(c) === 62) c++
      let next = -1
      if (HEADER_FIRST.has(text.charCodeAt(c))) {
        HEADER_AT.lastIndex = at
        const m = HEADER_AT.exec(text)
        if (m) next = header(at + m[0].length)
      }
      const lineEnd = text.indexOf('\n', next === -1 ? at : next)
      if (lineEnd === -1) break
      at = lineEnd + 1
    }
  }
  findLotusNames(lex, text, out)
}

interface Item {
  start: number
  end: number
  words: string[]
}

function parseRecipients(lex: Lexicon, text: string, from: number, to: number, out: Candidate[]): void {
  const value = text.slice(from, to)
  const bySemicolon = value.includes(';')
  const items = splitItems(value, bySemicolon ? ';' : ',', from).map((r) => namePart(text, r.start, r.end))
  const push = (a: Item, b: Item) => out.push(candidate(a.start, b.end, 'PERSON', 0.9, 'person-mail-header'))
  if (bySemicolon) {
    for (const item of items) if (item && nameLike(lex, item.words)) push(item, item)
    return
  }
  // Comma lists mix "Surname, Given" pairs with whole names: pair a lone surname with a following
  // given name; within a stretch of names between addresses where every other item is one word,
  // the stretch is all pairs ("Kuehl, Toby, Blair, Lynn").
  const named = items.map((it) => it !== undefined && nameLike(lex, it.words))
  const single = items.map((it, i) => named[i] === true && it !== undefined && coreWords(lex, it.words) === 1)
  const pairsFrom = allPairStretches(named, single)
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (!item || !named[i]) continue
    const next = items[i + 1]
    const pairable = next !== undefined && named[i + 1] && single[i] && next.words.length <= 3
    if (pairable && (pairsFrom[i] || startsWithGiven(lex, next.words) || !mostlyGiven(lex, item.words[0] ?? ''))) {
      push(item, next)
      i++
    } else {
      push(item, item)
    }
  }
}

/** Marks the items that start a pair in stretches of names made wholly of "Surname, Given" pairs. */
function allPairStretches(named: boolean[], single: boolean[]): boolean[] {
  const out = named.map(() => false)
  for (let s = 0; s < named.length;) {
    if (!named[s]) {
      s++
      continue
    }
    let e = s
    while (named[e + 1]) e++
    let pairs = (e - s + 1) % 2 === 0
    for (let k = s; pairs && k <= e; k += 2) pairs = single[k] === true
    if (pairs) for (let k = s; k <= e; k += 2) out[k] = true
    s = e + 1
  }
  return out
}

/** Splits on the separator outside quotes, angle brackets and square brackets (character codes: header lines are a
 * fifth of a mailbox's text, and a recipient list can run to hundreds of items). */
function splitItems(value: string, sep: string, base: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const separator = sep.charCodeAt(0)
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i <= value.length; i++) {
    const c = value.charCodeAt(i) // NaN at the end
    if (c === 34) quoted = !quoted
    else if ((c === 60 || c === 91) && closes(value, i)) depth++
    else if ((c === 62 || c === 93) && depth > 0) depth--
    else if (i === value.length || (c === separator && !quoted && depth === 0)) {
      out.push({ start: base + start, end: base + i })
      start = i + 1
    }
  }
  return out
}

/** An opening bracket counts only if its closing one comes before the next opening one. */
function closes(value: string, at: number): boolean {
  const open = value[at] ?? ''
  const close = value.indexOf(open === '<' ? '>' : ']', at + 1)
  const next = value.indexOf(open, at + 1)
  return close !== -1 && (next === -1 || close < next)
}

/** The display-name part of one recipient: no address, no Lotus path, no quotes, no date after it. */
function namePart(text: string, start: number, end: number): Item | undefined {
  const raw = text.slice(start, end)
  // Most recipients in long lists are bare addresses: no display name to look at.
  if (/^\s*[^\s"'<@]+@/.test(raw)) return undefined
  let stop = raw.length
  for (const marker of ['<', '[', '/', '@', '(']) {
    const at = raw.indexOf(marker)
    if (at !== -1 && at < stop) stop = at
  }
  const digit = raw.search(/\d/)
  if (digit !== -1 && digit < stop) stop = digit
  let a = 0
  while (a < stop && isQuoteOrSpace(raw.charCodeAt(a))) a++
  let b = stop
  while (b > a && (isQuoteOrSpace(raw.charCodeAt(b - 1)) || raw.charCodeAt(b - 1) === 44)) b--
  if (b <= a) return undefined
  const words = raw
    .slice(a, b)
    .split(/[\s,]+/)
    .filter((w) => w.length > 0)
  // An item with an "@" in its first word is an address, not a name.
  if (words.some((w) => w.includes('@'))) return undefined
  return { start: start + a, end: start + b, words }
}

/** White space (as \s) or a straight or curly double or single quote. */
function isQuoteOrSpace(c: number): boolean {
  if (c === 34 || c === 39 || c === 0x201c || c === 0x201d) return true
  if (c === 32 || (c >= 9 && c <= 13)) return true
  return c >= 128 && /\s/.test(String.fromCharCode(c))
}

function coreWords(lex: Lexicon, words: string[]): number {
  return words.filter((w) => w.replace(/\./g, '').length > 1 && !(lex.classify(nameKey(w)) & (SUFFIX | PARTICLE)))
    .length
}

/** "Toby, Ramona" lists two first names; "Lokey, Teb" is a surname then a given name. */
function mostlyGiven(lex: Lexicon, word: string): boolean {
  return lex.mostlyGivenKey(nameKey(word))
}

function startsWithGiven(lex: Lexicon, words: string[]): boolean {
  const first = words[0]
  return first !== undefined && (lex.classify(nameKey(first)) & GIVEN) !== 0
}

/**
 * Capitalised words (and initials, particles, suffixes) only, and not a list or team name. An
 * everyday word passes beside a known name ("Alters, Dennis"); a lone all-capitals word must be a
 * known name ("SMU" is not).
 */
export function nameLike(lex: Lexicon, words: string[]): boolean {
  if (words.length === 0 || words.length > 6) return false
  let names = 0
  let known = 0
  let everyday = 0
  for (const w of words) {
    if (w === '-') continue
    const v = lex.classify(nameKey(w))
    if ((v & (PARTICLE | SUFFIX)) !== 0) continue
    if (!NAME_WORD.test(w)) return false
    // Months are surnames too ("January, Steven").
    if ((v & ORG) !== 0 || ((v & STOP) !== 0 && (v & MONTH) === 0)) return false
    if ((v & (GIVEN | SURNAME)) !== 0) known++
    else if (w.length > 2 && (v & WORD) !== 0) everyday++
    else if (words.length === 1 && w.length > 2 && w === w.toUpperCase()) return false
    names++
  }
  return names > 0 && (everyday === 0 || known > 0)
}

/** Lotus Notes addresses: "Phillip K Allen/HOU/ECT@ECT", "Doug Leach/HOU/ECT on 04/16/2001". */
function findLotusNames(lex: Lexicon, text: string, out: Candidate[]): void {
  for (let at = text.indexOf('/'); at !== -1; at = text.indexOf('/', at + 1)) {
    // Cheap tests first: a letter or "." before the slash, a capital or digit after it.
    const prev = text.charCodeAt(text.charCodeAt(at - 1) === 32 ? at - 2 : at - 1)
    if (!((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || prev === 46 || prev > 127)) continue
    LOTUS_PATH.lastIndex = at
    const m = LOTUS_PATH.exec(text)
    if (!m) continue
    at = m.index + m[0].length - 1
    const path = m[1] ?? ''
    const slashes = (path.match(/\//g) ?? []).length + 1
    // The organisation path is short codes: "HOU/ECT", "NA/Enron", "Enron@EnronXGate".
    if ((!m[2] && slashes < 2) || !/^[\p{Lu}\p{N}]/u.test(path)) continue
    const slash = text.charCodeAt(m.index - 1) === 32 ? m.index - 1 : m.index
    const found = LOTUS_NAME.exec(text.slice(Math.max(0, slash - 80), slash))
    if (!found) continue
    let start = slash - found[0].length
    const words = found[0].split(' ')
    while (words.length > 0 && lex.classify(nameKey(words[0] ?? '')) & STOP) {
      start += (words.shift() ?? '').length + 1
    }
    if (words.length === 0 || !nameLike(lex, words)) continue
    out.push(candidate(start, slash, 'PERSON', 0.9, 'person-lotus-address'))
  }
}
