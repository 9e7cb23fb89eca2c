import { gazetteers, type Gazetteers } from './gazetteer.js'
import { CAP, LOWER, UPPER, type Tokens } from './tokens.js'

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

let combined: Map<string, number> | undefined
let lowercaseNames: Set<string> | undefined

// A small set checked for every lower-case word: far cheaper than the full lookup.
function lowercaseNameSet(classify: (key: string) => number, g: Gazetteers): Set<string> {
  const out = new Set<string>()
  for (const key of g.given.keys()) {
    if (key.length >= 3 && (classify(key) & (WORD | STOP | PLACE | MONTH | PARTICLE)) === 0) out.add(key)
  }
  return out
}

/** Every list folded into one key → flags map, so classifying a word is one lookup. */
function combineFlags(g: Gazetteers): Map<string, number> {
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
  return map
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

  constructor(readonly t: Tokens) {
    this.g = gazetteers()
    this.flags = new Int32Array(t.count).fill(-1)
  }

  f(i: number): number {
    const cached = this.flags[i]
    if (cached === undefined) return 0
    if (cached !== -1) return cached
    const kind = this.t.kind[i]
    let v = 0
    // Of lower-case words only particles and suffixes matter ("de", "van", "jr"), all short.
    const short = (this.t.end[i] ?? 0) - (this.t.start[i] ?? 0) <= 5
    if (kind === CAP || kind === UPPER || (kind === LOWER && short)) v = this.classify(this.t.key(i))
    if (kind === CAP && (v & (GIVEN | SURNAME)) === 0 && isCamel(this.t.str(i))) v |= CAMEL
    this.flags[i] = v
    return v
  }

  /** A given name that may be written in lower case: not an English word, a place, a month … */
  lowercaseName(key: string): boolean {
    return (lowercaseNames ??= lowercaseNameSet(this.classify.bind(this), this.g)).has(key)
  }

  /** Word classes of any word, not only of a token of this text (uncached). */
  classify(key: string): number {
    return (combined ??= combineFlags(this.g)).get(key) ?? 0
  }

  /** More common as a given name than as a surname ("Paul", "Rick"), by census rank. */
  mostlyGiven(i: number): boolean {
    const key = this.t.key(i)
    const given = this.g.given.get(key)
    return given !== undefined && given < (this.g.surname.get(key) ?? Infinity)
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
