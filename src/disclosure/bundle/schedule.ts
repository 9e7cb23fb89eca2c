import type { TextBlock } from '../pdf/index.js'
import type { RedactionKind } from '../redact/needles.js'
import { REDACTION_LABELS, plural } from './labels.js'

/** One line of the redaction schedule. Never carries the removed text. */
export interface ScheduleEntry {
  number: number
  /** 1-based page of the bundle. */
  page: number
  kind: RedactionKind
  exemptionCode: string
  citation: string
}

export interface ExemptionNote {
  code: string
  citation: string
  shortName: string
  explanation: string
}

/**
 * The schedule at the end of the bundle: a summary by kind, the exemptions relied on (in words), then every
 * redaction as one row: number, page, kind of information, exemption code and citation.
 */
export function scheduleBlocks(entries: ScheduleEntry[], exemptions: ExemptionNote[]): TextBlock[] {
  const blocks: TextBlock[] = [
    { text: 'Redaction schedule', font: 'bold', size: 16, pageBreakBefore: true },
    {
      text:
        `${plural(entries.length, 'redaction')} in this bundle. Each row below is one removal: where it is, what kind ` +
        'of information it was and the exemption relied on. The removed information itself is not shown.',
      spaceBefore: 8,
    },
  ]
  for (const e of exemptions) {
    blocks.push({ text: `${e.code} — ${e.citation}: ${e.shortName}`, font: 'bold', spaceBefore: 10 })
    blocks.push({ text: e.explanation, spaceBefore: 2 })
  }
  if (entries.length === 0) return blocks
  blocks.push({ text: summary(entries), spaceBefore: 10 })
  const row = (no: string, page: string, kind: string, code: string, citation: string) =>
    `${no.padEnd(6)}${page.padEnd(6)}${kind.padEnd(34)}${code.padEnd(16)}${citation}`
  const lines = [row('No.', 'Page', 'Information removed', 'Exemption', 'Citation'), '-'.repeat(100)]
  for (const e of entries) {
    lines.push(row(String(e.number), String(e.page), REDACTION_LABELS[e.kind], e.exemptionCode, e.citation))
  }
  blocks.push({ text: lines.join('\n'), font: 'mono', size: 8, spaceBefore: 10 })
  return blocks
}

function summary(entries: ScheduleEntry[]): string {
  const counts = new Map<string, number>()
  for (const e of entries) counts.set(REDACTION_LABELS[e.kind], (counts.get(REDACTION_LABELS[e.kind]) ?? 0) + 1)
  return [...counts.entries()].map(([label, n]) => `${label}: ${n}`).join('; ')
}
