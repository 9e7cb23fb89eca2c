import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** enron-systemt-person: raw email text and silver Person spans as character offsets (counting \r). */
export interface SystemtDoc {
  id: string
  text: string
  persons: { start: number; end: number }[]
}

export function loadSystemt(dir: string): SystemtDoc[] {
  const dataDir = join(dir, 'data')
  return readdirSync(dataDir)
    .sort((a, b) => Number(a) - Number(b))
    .map((id) => {
      // latin1 keeps one character per byte, so the label offsets (bytes, \r included) line up.
      const text = readFileSync(join(dataDir, id), 'latin1')
      const labelFile = join(dir, 'label', `${id}.xml`)
      const xml = existsSync(labelFile) ? readFileSync(labelFile, 'latin1') : ''
      const persons = [...xml.matchAll(/<Person>\s*<start>(\d+)<\/start>\s*<end>(\d+)<\/end>/g)].map((m) => ({
        start: Number(m[1]),
        end: Number(m[2]),
      }))
      return { id, text, persons }
    })
}
