/**
 * The gazetteers' keys in one open-addressing hash table over typed arrays, looked up straight from a token's
 * characters. Why not a Map: classifying every word of a text through `Map.get(word.toLowerCase())` allocated a key
 * per word and missed the cache on a 200,000-entry table; that was a fifth of detection's CPU time (bench/detect-speed).
 * Keys are gazetteer keys (lower case, apostrophes removed: see gazetteer.nameKey).
 */
export class WordTable {
  private readonly slots: Int32Array // entry number + 1; 0 = empty
  private readonly mask: number
  private readonly keyStart: Int32Array
  private readonly keyLength: Uint16Array
  private readonly pool: Uint16Array
  readonly values: Int32Array

  constructor(entries: Map<string, number>) {
    let size = 16
    while (size < entries.size * 2) size <<= 1
    this.slots = new Int32Array(size)
    this.mask = size - 1
    this.keyStart = new Int32Array(entries.size)
    this.keyLength = new Uint16Array(entries.size)
    this.values = new Int32Array(entries.size)
    let chars = 0
    for (const key of entries.keys()) chars += key.length
    this.pool = new Uint16Array(chars)
    let n = 0
    let at = 0
    for (const [key, value] of entries) {
      this.keyStart[n] = at
      this.keyLength[n] = key.length
      this.values[n] = value
      for (let i = 0; i < key.length; i++) this.pool[at++] = key.charCodeAt(i)
      let slot = hashString(key) & this.mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot] = ++n
    }
  }

  /** The value stored under `key`, or 0. */
  get(key: string): number {
    let slot = hashString(key) & this.mask
    for (;;) {
      const entry = (this.slots[slot] ?? 0) - 1
      if (entry < 0) return 0
      if (this.sameAsString(entry, key)) return this.values[entry] ?? 0
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * The value stored under the key of `text[start, end)` (ASCII letters folded to lower case, apostrophes dropped),
   * 0 when absent, or -1 when the word has a non-ASCII character: the caller then builds the key with
   * `toLowerCase()`, whose Unicode case folding this does not repeat.
   */
  getRange(text: string, start: number, end: number): number {
    let h = FNV_OFFSET
    let length = 0
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i)
      if (c >= 128) return -1
      if (c === 39) continue
      if (c >= 65 && c <= 90) c |= 32
      h = Math.imul(h ^ c, FNV_PRIME)
      length++
    }
    let slot = h & this.mask
    for (;;) {
      const entry = (this.slots[slot] ?? 0) - 1
      if (entry < 0) return 0
      if (this.keyLength[entry] === length && this.sameAsRange(entry, text, start, end)) return this.values[entry] ?? 0
      slot = (slot + 1) & this.mask
    }
  }

  private sameAsString(entry: number, key: string): boolean {
    if (this.keyLength[entry] !== key.length) return false
    const from = this.keyStart[entry] ?? 0
    for (let i = 0; i < key.length; i++) if (this.pool[from + i] !== key.charCodeAt(i)) return false
    return true
  }

  private sameAsRange(entry: number, text: string, start: number, end: number): boolean {
    let k = this.keyStart[entry] ?? 0
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i)
      if (c === 39) continue
      if (c >= 65 && c <= 90) c |= 32
      if (this.pool[k++] !== c) return false
    }
    return true
  }
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function hashString(key: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME)
  return h
}
