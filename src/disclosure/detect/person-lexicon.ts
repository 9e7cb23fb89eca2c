import { gazetteers, type Gazetteers } from './gazetteer.js'
import { CAP, LOWER, UPPER, type Tokens } from './tokens.js'
import { WordTable } from './word-table.js'

export const GIVEN = 1
export const SURNAME = 2 // any census rank
export const COMMON_SURNAME = 4 // rank within COMMON_SURNAME_RANK
export const WORD = 8 // a common English word in lower case
export const STOP = 16
export const ORG = 32
export const PLACE = 64
export const TITLE = 128
export const RANK = 256 // a police rank: the person is an officer
export const PARTICLE = 512
export const SUFFIX = 1024
export const MONTH = 2048
export const COMMON_GIVEN = 4096 // rank within COMMON_GIVEN_RANK
export const CAMEL = 8192 // "SoCalGas", "BlackBerry": a brand, unless a listed name ("LaToya", "McDonald")
export const PLACE_PREFIX = 16384 // "San Juan", "Mont Belvieu", "Fort Worth"
// Two facts about a key kept beside its classes, so that neither needs a second lookup per word.
const LOWERCASE_NAME = 1 << 15 // a given name that may be written in lower case (see lowercaseNameSet)
const MOSTLY_GIVEN = 1 << 16 // ranked higher as a given name than as a surname
const FACTS = LOWERCASE_NAME | MOSTLY_GIVEN

const COMMON_SURNAME_RANK = 20000
const COMMON_GIVEN_RANK = 1500

export const COURTESY_TITLES = new Set(
  (
    'mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend fr cllr councillor judge hhj ' +
    'uncle aunt auntie aunty nan nana grandma grandpa granny grandad cousin mister madame mme mlle senor senora ' +
    'herr frau sheikh imam rabbi pastor bishop canon captain capt lt col colonel major sen senator rep gov mayor'
  ).split(' '),
)
export const POLICE_RANKS = new Set(
  (
    'pc wpc dc tdc ds dsgt di dci dsi dsupt det detective sgt sergeant insp inspector supt superintendent ' +
    'constable acc dcc pcso sc cmdr commander chiefsupt chinsp cc officer'
  ).split(' '),
)
/** Words that combine with a rank: "Chief Inspector", "Detective Sergeant", "Acting Sgt". */
export const RANK_MODIFIERS = new Set(
  'chief detective det police acting temporary special deputy assistant woman'.split(' '),
)
const PARTICLES = new Set('de la le du da di del della der den van von bin binti ibn al el st mac ap ab'.split(' '))
const SUFFIXES = new Set('jr jnr sr snr ii iii iv qc kc mp'.split(' '))
const PLACE_PREFIXES = new Set(
  'san santa santo sao los las el la le del du des mont mount fort port lake saint ste'.split(' '),
)
const MONTHS = new Set(
  'january february march april may june july august september october november december jan'.split(' '),
)

let combined: WordTable | undefined
let lowercaseNames: WordTable | undefined

// The given names that may be written in lower case, in a table of their own: it is asked about nearly every
// lower-case word, and a few thousand keys stay in the processor's cache where the whole lexicon does not.
function lowercaseNameTable(table: WordTable, g: Gazetteers): WordTable {
  const names = new Map<string, number>()
  for (const key of g.given.keys()) if ((table.get(key) & LOWERCASE_NAME) !== 0) names.set(key, 1)
  return new WordTable(names)
}

/** Every list folded into one key → flags table, so classifying a word is one lookup. */
function combineFlags(g: Gazetteers): WordTable {
  const map = new Map<string, number>()
  const mark = (keys: Iterable<string>, flag: number) => {
    for (const k of keys) map.set(k, (map.get(k) ?? 0) | flag)
  }
  for (const [k, rank] of g.given)
    map.set(k, (map.get(k) ?? 0) | GIVEN | (rank <= COMMON_GIVEN_RANK ? COMMON_GIVEN : 0))
  for (const [k, rank] of g.surname) {
    map.set(k, (map.get(k) ?? 0) | SURNAME | (rank <= COMMON_SURNAME_RANK ? COMMON_SURNAME : 0))
  }
  mark(g.words, WORD)
  mark(g.stop, STOP)
  mark(g.org, ORG)
  mark(g.places, PLACE)
  mark(COURTESY_TITLES, TITLE)
  mark(POLICE_RANKS, TITLE | RANK)
  mark(PARTICLES, PARTICLE)
  mark(SUFFIXES, SUFFIX)
  mark(MONTHS, MONTH)
  mark(PLACE_PREFIXES, PLACE_PREFIX)
  for (const [key, rank] of g.given) {
    let v = map.get(key) ?? 0
    if (key.length >= 3 && (v & (WORD | STOP | PLACE | MONTH | PARTICLE)) === 0) v |= LOWERCASE_NAME
    if (rank < (g.surname.get(key) ?? Infinity)) v |= MOSTLY_GIVEN
    map.set(key, v)
  }
  return new WordTable(map)
}

