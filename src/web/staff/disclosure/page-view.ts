import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { workbenchPage, type PageRedaction } from '../../../application/disclosure/workbench.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page, str, textOr, type FormErrors } from '../render.js'
import { defaultCodeFor, exemptionGroups, exemptionLabel } from './exemptions.js'
import { overviewUrl, pageParams, pageUrl } from './params.js'

/** The forms on a workbench page; a refused one is shown again with its values and its errors. */
export type FormName = 'decide' | 'all' | 'find' | 'box' | 'withholdPage' | 'withholdDocument'

export interface Refusal {
  form: FormName
  errors: FormErrors
  status: number
}

const DONE = new Set([
  'accepted',
  'rejected',
  'occurrences',
  'pageAccepted',
  'pageRejected',
  'found',
  'box',
  'pageWithheld',
  'pageReleased',
  'documentWithheld',
  'documentReleased',
  'undone',
])

export const STATUS_TAG = { proposed: 'govuk-tag--yellow', accepted: 'app-tag--redacted', rejected: 'govuk-tag--grey' }
const round = (n: number) => Math.round(n * 100) / 100

/** One redaction as the page shows it: numbered like its box on the picture, in words, with its boxes in points. */
function redactionView(r: PageRedaction, number: number) {
  // Boxes found from text are the characters' boxes, a little shorter than the glyphs' ascenders and descenders:
  // drawn with a margin so the picture shows the words covered (the bundle removes the text itself, not pixels).
  const [padTop, padBottom] = r.source === 'box' ? [0, 0] : [0.15, 0.25]
  const boxes = r.rects.map(([x0, y0, x1, y1]) => ({
    x: round(x0 - (r.source === 'box' ? 0 : 0.5)),
    y: round(y0 - (y1 - y0) * padTop),
    width: round(x1 - x0 + (r.source === 'box' ? 0 : 1)),
    height: round((y1 - y0) * (1 + padTop + padBottom)),
  }))
  const first = boxes[0] ?? { x: 0, y: 0, width: 0, height: 0 }
  const badgeWidth = 4 + 4.2 * String(number).length
  const found =
    r.source === 'detected' && r.recogniser === 'same-text-elsewhere' ? 'same-text-elsewhere' : (r.source as string)
  return {
    ...r,
    number,
    typeText: textOr(`disclosure.page.types.${r.type}`, r.type),
    foundText: textOr(`disclosure.page.found.${found}`, found),
    tag: { text: text(`disclosure.page.statusTags.${r.status}`), classes: STATUS_TAG[r.status] },
    exemptionSummary: text('disclosure.page.exemptionSummary', { label: exemptionLabel(r.exemptionCode) }),
    boxes,
    badge: { x: 0, y: round(first.y + first.height / 2 - BADGE_HEIGHT / 2), width: round(badgeWidth), textX: 0 },
    first,
  }
}

const BADGE_HEIGHT = 8

/**
 * Numbers go beside their box, never over the words (issue 14: badges above the box covered the line before, and at
 * the top of the page the first letters): in the page's left margin level with the box's first line, side by side
 * when a line has several, in the order of the boxes. Only when the margin is too narrow does a number go just
 * after its box.
 */
function placeBadges<T extends ReturnType<typeof redactionView>>(views: T[]): T[] {
  const used = new Map<number, number>()
  const order = [...views].sort((a, b) => a.first.y - b.first.y || a.first.x - b.first.x)
  for (const v of order) {
    const line = Math.round(v.badge.y / 4)
    const x = used.get(line) ?? 2
    const fits = x + v.badge.width <= v.first.x - 1.5
    const placed = fits ? x : v.first.x + v.first.width + 1.5
    if (fits) used.set(line, x + v.badge.width + 1.5)
    v.badge.x = round(placed)
    v.badge.textX = round(placed + v.badge.width / 2)
    v.badge.y = Math.max(0, v.badge.y)
  }
  return views
}

/** GOV.UK pagination items: first, last, and the pages around this one, with gaps as ellipses. */
function pageLinks(p: { caseId: string; itemId: string; page: number }, pages: number) {
  const wanted = [...new Set([1, p.page - 1, p.page, p.page + 1, pages])].filter((n) => n >= 1 && n <= pages)
  wanted.sort((a, b) => a - b)
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (const [i, n] of wanted.entries()) {
    if (i > 0 && n - wanted[i - 1]! > 1) items.push({ ellipsis: true })
    items.push({ number: n, href: pageUrl({ ...p, page: n }), current: n === p.page })
  }
  return items
}

/** The workbench page: the picture with its boxes, the list of redactions with their decisions, and every action. */
export async function workbenchPageView(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  refusal?: Refusal,
) {
  const p = pageParams(request)
  const wp = await workbenchPage(deps, staffOf(request), p.caseId, p.itemId, p.page)
  const redactions = placeBadges(wp.redactions.map((r, i) => redactionView(r, i + 1)))
  const q = request.query as Record<string, unknown>
  const done = typeof q.done === 'string' && DONE.has(q.done) ? q.done : null
  const body = refusal ? request.body : {}
  const proposed = redactions.filter((r) => r.status === 'proposed').length
  return page(
    deps,
    request,
    reply,
    'staff/disclosure/page.njk',
    {
      pageTitle: text('disclosure.page.title', { title: wp.item.title, page: wp.page }),
      controllerId: wp.state.controllerId,
      caseId: p.caseId,
      caption: text('disclosure.page.caption', {
        reference: wp.state.reference,
        index: wp.position.index,
        of: wp.position.of,
      }),
      item: wp.item,
      pageNumber: wp.page,
      size: { width: round(wp.size.width), height: round(wp.size.height) },
      urls: {
        here: pageUrl(p),
        overview: overviewUrl(p.caseId),
        image: `${pageUrl(p)}/image.png`,
        previous: p.page > 1 ? pageUrl({ ...p, page: p.page - 1 }) : null,
        next: p.page < wp.item.pageCount ? pageUrl({ ...p, page: p.page + 1 }) : null,
        nextToReview: wp.nextToReview ? pageUrl({ caseId: p.caseId, ...wp.nextToReview }) : null,
      },
      pageLinks: pageLinks(p, wp.item.pageCount),
      redactions,
      proposed,
      withheldPage: wp.withheld ? exemptionLabel(wp.withheld.exemptionCode) : null,
      withheldPageReason: wp.withheld?.reason ?? null,
      withheldDocument: wp.item.withheldCode ? exemptionLabel(wp.item.withheldCode) : null,
      groups: exemptionGroups(
        wp.state,
        wp.redactions.map((r) => r.exemptionCode),
      ),
      defaultCode: defaultCodeFor(wp.state),
      defaultSummary: text('disclosure.page.exemptionSummary', { label: exemptionLabel(defaultCodeFor(wp.state)) }),
      pageText: wp.text.replace(/\n{3,}/g, '\n\n').trim(),
      ocrText: wp.ocrText,
      done,
      doneText: done ? doneText(done, q, redactions) : null,
      posted: refusal
        ? {
            form: refusal.form,
            redactionId: str(body, 'redactionId'),
            exemptionCode: str(body, 'exemptionCode'),
            reason: str(body, 'reason'),
            text: str(body, 'text'),
            scope: str(body, 'scope'),
          }
        : { form: null },
      errors: refusal?.errors,
    },
    refusal?.status ?? 200,
  )
}

function doneText(done: string, q: Record<string, unknown>, redactions: { id: string; number: number }[]) {
  const count = Number(q.n) || 0
  const number = redactions.find((r) => r.id === q.r)?.number ?? ''
  return text(`disclosure.page.done.${done}`, { count, number })
}
