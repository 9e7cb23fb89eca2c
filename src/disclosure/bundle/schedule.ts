import type { ProcessingRoute } from '../../domain/index.js'
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
 * The law the response is given under, and where its exemptions come from (uk-rules §6, §9): a law-enforcement
 * (Part 3) response relies on DPA 2018 s.45 and its restrictions, never on the UK GDPR or Schedules 2–4.
 */
export const ROUTE_BASIS: Record<ProcessingRoute, string> = {
  UK_GDPR:
    'We have answered your request under the UK GDPR (Article 15, the right of access). Information was removed ' +
    'only where the UK GDPR or Schedules 2 to 4 to the Data Protection Act 2018 allow it.',
  DPA_PART3:
    'We have answered your request under section 45 of the Data Protection Act 2018 (the right of access to ' +
    'information processed for law enforcement purposes). Information was removed only where a restriction under ' +
    'section 44(4), 45(4) or 45A of that Act, or another provision of its Part 3, allows it.',
}

/**
 * The schedule at the end of the bundle: a summary by kind, the exemptions relied on (in words), then every
 * redaction as one row: number, page, kind of information, exemption code and citation.
 */
export function scheduleBlocks(
  entries: ScheduleEntry[],
  exemptions: ExemptionNote[],
  route?: ProcessingRoute,
): TextBlock[] {
  const blocks: TextBlock[] = [
    { text: 'Redaction schedule', font: 'bold', size: 16, pageBreakBefore: true },
    {
      text:
        `${plural(entries.length, 'redaction')} in this bundle. Each row below is one removal: where it is, what kind ` +
        'of information it was and the exemption relied on. The removed information itself is not shown.' +
        (route ? ` ${ROUTE_BASIS[route]}` : ''),
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
