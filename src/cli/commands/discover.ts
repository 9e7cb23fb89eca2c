import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fail, wantsHelp, type CliCommand } from '../command.js'
import type { SearchSubject } from '../../discovery/match/subject.js'

const usage = `Usage: rightsdesk discover --name NAME [--alias A]... [--email E]... [--phone P]... [--dob YYYY-MM-DD]
                          [--postcode PC]... [--address A]... [--ni N]... [--pnc ID]... [--vrm REG]...
                          [--reference REF]... PATH... [--json]

Finds every mention of one person in files and folders (read recursively; hidden files skipped), without a server,
and prints one JSON object per mention:
  {"file","start","end","text","kind","score"}
Offsets are JavaScript string indices into the file's text as \`rightsdesk detect\` reads it (a .txt file as it is;
any other format through ingest's text extraction). Kinds: full-name, nickname-name, surname-first, initial-name,
similar-name, email, email-name, phone, ni, pnc, vrm, reference, dob, postcode, address, and the short forms counted
only in a text that names the person: titled-surname, given-name, nickname, surname, initials.
Exit 0 (whether or not anything was found), 2 for bad input (nothing printed).
`

const PLAIN_TEXT = new Set(['.txt', '.text', '.log', '.md'])

function parse(argv: string[]): { subject: SearchSubject; paths: string[] } {
  const many = { type: 'string', multiple: true } as const
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      name: many,
      alias: many,
      email: many,
      phone: many,
      dob: many,
      postcode: many,
      address: many,
      ni: many,
      pnc: many,
      vrm: many,
      reference: many,
      json: { type: 'boolean' },
    },
  })
  if (!values.name?.length) throw new Error('--name is required')
  if (positionals.length === 0) throw new Error('no files or folders given')
  for (const d of values.dob ?? [])
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`--dob must be YYYY-MM-DD, not ${d}`)
  return {
    paths: positionals,
    subject: {
      names: values.name,
      aliases: values.alias ?? [],
      emails: values.email ?? [],
      phones: values.phone ?? [],
      datesOfBirth: values.dob ?? [],
      postcodes: values.postcode ?? [],
      addresses: values.address ?? [],
      niNumbers: values.ni ?? [],
      pncIds: values.pnc ?? [],
      vehicleRegs: values.vrm ?? [],
      references: values.reference ?? [],
    },
  }
}

/** Files under a path, sorted; hidden files and folders skipped; symbolic links not followed. */
async function collect(p: string): Promise<string[]> {
  const stat = await fs.lstat(p)
  if (stat.isFile()) return [p]
  if (!stat.isDirectory()) return []
  const out: string[] = []
  for (const entry of (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const child = path.join(p, entry.name)
    if (entry.isDirectory()) out.push(...(await collect(child)))
    else if (entry.isFile()) out.push(child)
  }
  return out
}

async function readText(file: string): Promise<string> {
  if (PLAIN_TEXT.has(path.extname(file).toLowerCase())) return fs.readFile(file, 'utf8')
  const { extractText } = await import('../../disclosure/ingest/extract-text.js')
  return extractText(file)
}

export const discoverCommand: CliCommand = {
  name: 'discover',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    let parsed: ReturnType<typeof parse>
    try {
      parsed = parse(argv)
    } catch (err) {
      return fail('discover', err instanceof Error ? err.message : String(err), 2)
    }
    const files: string[] = []
    for (const p of parsed.paths) {
      const found = await collect(p).catch(() => null)
      if (!found) return fail('discover', `${p}: no such file or folder`, 2)
      files.push(...found)
    }
    const { buildProfile, findMentions } = await import('../../discovery/match/index.js')
    const profile = buildProfile(parsed.subject)
    if (profile.people.length === 0) return fail('discover', `--name must have at least two letters`, 2)
    if (profile.problems.length > 0) return fail('discover', `not understood: ${profile.problems.join(', ')}`, 2)
    // Read every file before printing anything, so bad input fails cleanly with nothing half-written.
    const texts: string[] = []
    for (const file of files) {
      try {
        texts.push(await readText(file))
      } catch (err) {
        const reason = err instanceof Error ? err.message.replace(`${file}: `, '') : String(err)
        return fail('discover', `cannot read ${file}: ${reason.split('\n')[0]}`, 2)
      }
    }
    files.forEach((file, i) => {
      for (const m of findMentions(texts[i] ?? '', profile)) {
        const { start, end, text, kind, score } = m
        process.stdout.write(JSON.stringify({ file, start, end, text, kind, score }) + '\n')
      }
    })
    return 0
  },
}
