import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { redactCommand } from '../cli/commands/redact.js'
import { buildPdf, lines, onePage } from '../../test/fixtures/disclosure/raw-pdf.js'
import { readPageTexts } from './pdf/index.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
// Once the command is registered in the CLI, test the real executable; until then, the command object itself.
const REGISTERED = readFileSync(path.join(ROOT, 'src/cli/index.ts'), 'utf8').includes('redactCommand')

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function rightsdesk(args: string[]): Promise<Run> {
  if (REGISTERED) {
    const child = spawnSync(process.execPath, ['bin/rightsdesk.js', 'redact', ...args], { cwd: ROOT, encoding: 'utf8' })
    return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr }
  }
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  try {
    return { code: await redactCommand.run(args), stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}

describe('rightsdesk redact', () => {
  let dir: string
  const file = (name: string) => path.join(dir, name)
  const exists = (name: string) =>
    fs.access(file(name)).then(
      () => true,
      () => false,
    )

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-cli-'))
    await fs.writeFile(
      file('letter.pdf'),
      buildPdf(onePage(lines('Dear Sir,', 'Jane Doe called twice.')), '<</Root 1 0 R>>'),
    )
    await fs.writeFile(file('note.txt'), 'Jane Doe left a message for you.\n')
    await fs.writeFile(file('cut.pdf'), buildPdf(onePage(lines('x')), '<</Root 1 0 R>>').subarray(0, 150))
  })
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('exit 0: writes a verified bundle and prints pages and redactions', async () => {
    const run = await rightsdesk([
      file('letter.pdf'),
      file('note.txt'),
      '--out',
      file('bundle.pdf'),
      '--term',
      'Jane Doe',
      '--reference',
      'SAR-7',
      '--export',
      file('export'),
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Wrote .*bundle\.pdf: 5 pages, 2 redactions, verified by pdfjs, mupdf, objects\./)
    const pages = readPageTexts(new Uint8Array(await fs.readFile(file('bundle.pdf'))))
    expect(pages[4]).toContain('Page 5 of 5 — SAR-7')
    expect(pages.join('\n')).not.toMatch(/Jane\s*Doe/i)
    expect((await fs.readdir(file('export'))).sort()).toEqual([
      'bundle.json',
      'documents.csv',
      'redactions.csv',
      'schema.json',
    ])
  })

  it('--encrypt prints the generated password, which opens the bundle', async () => {
    const run = await rightsdesk([file('note.txt'), '--out', file('locked.pdf'), '--encrypt'])
    expect(run.code).toBe(0)
    const password = /Password: (\S+)/.exec(run.stdout)?.[1] ?? ''
    expect(password).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$/)
    expect(readPageTexts(new Uint8Array(await fs.readFile(file('locked.pdf'))), password)).toHaveLength(4)
  })

  it('exit 2: a damaged file is named and nothing is written', async () => {
    const run = await rightsdesk([file('letter.pdf'), file('cut.pdf'), '--out', file('never.pdf')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/cut\.pdf: the PDF is truncated/)
    expect(run.stderr).toMatch(/nothing written/)
    expect(await exists('never.pdf')).toBe(false)
  })

  it('exit 2: a 500 MB file is refused from its size, nothing written', async () => {
    await fs.writeFile(file('huge.pdf'), '')
    await fs.truncate(file('huge.pdf'), 500 * 1024 * 1024)
    const run = await rightsdesk([file('huge.pdf'), '--out', file('never.pdf')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/huge\.pdf: the file is 500 MB; the limit is 100 MB/)
    expect(await exists('never.pdf')).toBe(false)
  })

  it('exit 2: bad usage', async () => {
    expect((await rightsdesk([file('note.txt')])).code).toBe(2)
    expect((await rightsdesk([file('note.txt'), '--out', file('x.pdf'), '--exemption', 'NOPE'])).stderr).toMatch(
      /unknown exemption code NOPE/,
    )
    expect((await rightsdesk([file('note.txt'), '--out', file('x.pdf'), '--bogus'])).code).toBe(2)
  })

  it('exit 1: a redacted string survives (here in the page stamp), so nothing is written', async () => {
    const run = await rightsdesk([
      file('note.txt'),
      '--out',
      file('leaky.pdf'),
      '--term',
      'Jane Doe',
      '--reference',
      'Jane Doe',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/term 1 survives on page 1 \(found by (pdfjs|mupdf|objects)\)/)
    expect(run.stderr).toMatch(/verification failed; nothing written/)
    expect(await exists('leaky.pdf')).toBe(false)
  })
})
