// Builds the product: src/**/*.ts compiled file by file to dist/**/*.js (esbuild: no type checking, that is
// `npm run typecheck`), and every other file under src/ (templates, locales, migrations, static assets, JSON
// data, gazetteers) copied beside it, so code that finds its files next to itself (import.meta.url) works the
// same from dist/ as from src/. Then the command line and the server are bundled into dist/bundle/ (bin/rightsdesk.js
// runs that): see bundleProduct. Runs on `npm ci` (prepare), before `npm start`, and before a test run.
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
  await bundleProduct(srcDir, path.join(tmp, 'bundle'))
  for (const rel of files.filter((f) => !f.endsWith('.ts'))) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true })
    fs.copyFileSync(path.join(srcDir, rel), path.join(tmp, rel))
  }
  fs.writeFileSync(path.join(tmp, STAMP), `${JSON.stringify({ ...state, builtAt: new Date().toISOString() })}\n`)
  swapIn(tmp, path.join(root, 'dist'))
  return { files: files.length, ms: Math.round(performance.now() - started) }
}

/**
 * Packages bundled into Rightsdesk's own code: pure JavaScript in hundreds of small ES modules each, which Node
 * otherwise finds, reads and compiles one by one at every start. Nothing outside our code imports them, so there is
 * never a second copy (zod, say, must stay outside: fastify-type-provider-zod checks its schemas by class).
 */
const BUNDLED_PACKAGES = ['drizzle-orm', 'libphonenumber-js']

/**
 * The command line and everything it loads, as a few dozen files instead of ~800 (ADR 0011): starting the server
 * spent a third of its time before /ready finding, reading and compiling modules one by one. Each command's code
 * stays a separate chunk, loaded only when that command runs. A module that finds its files next to itself
 * (import.meta.url) gets the URL of its own compiled file under dist/, where those files are copied.
 */
async function bundleProduct(srcDir, outdir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(srcDir, '..', 'package.json'), 'utf8'))
  const external = Object.keys(pkg.dependencies)
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`])
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        let text = await fs.promises.readFile(args.path, 'utf8')
        if (text.includes('import.meta.url')) {
          const rel = path.relative(srcDir, args.path).replace(/\.ts$/, '.js').split(path.sep).join('/')
          text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(`../${rel}`)}, import.meta.url).href`)
        }
        return { contents: text, loader: 'ts' }
      })
    },
  }
  const result = await build({
    entryPoints: { cli: path.join(srcDir, 'cli', 'index.ts') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    supported: { 'regexp-unicode-property-escapes': true },
    external,
    plugins: [ownUrl],
    metafile: true,
    logLevel: 'warning',
  })
  // Which source modules each bundled file holds: test/cli-startup checks what a command loads by this.
  const modules = {}
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    modules[path.basename(file)] = Object.keys(output.inputs).map((input) =>
      path.relative(path.join(srcDir, '..'), path.resolve(input)).split(path.sep).join('/'),
    )
  }
  fs.writeFileSync(path.join(outdir, 'modules.json'), `${JSON.stringify(modules, null, 1)}\n`)
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
