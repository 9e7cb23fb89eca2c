// Builds the product: src/**/*.ts compiled file by file to dist/**/*.js (esbuild: no type checking, that is
// `npm run typecheck`), and every other file under src/ (templates, locales, migrations, static assets, JSON
// data, gazetteers) copied beside it, so code that finds its files next to itself (import.meta.url) works the
// same from dist/ as from src/. Runs on `npm ci` (prepare), before `npm start`, and before a test run.
//
//   node scripts/build.js              build
//   node scripts/build.js --if-stale   build only when dist/ does not match src/
//   node scripts/build.js --check      exit 1 (saying why) when dist/ does not match src/
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { build } from 'esbuild'
import { STAMP, buildProblem, repoRoot, sourceFiles, sourceState } from './build-state.js'

/** Compiles into a new folder, then swaps it in, so a running process never sees half a dist/. */
export async function buildProduct(root = repoRoot) {
  const started = performance.now()
  const srcDir = path.join(root, 'src')
  const state = sourceState(root) // taken first: a file saved during the build makes the result stale
  const files = sourceFiles(srcDir)
  const tmp = path.join(root, `dist.tmp-${process.pid}`)
  fs.rmSync(tmp, { recursive: true, force: true })
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(srcDir, f)),
    outdir: tmp,
    outbase: srcDir,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20.19', // package.json engines; keeps `with { type: 'json' }`
    // esbuild rewrites every regular expression literal with \p{…} into `new RegExp(…)` for node targets, which
    // builds a new object at each evaluation (in a loop, for every word: bench/detect-speed). Node 20 has them.
    supported: { 'regexp-unicode-property-escapes': true },
    logLevel: 'warning',
  })
  for (const rel of files.filter((f) => !f.endsWith('.ts'))) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true })
    fs.copyFileSync(path.join(srcDir, rel), path.join(tmp, rel))
  }
  fs.writeFileSync(path.join(tmp, STAMP), `${JSON.stringify({ ...state, builtAt: new Date().toISOString() })}\n`)
  swapIn(tmp, path.join(root, 'dist'))
  return { files: files.length, ms: Math.round(performance.now() - started) }
}

/** Two builds at once (two test runs, say) both finish: each built the same files, so either result will do. */
function swapIn(tmp, dist) {
  const old = `${dist}.old-${process.pid}`
  try {
    fs.renameSync(dist, old)
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
  }
  try {
    fs.renameSync(tmp, dist)
  } catch (err) {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  fs.rmSync(old, { recursive: true, force: true })
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(repoRoot, 'scripts', 'build.js')) {
  const flag = process.argv[2]
  if (flag === '--check') {
    const problem = buildProblem()
    if (problem) process.stderr.write(`build: ${problem}\n`)
    process.exitCode = problem ? 1 : 0
  } else if (flag === '--if-stale' && !buildProblem()) {
    // up to date: nothing to do
  } else {
    const { files, ms } = await buildProduct()
    process.stdout.write(`Built dist/ from ${files} files in src/ (${(ms / 1000).toFixed(1)} s).\n`)
  }
}
