import { RIGHTS, formatLongDate, rightDefinition } from '../../../domain/index.js'
import type { Controller } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import type { RequestAnswers } from './answers.js'
import { documentLabel, missingEvidence } from './evidence.js'
import { textOr, whose } from './page-types.js'
import { rightKey } from './pages-about.js'
import { pathOf, type StepId } from './steps.js'

/** Check your answers: one summary list per topic, every answer with a Change link back to its page. */
export interface SummaryRow {
  key: { text: string }
  value: { html: string }
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

export interface SummarySection {
  heading: string
  rows: SummaryRow[]
}

const C = 'portal.request.check'

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Multi-line answers keep their line breaks; everything is escaped first. */
export function asHtml(value: string | string[]): string {
  const lines = Array.isArray(value) ? value : value.split('\n')
  return lines.map(escapeHtml).join('<br>')
}

function row(label: string, value: string | string[], step: StepId): SummaryRow {
  const shown = (Array.isArray(value) ? value.length > 0 : value !== '') ? value : text(`${C}.notGiven`)
  return {
    key: { text: label },
    value: { html: asHtml(shown) },
    actions: {
      items: [{ href: `${pathOf(step)}?change=1`, text: text(`${C}.change`), visuallyHiddenText: label.toLowerCase() }],
    },
  }
}

function requestRows(a: RequestAnswers, controller: Controller | undefined): SummaryRow[] {
  const rows = [
    row(text(`${C}.organisation`), controller?.name ?? '', 'organisation'),
    row(text(`${C}.who`), a.requesterType ? text(`portal.requesterTypes.${a.requesterType}.label`) : '', 'who'),
  ]
  if (a.requesterType !== 'self') rows.push(row(text(`${C}.alive`), text(`${C}.yes`), 'alive'))
  const rights = RIGHTS.filter((r) => a.rights?.includes(r)).map((r) => text(rightKey(a, r, 'title')))
  rows.push(row(text(`${C}.rights`), rights, 'rights'))
  return rows
}

function personRows(a: RequestAnswers): SummaryRow[] {
  return [
    row(text(`${C}.name.${whose(a)}`), a.subjectName ?? '', 'name'),
    row(text(`${C}.otherNames`), a.subjectOtherNames ?? '', 'name'),
    row(text(`${C}.dateOfBirth`), a.dateOfBirth ? formatLongDate(a.dateOfBirth) : '', 'dob'),
  ]
}

function representativeRows(a: RequestAnswers): SummaryRow[] {
  if (!a.representative || a.requesterType === 'self') return []
  const rows = [
    row(text(`${C}.yourName`), a.representative.name, 'representative'),
    row(text(`${C}.relationship`), a.representative.relationship, 'representative'),
  ]
  const { organisation, ownReference, sraNumber } = a.representative
  if (organisation) rows.push(row(text(`${C}.firm`), organisation, 'representative'))
  if (organisation) rows.push(row(text(`${C}.yourReference`), ownReference ?? '', 'representative'))
  if (organisation) rows.push(row(text(`${C}.sra`), sraNumber ?? '', 'representative'))
  return rows
}

function contactRows(a: RequestAnswers): SummaryRow[] {
  const c = a.contact
  const address = c ? [c.line1, c.line2, c.town, c.postcode].filter((l) => l !== '') : []
  return [
    row(text(`${C}.email`), c?.email ?? '', 'contact'),
    row(text(`${C}.phone`), c?.phone ?? '', 'contact'),
    row(text(`${C}.address`), address, 'contact'),
    row(
      text(`${C}.format`),
      a.responseFormat ? text(`portal.request.responseFormat.${a.responseFormat}`) : '',
      'response-format',
    ),
  ]
}

function detailRows(a: RequestAnswers): SummaryRow[] {
  const rows: SummaryRow[] = []
  for (const right of RIGHTS.filter((r) => a.rights?.includes(r))) {
    for (const d of rightDefinition(right).requiredDetails) {
      const label = textOr(`portal.details.${d.field}.label`, d.label)
      rows.push(row(label, a.details?.[right]?.[d.field] ?? '', `details:${right}`))
    }
  }
  return rows
}

function evidenceRows(a: RequestAnswers): SummaryRow[] {
  const rows = [
    row(text(`${C}.evidenceMethod`), a.evidenceMethod ? text(`${C}.method.${a.evidenceMethod}`) : '', 'evidence'),
  ]
  if (a.evidenceMethod === 'none') rows.push(row(text(`${C}.noDocuments`), a.noDocuments ?? '', 'no-documents'))
  if (a.evidenceMethod !== 'upload') return rows
  const files = (a.uploads ?? []).map((u) => `${u.filename} (${documentLabel(u.documentType)})`)
  rows.push(row(text(`${C}.files`), files, 'upload'))
  const missing = missingEvidence(a)
  if (missing.length > 0) rows.push(row(text(`${C}.stillNeeded`), missing, 'upload'))
  return rows
}

export function checkSections(a: RequestAnswers, controller: Controller | undefined): SummarySection[] {
  const sections: SummarySection[] = [
    { heading: text(`${C}.sections.request`), rows: requestRows(a, controller) },
    { heading: text(`${C}.sections.person.${whose(a)}`), rows: personRows(a) },
    { heading: text(`${C}.sections.you`), rows: representativeRows(a) },
    { heading: text(`${C}.sections.contact`), rows: contactRows(a) },
    { heading: text(`${C}.sections.details`), rows: detailRows(a) },
    { heading: text(`${C}.sections.evidence`), rows: evidenceRows(a) },
  ]
  return sections.filter((s) => s.rows.length > 0)
}
