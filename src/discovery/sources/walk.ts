import fs from 'node:fs/promises'
import path from 'node:path'

/** Files under a folder, relative and sorted; hidden files and folders skipped; symbolic links not followed. */
export async function walkFiles(root: string, accept: (name: string) => boolean = () => true): Promise<string[]> {
  const out: string[] = []
  async function visit(dir: string): Promise<void> {
    const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true })
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue
      const rel = dir ? path.join(dir, e.name) : e.name
      if (e.isDirectory()) await visit(rel)
      else if (e.isFile() && accept(e.name)) out.push(rel)
    }
  }
  const stat = await fs.stat(root)
  if (stat.isFile()) return [path.basename(root)]
  await visit('')
  return out
}

/** The folder that relative paths are resolved against (a source may name a single file). */
export async function baseOf(location: string): Promise<string> {
  const stat = await fs.stat(location)
  return stat.isFile() ? path.dirname(location) : location
}
