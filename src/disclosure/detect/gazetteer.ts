import { readFileSync } from 'node:fs'

/**
 * Name and word lists, loaded once on first use. Keys are lower case with apostrophes removed, so
 * "O'Gorman" and "McDonald" match the census spellings "ogorman" and "mcdonald".
 */
export interface Gazetteers {
  /** Given name → frequency rank (1 = most common). */
  given: Map<string, number>
  /** Surname → frequency rank. */
  surname: Map<string, number>
  /** Common English words (SCOWL size 35): a capitalised one may just start a sentence. */
  words: Set<string>
  /** Never part of a name (function words, greetings, mail words, days, months). */
  stop: Set<string>
  /** Marks a capitalised run as an organisation, place or heading. */
  org: Set<string>
  places: Set<string>
}

let loaded: Gazetteers | undefined

function lines(file: string): string[] {
  const text = readFileSync(new URL(`./gazetteer/${file}`, import.meta.url), 'utf8')
  const out: string[] = []
  for (const line of text.split('\n')) {
    const entry = line.trim()
    if (entry && !entry.startsWith('#')) out.push(nameKey(entry))
  }
  return out
}

function ranked(into: Map<string, number>, entries: string[], firstRank: number): void {
  let rank = firstRank
  for (const entry of entries) if (!into.has(entry)) into.set(entry, rank++)
}

export function gazetteers(): Gazetteers {
  if (loaded) return loaded
  const given = new Map<string, number>()
  ranked(given, lines('given-names-census.txt'), 1)
  // Hand-picked UK names are common where they are used: rank them with the census's top thousand.
  for (const name of lines('given-names-extra.txt')) if (!given.has(name)) given.set(name, 900)
  const surname = new Map<string, number>()
  ranked(surname, lines('surnames-census.txt'), 1)
  for (const name of lines('surnames-extra.txt')) if (!surname.has(name)) surname.set(name, 900)
  loaded = {
    given,
    surname,
    words: new Set(lines('english-words.txt')),
    stop: new Set(lines('stop-words.txt')),
    org: new Set(lines('org-words.txt')),
    places: new Set(lines('places.txt')),
  }
  return loaded
}

/** Lower case without apostrophes or full stops: the key every list is stored under. */
export function nameKey(word: string): string {
  let key = word.toLowerCase()
  if (key.includes("'") || key.includes('’') || key.includes('.')) key = key.replace(/['’.]/g, '')
  return key
}
