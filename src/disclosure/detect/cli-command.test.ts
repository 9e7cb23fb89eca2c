import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { detectCommand } from '../../cli/commands/detect.js'

const dir = mkdtempSync(join(tmpdir(), 'rightsdesk-detect-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text, 'utf8')
  return path
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true))
  const code = await detectCommand.run(argv)
  vi.restoreAllMocks()
  return { code, out, err }
}

afterEach(() => vi.restoreAllMocks())

describe('rightsdesk detect', () => {
  it('prints one JSON object per finding with offsets into the file’s text', async () => {
    const text = 'Ωmega note: call Ramona on 0161 496 0000.\n'
    const path = file('note.txt', text)
    const { code, out, err } = await run(path)
    expect(code).toBe(0)
    expect(err).toBe('')
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.type)).toEqual(['PERSON', 'PHONE'])
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['file', 'start', 'end', 'type', 'text', 'score', 'recogniser'])
      expect(text.slice(l.start as number, l.end as number)).toBe(l.text)
      expect(l.file).toBe(path)
    }
  })

  it('--subject marks the data subject’s own name as SUBJECT', async () => {
    const path = file('subject.txt', 'Statement of Sarah Whitfield, witnessed by Tom Baker.')
    const { out } = await run(path, '--subject', 'Sarah Whitfield', '--json')
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(['SUBJECT', 'PERSON'])
  })

  it('--table prints a readable table instead', async () => {
    const { code, out } = await run(file('t.txt', 'Ask Ramona.'), '--table')
    expect(code).toBe(0)
    expect(out).toContain('PERSON')
    expect(out).toContain('Ramona')
  })

  it.each([
    [['--bogus', 'x.txt'], /Unknown option '--bogus'/],
    [[], /no files given/],
    [[join(dir, 'missing.txt')], /cannot read .*missing\.txt/],
    [['--staff-policy', 'sometimes', 'x.txt'], /disclose or redact/],
  ])('bad input %j is one line on stderr and exit 2', async (argv, message) => {
    const { code, out, err } = await run(...argv)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(message)
    expect(err.trim().split('\n')).toHaveLength(1)
  })
})
