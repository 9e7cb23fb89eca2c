import { readFileSync } from 'node:fs'

/**
 * Given names and the nicknames they are known by (names/nicknames.csv, Apache-2.0, see names/README.md). One step
 * in each direction only: James → Jim, Jim → James; never James → Jim → … (the list's chains lead to strangers:
 * Bill → Robert → Bob).
 */
let table: Map<string, Set<string>> | undefined

function load(): Map<string, Set<string>> {
  if (table) return table
  const out = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (!a || !b || a === b || b.includes('.')) return
    const set = out.get(a) ?? new Set<string>()
    set.add(b)
    out.set(a, set)
  }
  const text = readFileSync(new URL('../names/nicknames.csv', import.meta.url), 'utf8')
  for (const line of text.split('\n')) {
    const [canonical, ...nicknames] = line.trim().toLowerCase().split(',')
    if (!canonical) continue
    for (const nick of nicknames) {
      link(canonical, nick)
      link(nick, canonical)
    }
  }
  table = out
  return out
}

/** The other forms of a given name, lower case, without the name itself. */
export function nicknamesOf(given: string): string[] {
  return [...(load().get(given.toLowerCase()) ?? [])]
}
