import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildProblem, repoRoot, sourceState, STAMP } from './build-state.js'

// The freshness check that stops anyone (CI included) running a dist/ older than src/.

let root: string
const write = (rel: string, text = '') => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  fs.writeFileSync(path.join(root, rel), text)
}
const stamp = () => write(`dist/${STAMP}`, JSON.stringify(sourceState(root)))
const later = (rel: string) => {
  const t = new Date(Date.now() + 60_000)
  fs.utimesSync(path.join(root, rel), t, t)
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdesk-build-state-'))
  write('src/cli/index.ts', 'export {}')
  write('src/web/locales/en.json', '{}')
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('whether dist/ was built from the sources in src/', () => {
  it('says to build when there is no build', () => {
    expect(buildProblem(root)).toMatch(/no build in dist\/: run `npm run build`/)
  })

  it('is satisfied right after a build', () => {
    stamp()
    expect(buildProblem(root)).toBeNull()
  })

  it('notices an edited source or asset', () => {
    stamp()
    later('src/web/locales/en.json')
    expect(buildProblem(root)).toMatch(/src\/ has changed since dist\/ was built/)
  })

  it('notices a file added, removed or renamed without a change of time', () => {
    stamp()
    fs.renameSync(path.join(root, 'src/cli/index.ts'), path.join(root, 'src/cli/main.ts'))
    expect(buildProblem(root)).toMatch(/different set of files/)
  })

  it('ignores test files, which are never built', () => {
    stamp()
    write('src/cli/index.test.ts', 'it()')
    expect(buildProblem(root)).toBeNull()
  })
})

describe('the rightsdesk executable in a git checkout', () => {
  beforeEach(() => {
    fs.mkdirSync(path.join(root, '.git'))
    fs.cpSync(path.join(repoRoot, 'bin'), path.join(root, 'bin'), { recursive: true })
    fs.cpSync(path.join(repoRoot, 'scripts', 'build-state.js'), path.join(root, 'scripts', 'build-state.js'))
    write('dist/bundle/cli.js', "export async function main() { process.stdout.write('ran dist\\n'); return 0 }")
  })
  const run = () =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'rightsdesk.js'), '--help'], { encoding: 'utf8' })

  it('refuses to run a build older than the sources, saying what to run', () => {
    stamp()
    later('src/cli/index.ts')
    const r = run()
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('rightsdesk: src/ has changed since dist/ was built: run `npm run build`\n')
    expect(r.stdout).toBe('')
  })

  it('runs the compiled code when the build is fresh', () => {
    stamp()
    const r = run()
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('ran dist\n')
    expect(r.status).toBe(0)
  })
})
