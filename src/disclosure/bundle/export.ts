import type { DocumentKind } from '../ingest/index.js'
import { matchNeedles, type NeedleSet } from '../redact/needles.js'
import { REDACTION_LABELS } from './labels.js'
import type { ScheduleEntry } from './schedule.js'

/** One file of the machine-readable export. */
export interface ExportFile {
  name: string
  content: string
}

export interface ExportDocument {
  number: number
  title: string
  kind: DocumentKind
  firstPage: number
  pageCount: number
}

export interface ExportInput {
  reference: string
  controllerName: string
  date: string
  documents: ExportDocument[]
  redactions: ScheduleEntry[]
  needles: NeedleSet
  /** Text of every page of the verified bundle: each document's text is cut from here. */
  pageTexts: string[]
}

/**
 * The bundle's content in a structured, commonly used, machine-readable form (UK GDPR Art 20): bundle.json, the
 * same as documents.csv and redactions.csv, and schema.json describing every field. Titles pass through the same
 * redaction matcher as the pages; the texts come from the verified PDF, so nothing redacted there appears here.
 */
export function portabilityExport(input: ExportInput): ExportFile[] {
  const documents = input.documents.map((d) => ({
    number: d.number,
    title: redactString(d.title, input.needles),
    kind: d.kind,
    firstPage: d.firstPage,
    pageCount: d.pageCount,
    // Pages joined by form feeds, exactly as read back from the verified PDF.
    text: input.pageTexts.slice(d.firstPage - 1, d.firstPage - 1 + d.pageCount).join('\f'),
  }))
  const redactions = input.redactions.map((r) => ({ ...r, description: REDACTION_LABELS[r.kind] }))
  const bundle = {
    reference: input.reference,
    controller: input.controllerName,
    date: input.date,
    documents,
    redactions,
  }
  return [
    { name: 'bundle.json', content: JSON.stringify(bundle, null, 2) + '\n' },
    {
      name: 'documents.csv',
      content: csv(
        ['number', 'title', 'kind', 'first_page', 'page_count', 'text'],
        documents.map((d) => [d.number, d.title, d.kind, d.firstPage, d.pageCount, d.text]),
      ),
    },
    {
      name: 'redactions.csv',
      content: csv(
        ['number', 'page', 'kind', 'description', 'exemption_code', 'citation'],
        redactions.map((r) => [r.number, r.page, r.kind, r.description, r.exemptionCode, r.citation]),
      ),
    },
    { name: 'schema.json', content: JSON.stringify(SCHEMA, null, 2) + '\n' },
  ]
}

/** Replaces every redacted string in a short text (a title) with a marker. */
export function redactString(text: string, needles: NeedleSet): string {
  const ranges = matchNeedles(text, needles)
    .map((m) => m.range)
    .sort((a, b) => b[0] - a[0])
  let out = text
  let limit = Infinity
  for (const [start, end] of ranges) {
    if (end > limit) continue // overlaps a range already replaced
    out = out.slice(0, start) + '[redacted]' + out.slice(end)
    limit = start
  }
  return out
}

function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v)
    return /[",\n\r\f]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Disclosure bundle export',
  description:
    'The content of a disclosure bundle. bundle.json holds everything; documents.csv and redactions.csv hold the ' +
    'same documents and redactions as tables (RFC 4180, UTF-8), with the columns named below in snake_case.',
  type: 'object',
  properties: {
    reference: { type: 'string', description: 'Case reference printed on every page of the bundle.' },
    controller: { type: 'string', description: 'The organisation disclosing the data.' },
    date: { type: 'string', description: 'Date of the bundle as printed on its cover.' },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          number: { type: 'integer', description: 'Position in the contents list, from 1.' },
          title: { type: 'string', description: 'Document title (email subject or file name), redacted.' },
          kind: { enum: ['pdf', 'docx', 'xlsx', 'csv', 'text', 'email', 'msg', 'image'] },
          firstPage: { type: 'integer', description: 'Bundle page where the document starts (first_page in CSV).' },
          pageCount: { type: 'integer', description: 'Number of pages (page_count in CSV).' },
          text: { type: 'string', description: 'Disclosed text of the document; pages separated by form feeds.' },
        },
      },
    },
    redactions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          number: { type: 'integer', description: 'Row of the redaction schedule.' },
          page: { type: 'integer', description: 'Bundle page of the redaction.' },
          kind: { type: 'string', description: 'Kind of information removed (a code, e.g. PERSON, EMAIL, TERM).' },
          description: { type: 'string', description: 'The kind in words.' },
          exemptionCode: { type: 'string', description: 'Exemption relied on (exemption_code in CSV).' },
          citation: { type: 'string', description: 'Legal citation of the exemption.' },
        },
      },
    },
  },
}
