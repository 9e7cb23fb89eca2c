import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractText } from '../src/disclosure/ingest/extract-text.js'
import { runCli } from './support/rightsdesk-process.js'

let dir: string
const note =
  'Call log 3 March.\nJim Morgan rang about the car. Mr Morgan gave his number 07700 900123.\nJames Mortimer also rang.\n'
const eml = [
  'From: "Morgan, James" <james.morgan@home.example>',
  'To: rights@force.example',
  'Subject: My records',
  'Date: Tue, 3 Mar 2026 10:00:00 +0000',
  'Message-ID: <abc@home.example>',
  '',
  'Please send me everything you hold. Jim',
  '',
].join('\r\n')

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-discover-'))
  await fs.mkdir(path.join(dir, 'mail'))
  await fs.writeFile(path.join(dir, 'note.txt'), note)
  await fs.writeFile(path.join(dir, 'mail', 'request.eml'), eml)
  await fs.writeFile(path.join(dir, '.hidden.txt'), 'James Morgan')
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

type Line = { file: string; start: number; end: number; text: string; kind: string; score: number }
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)

describe('rightsdesk discover (no server)', () => {
  it('prints one JSON line per mention, with offsets into the text as detect reads it', async () => {
    const r = await runCli(['discover', '--name', 'James Morgan', '--phone', '+447700900123', dir, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const found = lines(r.stdout)
    expect(found.every((l) => Object.keys(l).join() === 'file,start,end,text,kind,score')).toBe(true)
    const inNote = found.filter((l) => l.file.endsWith('note.txt'))
    expect(inNote.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'nickname-name:Jim Morgan',
      'titled-surname:Mr Morgan',
      'phone:07700 900123',
    ])
    for (const l of inNote) expect(note.slice(l.start, l.end)).toBe(l.text)
    const text = await extractText(path.join(dir, 'mail', 'request.eml'))
    const inMail = found.filter((l) => l.file.endsWith('request.eml'))
    expect(inMail.map((l) => l.kind)).toEqual(expect.arrayContaining(['surname-first', 'email-name', 'nickname']))
    for (const l of inMail) expect(text.slice(l.start, l.end)).toBe(l.text)
    expect(found.some((l) => l.file.includes('.hidden'))).toBe(false)
  })

  it('refuses bad input with one line and exit 2, printing nothing', async () => {
    const missing = await runCli(['discover', '--name', 'James Morgan', path.join(dir, 'nope')])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/no such file or folder/)
    const badDob = await runCli(['discover', '--name', 'James Morgan', '--dob', '3/3/1980', dir])
    expect(badDob.code).toBe(2)
    expect(badDob.stderr).toMatch(/--dob must be YYYY-MM-DD/)
    const noName = await runCli(['discover', dir])
    expect(noName.code).toBe(2)
  })
})
