import type { TextBlock } from '../pdf/index.js'
import type { DocumentKind } from '../ingest/index.js'
import { DOCUMENT_LABELS, plural } from './labels.js'

export interface BundleFacts {
  reference: string
  controllerName: string
  /** As printed on the cover, e.g. "14 May 2026". */
  dateText: string
}

export interface ContentsEntry {
  title: string
  kind: DocumentKind
  firstPage: number
  pageCount: number
}

/** The cover sheet: who is disclosing, for which case, when, and how to read the black boxes. */
export function coverBlocks(facts: BundleFacts, totals: { documents: number }): TextBlock[] {
  return [
    { text: 'Your personal data', font: 'bold', size: 20, spaceBefore: 40 },
    { text: 'Response to your subject access request', font: 'bold', size: 14, spaceBefore: 6 },
    { rule: true, text: '', spaceBefore: 12 },
    { label: 'Case reference:', labelWidth: 110, text: facts.reference, size: 11, spaceBefore: 8 },
    { label: 'From:', labelWidth: 110, text: facts.controllerName, size: 11 },
    { label: 'Date:', labelWidth: 110, text: facts.dateText, size: 11 },
    { label: 'Contents:', labelWidth: 110, text: plural(totals.documents, 'document'), size: 11 },
    { rule: true, text: '', spaceBefore: 8 },
    {
      text:
        'This bundle contains copies of the personal data we hold about you. Where information has been removed ' +
        'you will see a black box. The removed information is not in this file. The redaction schedule at the end ' +
        'lists every removal: the page, the kind of information removed and the legal exemption we relied on.',
      spaceBefore: 12,
    },
    {
      text:
        'If you think information has been removed wrongly, or that something is missing, you can ask us to review ' +
        'our response. You also have the right to complain to the Information Commissioner’s Office (ico.org.uk).',
      spaceBefore: 8,
    },
    {
      text: 'Every page carries the case reference and its page number, so you can refer to any page when you contact us.',
      spaceBefore: 8,
    },
  ]
}

/** The contents list: every document with its first page. Titles are redacted like any other page text. */
export function contentsBlocks(entries: ContentsEntry[]): TextBlock[] {
  const blocks: TextBlock[] = [
    { text: 'Contents', font: 'bold', size: 16, pageBreakBefore: true },
    { label: 'Page', labelWidth: 48, text: 'Document', font: 'bold', spaceBefore: 10 },
    { rule: true, text: '' },
  ]
  for (const e of entries) {
    const kind = `${DOCUMENT_LABELS[e.kind]}, ${plural(e.pageCount, 'page')}`
    blocks.push({ label: String(e.firstPage), labelWidth: 48, text: `${e.title} (${kind})`, spaceBefore: 3 })
  }
  if (entries.length === 0) blocks.push({ text: 'No documents.' })
  blocks.push({ label: 'Schedule', labelWidth: 48, text: 'Redaction schedule', spaceBefore: 10 })
  return blocks
}
