import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { fail, wantsHelp, type CliCommand } from '../command.js'
import { detect } from '../../disclosure/detect/detect.js'
import type { DetectedSpan, DetectOptions } from '../../disclosure/detect/types.js'

const usage = `Usage: rightsdesk detect FILE... [--subject NAME]... [--json | --table]

Finds personal data in each file and prints one JSON object per line:
  {"file","start","end","type","text","score","recogniser"}
Offsets are JavaScript string indices into the file's extracted text (for a .txt file, its text as read,
UTF-8; other formats go through ingest's text extraction).

Options:
  --subject NAME       the data subject's name (repeatable): their own identifiers are typed SUBJECT
  --party NAME         another person named on the case (repeatable): always PERSON
  --staff NAME         a member of staff or officer (repeatable)
  --staff-policy P     disclose (staff typed STAFF) or redact (typed PERSON, the default)
  --json               JSON lines (the default)
  --table              a readable table instead
`

const PLAIN_TEXT = new Set(['.txt', '.text', '.log', '.md'])

interface Parsed {
  files: string[]
  options: DetectOptions
  table: boolean
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      subject: { type: 'string', multiple: true },
      party: { type: 'string', multiple: true },
      staff: { type: 'string', multiple: true },
      'staff-policy': { type: 'string' },
      json: { type: 'boolean' },
      table: { type: 'boolean' },
    },
  })
  const policy = values['staff-policy']
  if (policy !== undefined && policy !== 'disclose' && policy !== 'redact') {
    throw new Error(`--staff-policy must be disclose or redact, not ${policy}`)
  }
  if (values.json && values.table) throw new Error('choose one of --json and --table')
  if (positionals.length === 0) throw new Error('no files given. Usage: rightsdesk detect FILE... [--subject NAME]...')
  const options: DetectOptions = {
    knownParties: values.party ?? [],
    staffNames: values.staff ?? [],
    staffPolicy: policy ?? 'redact',
  }
  if (values.subject?.length) options.subject = { names: values.subject }
  return { files: positionals, options, table: values.table === true }
}

/** Plain text is read as it is; any other format goes through ingest's extraction (PDF, DOCX, EML …). */
async function readText(file: string): Promise<string> {
  if (PLAIN_TEXT.has(extname(file).toLowerCase())) return readFile(file, 'utf8')
  const { extractText } = await import('../../disclosure/ingest/extract-text.js')
  return extractText(file)
}

function tableOf(file: string, spans: DetectedSpan[]): string {
  const lines = spans.map((s) => {
    const text = s.text.replace(/\s+/g, ' ')
    return `${String(s.start).padStart(7)} ${String(s.end).padStart(7)}  ${s.type.padEnd(15)} ${s.score.toFixed(2)}  ${text}`
  })
  return `${file}: ${spans.length} found\n${lines.join('\n')}${lines.length ? '\n' : ''}`
}

export const detectCommand: CliCommand = {
  name: 'detect',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    let parsed: Parsed
    try {
      parsed = parse(argv)
    } catch (err) {
      return fail('detect', err instanceof Error ? err.message : String(err), 2)
    }
    // Read every file before printing anything, so bad input fails cleanly with nothing half-written.
    const texts: string[] = []
    for (const file of parsed.files) {
      try {
        texts.push(await readText(file))
      } catch (err) {
        const reason = err instanceof Error ? err.message.replace(`${file}: `, '') : String(err)
        return fail('detect', `cannot read ${file}: ${reason.split('\n')[0]}`, 2)
      }
    }
    parsed.files.forEach((file, i) => {
      const spans = detect(texts[i] ?? '', parsed.options)
      if (parsed.table) process.stdout.write(tableOf(file, spans))
      else for (const s of spans) process.stdout.write(JSON.stringify({ file, ...s }) + '\n')
    })
    return 0
  },
}
