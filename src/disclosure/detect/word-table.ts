/**
 * The gazetteers' keys in one open-addressing hash table over typed arrays, looked up straight from a token's
 * characters. Why not a Map: classifying every word of a text through `Map.get(word.toLowerCase())` allocated a key
 * per word and missed the cache on a 200,000-entry table; that was a fifth of detection's CPU time (bench/detect-speed).
 * Keys are gazetteer keys (lower case, apostrophes removed: see gazetteer.nameKey).
 */
export class WordTable {
  /**
   * Four ints a slot — full hash, value, key's offset in `pool`, key's length — so a probe reads one cache line and
   * only a slot whose whole hash matches has its characters compared. An empty slot has length 0 (no key is empty).
   */
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly pool: Uint16Array

  constructor(entries: Map<string, number>) {
    let size = 16
    while (size < entries.size * 2) size <<= 1
    this.slots = new Int32Array(size * 4)
    this.mask = size - 1
    let chars = 0
    for (const key of entries.keys()) chars += key.length
    this.pool = new Uint16Array(chars)
    let at = 0
    for (const [key, value] of entries) {
      if (key.length === 0) continue
      const h = hashString(key)
      let slot = h & this.mask
      while (this.slots[slot * 4 + 3] !== 0) slot = (slot + 1) & this.mask
      const s = slot * 4
      this.slots[s] = h
      this.slots[s + 1] = value
      this.slots[s + 2] = at
      this.slots[s + 3] = key.length
      for (let i = 0; i < key.length; i++) this.pool[at++] = key.charCodeAt(i)
    }
  }

  /** The value stored under `key`, or 0. */
  get(key: string): number {
    const h = hashString(key)
    const slots = this.slots
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const s = slot * 4
      const length = slots[s + 3] ?? 0
      if (length === 0) return 0
      if (slots[s] === h && length === key.length && this.sameAsString(slots[s + 2] ?? 0, key)) return slots[s + 1] ?? 0
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
    const slots = this.slots
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const s = slot * 4
      const stored = slots[s + 3] ?? 0
      if (stored === 0) return 0
      if (slots[s] === h && stored === length && this.sameAsRange(slots[s + 2] ?? 0, text, start, end)) {
        return slots[s + 1] ?? 0
      }
    }
  }

  private sameAsString(from: number, key: string): boolean {
    for (let i = 0; i < key.length; i++) if (this.pool[from + i] !== key.charCodeAt(i)) return false
    return true
  }

  private sameAsRange(from: number, text: string, start: number, end: number): boolean {
    let k = from
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