/** An inner capital not after "Mc", "Mac", "O'", a hyphen or an apostrophe. */
function isCamel(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c < 65 || c > 90) continue
    const prev = word[i - 1]
    if (prev === "'" || prev === '’' || prev === '-') continue
    if (/^(?:Mc|Mac|Fitz)$/.test(word.slice(0, i))) continue
    return true
  }
  return false
}

/** Per-text word classes, computed on first use of each token and cached. */
export class Lexicon {
  readonly g: Gazetteers
  private flags: Int32Array
  private readonly table: WordTable

  constructor(readonly t: Tokens) {
    this.g = gazetteers()
    this.table = combined ??= combineFlags(this.g)
    this.flags = new Int32Array(t.count).fill(-1)
  }

  /** Classes and facts of token i's key, looked up from its characters (no key string for an ASCII word). */
  private lookup(i: number): number {
    const t = this.t
    const v = this.table.getRange(t.text, t.start[i] ?? 0, t.end[i] ?? 0)
    return v === -1 ? this.table.get(t.key(i)) : v
  }

  /** Word classes of token i whatever its kind (f(i) looks up only words that can be part of a name). */
  classifyAt(i: number): number {
    return i >= 0 && i < this.t.count ? this.lookup(i) & ~FACTS : 0
  }

  f(i: number): number {
    const cached = this.flags[i]
    if (cached === undefined) return 0
    if (cached !== -1) return cached
    const kind = this.t.kind[i]
    let v = 0
    // Of lower-case words only particles and suffixes matter ("de", "van", "jr"), all short.
    const short = (this.t.end[i] ?? 0) - (this.t.start[i] ?? 0) <= 5
    if (kind === CAP || kind === UPPER || (kind === LOWER && short)) v = this.lookup(i) & ~FACTS
    if (kind === CAP && (v & (GIVEN | SURNAME)) === 0 && isCamel(this.t.str(i))) v |= CAMEL
    this.flags[i] = v
    return v
  }

  /** Token i is a given name that may be written in lower case: not an English word, a place, a month … */
  lowercaseNameAt(i: number): boolean {
    const names = (lowercaseNames ??= lowercaseNameTable(this.table, this.g))
    const t = this.t
    const v = names.getRange(t.text, t.start[i] ?? 0, t.end[i] ?? 0)
    return v === -1 ? names.get(t.key(i)) !== 0 : v !== 0
  }

  /** Word classes of any word, not only of a token of this text (uncached). */
  classify(key: string): number {
    return this.table.get(key) & ~FACTS
  }

  /** More common as a given name than as a surname ("Paul", "Rick"), by census rank. */
  mostlyGiven(i: number): boolean {
    return (this.lookup(i) & MOSTLY_GIVEN) !== 0
  }

  /** mostlyGiven for any word's key. */
  mostlyGivenKey(key: string): boolean {
    return (this.table.get(key) & MOSTLY_GIVEN) !== 0
  }

  has(i: number, flag: number): boolean {
    return (this.f(i) & flag) !== 0
  }

  /** A given name that is also an everyday word, a place or a month: "Will", "Mark", "Georgia", "May". */
  ambiguousGiven(i: number): boolean {
    const v = this.f(i)
    return (v & GIVEN) !== 0 && (v & (WORD | PLACE | MONTH | STOP)) !== 0
  }

  /** Could be part of a name: a capitalised word that is not a stop, organisation or title word. */
  nameWord(i: number): boolean {
    const k = this.t.k(i)
    if (k !== CAP && k !== UPPER) return false
    const v = this.f(i)
    if ((v & CAMEL) !== 0) return false
    if ((v & (STOP | ORG | TITLE)) !== 0 && (v & (GIVEN | SURNAME)) === 0) return false
    if ((v & (STOP | ORG)) !== 0) return false
    // An all-capitals word must be a known name: otherwise it is an acronym (ECT, FERC, HOU).
    return k === CAP || (v & (GIVEN | SURNAME)) !== 0
  }

  /** A name word that is not an everyday word (or is a known name as well). */
  strongNameWord(i: number): boolean {
    if (!this.nameWord(i)) return false
    const v = this.f(i)
    return (v & WORD) === 0 || (v & (COMMON_GIVEN | COMMON_SURNAME)) !== 0
  }
}
