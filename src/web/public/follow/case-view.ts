import type { RequesterCaseView } from '../../../application/portal/follow-case.js'
import { OUTCOME_LABELS, formatLongDate, localDateInLondon } from '../../../domain/index.js'
import type { Controller, WaitingItem } from '../../../domain/index.js'
import { GOVUK_LETTER_CLASSES, letterBodyHtml } from '../../../notifications/letter-html.js'
import { text } from '../../nunjucks.js'
import { caseTitle, statusWords } from '../shared/case-words.js'
import { asHtml } from '../request/check-rows.js'

const F = 'portal.follow.case'

interface Row {
  key: { text: string }
  value: { html: string }
}

function row(key: string, value: string | string[]): Row {
  return { key: { text: text(`${F}.${key}`) }, value: { html: asHtml(value) } }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The date line in plain words: when we will reply, or why there is no date yet. */
function dueWords(view: RequesterCaseView): string | null {
  const { clock, state } = view
  if (!clock.running || !clock.due) return null
  if (clock.awaitingRestart) return text(`${F}.dueAwaiting`)
  const date = formatLongDate(clock.due)
  if (clock.paused) return text(`${F}.duePaused`, { date })
  return state.caseType === 'complaint' ? text(`${F}.dueAim`, { date }) : date
}

export function summaryRows(view: RequesterCaseView, controller: Controller | null): Row[] {
  const { state } = view
  const rows = [
    row('reference', state.reference),
    row('what', caseTitle(state)),
    row('organisation', controller?.name ?? ''),
    row('received', formatLongDate(state.receivedOn)),
    row('status', statusWords(state.status)),
  ]
  const due = dueWords(view)
  if (due) rows.push(row('due', due))
  if (view.clock.running) {
    const waiting = view.waiting.map((w) => waitingWords(w, state.requesterType !== 'self', view.evidenceSent))
    rows.push(row('waiting', waiting.length ? waiting : text(`${F}.waitingNothing`)))
  }
  if (state.outcome) rows.push(row('outcome', capitalised(OUTCOME_LABELS[state.outcome])))
  return rows
}

/** What we wait for, in the requester's words; a fee keeps the domain's sentence because it carries the amount. */
function waitingWords(item: WaitingItem, representative: boolean, sent: RequesterCaseView['evidenceSent']): string {
  if (item.kind === 'fee') return item.text
  // Sent but not yet accepted: say we are checking it, never ask again for what has arrived.
  if (item.kind === 'identity' && sent.identity > 0) return text(`${F}.waitingFor.identityChecking`)
  if (item.kind === 'authority' && sent.authority > 0) return text(`${F}.waitingFor.authorityChecking`)
  if (item.kind === 'identity' && representative) return text(`${F}.waitingFor.identityRepresentative`)
  return text(`${F}.waitingFor.${item.kind}`)
}

/** The letters and messages, newest first; a file links to its download only once it has been released. */
export function conversationItems(view: RequesterCaseView) {
  return view.conversation.map((m) => ({
    from: text(`${F}.${m.direction === 'out' ? 'fromUs' : 'fromYou'}`),
    date: formatLongDate(localDateInLondon(m.at)),
    subject: m.subject,
    // A letter keeps its paragraphs and headings (one level under the item's own heading); a message is plain lines.
    html:
      m.kind === 'letter'
        ? letterBodyHtml(m.body, GOVUK_LETTER_CLASSES).replace(/<(\/?)h2\b/g, '<$1h4')
        : `<p class="govuk-body">${asHtml(m.body)}</p>`,
    files: m.files.map((f) => ({
      filename: f.filename,
      href: f.downloadable ? `/follow/case/documents/${f.id}` : null,
    })),
  }))
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function releasedItems(view: RequesterCaseView) {
  return view.released.map((d) => ({
    href: `/follow/case/documents/${d.id}`,
    filename: d.filename,
    details: `${d.contentType === 'application/pdf' ? 'PDF' : d.contentType.replace(/^.*\//, '').toUpperCase()}, ${fileSize(d.size)}`,
  }))
}
