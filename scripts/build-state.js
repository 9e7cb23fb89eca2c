// Whether dist/ was built from the sources now in src/. Plain JavaScript with no dependencies: the `rightsdesk`
// executable checks this before it loads anything, so it must cost a few milliseconds, not a compiler.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const STAMP = '.build-stamp.json'

/** Test files stay in src/ only: vitest runs them from the sources. */
export const isTestFile = (rel) => /\.test\.ts$/.test(rel)

/** Every file the build reads (sources and the assets it copies), relative to src/. */
export function sourceFiles(srcDir) {
  const out = []
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(dir, entry.name), childRel)
      else if (entry.isFile() && !isTestFile(childRel)) out.push(childRel)
    }
  }
  walk(srcDir, '')
  return out.sort()
}

/**
 * What a build depends on: the list of files (so an added, removed or renamed file counts) and the newest
 * modification time among them (so an edited one counts; git sets a changed file's mtime when it writes it).
 */
export function sourceState(root = repoRoot) {
  const srcDir = path.join(root, 'src')
  const files = sourceFiles(srcDir)
  let newestMs = 0
  for (const rel of files) newestMs = Math.max(newestMs, fs.statSync(path.join(srcDir, rel)).mtimeMs)
  const filesHash = createHash('sha256').update(files.join('\n')).digest('hex')
  return { files: files.length, filesHash, newestMs }
}

/** Null when dist/ matches src/; otherwise one line saying what is wrong and what to run. */
export function buildProblem(root = repoRoot) {
  let stamp
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, 'dist', STAMP), 'utf8'))
  } catch {
    return 'no build in dist/: run `npm run build` (npm ci and npm start build it too)'
  }
  const now = sourceState(root)
  if (now.filesHash !== stamp.filesHash)
    return 'dist/ was built from a different set of files than src/ has now: run `npm run build`'
  if (now.newestMs > stamp.newestMs) return 'src/ has changed since dist/ was built: run `npm run build`'
  return null
}

/** A git checkout, where src/ can change under dist/ (an installed copy has no sources to change). */
export function isCheckout(root = repoRoot) {
  return fs.existsSync(path.join(root, '.git'))
}
