import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  decideMany,
  decideRedaction,
  redactBox,
  type DecidedRedaction,
  type SingleDecision,
  redactText,
  type Decision,
} from '../../../application/disclosure/decisions.js'
import { withhold } from '../../../application/disclosure/withhold.js'
import { DomainError, isDomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, str } from '../render.js'
import { staffRoute } from '../route.js'
import { pageParams, pageUrl, UUID, type PageParams } from './params.js'
import { STATUS_TAG, workbenchPageView, type FormName } from './page-view.js'

const PAGE = '/cases/:id/disclosure/items/:itemId/pages/:page'

type Done = { done: string; n?: number; r?: string; json?: unknown }
type Action = (request: FastifyRequest, p: PageParams) => Promise<Done>

/** Where each form's fields are on the page, for the error summary's links. */
const FIELD_IDS: Record<FormName, (body: unknown) => Record<string, string>> = {
  decide: (b) => ({
    exemptionCode: `exemptionCode-${str(b, 'redactionId')}`,
    reason: `reason-${str(b, 'redactionId')}`,
    redactionId: 'redactions-heading',
    decision: 'redactions-heading',
  }),
  all: () => ({ exemptionCode: 'all-exemptionCode', reason: 'all-reason', decision: 'all-heading' }),
  find: () => ({ text: 'find-text', scope: 'find-scope', exemptionCode: 'find-exemptionCode', reason: 'find-reason' }),
  box: () => ({ rect: 'box-hint', exemptionCode: 'box-exemptionCode', reason: 'box-reason' }),
  withholdPage: () => ({ exemptionCode: 'page-exemptionCode', reason: 'page-reason', withhold: 'page-withhold' }),
  withholdDocument: () => ({
    exemptionCode: 'document-exemptionCode',
    reason: 'document-reason',
    withhold: 'document-withhold',
  }),
}

const invalid = (field: string, key: string) =>
  new DomainError('validation', key, { fields: { [field]: text(`disclosure.page.errors.${key}`) } })

function decisionOf(body: unknown): Decision {
  const d = str(body, 'decision')
  if (d !== 'accepted' && d !== 'rejected') throw invalid('decision', 'chooseDecision')
  return d
}

/** One redaction's decision, or putting it back to proposed ("undo" on the workbench's keyboard, issue 14). */
function singleDecisionOf(body: unknown): SingleDecision {
  return str(body, 'decision') === 'proposed' ? 'proposed' : decisionOf(body)
}

/**
 * The workbench's script asks for JSON (Accept: application/json) so a decision needs no page reload (issue 14);
 * a browser without it follows the redirect as before.
 */
const wantsJson = (request: FastifyRequest) => /\bapplication\/json\b/.test(String(request.headers.accept ?? ''))

/** What the script needs to redraw one redaction and the page's "accept all" panel, in the page's own words. */
function decidedJson(d: DecidedRedaction, number: string) {
  const done = { accepted: 'accepted', rejected: 'rejected', proposed: 'undone' }[d.status]
  const n = d.proposedOnPage
  return {
    redaction: {
      id: d.id,
      status: d.status,
      version: d.version,
      tag: { text: text(`disclosure.page.statusTags.${d.status}`), classes: STATUS_TAG[d.status] },
    },
    proposedOnPage: n,
    acceptPageText: n === 1 ? text('disclosure.page.acceptPageOne') : text('disclosure.page.acceptPage', { count: n }),
    rejectPageText: n === 1 ? text('disclosure.page.rejectPageOne') : text('disclosure.page.rejectPage', { count: n }),
    message: text(`disclosure.page.done.${done}`, { number: /^\d{1,4}$/.test(number) ? number : '' }),
  }
}

const choice = (body: unknown) => ({ exemptionCode: str(body, 'exemptionCode'), reason: str(body, 'reason') })

/**
 * Every decision is a small POST form that works without JavaScript, then back to the same page (POST-redirect-GET)
 * with a banner saying what was done. A refusal (a stale decision, a bad code, nothing found) shows the page again
 * with the GOV.UK error summary: 409 for a conflict with someone else's decision, 422 for what was entered.
 */
export function registerDecisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = (path: string, form: FormName, action: Action) =>
    staffRoute(app, {
      method: 'POST',
      url: `${PAGE}/${path}`,
      access: 'case:work',
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const p = pageParams(request)
        try {
          const done = await action(request, p)
          if (done.json !== undefined && wantsJson(request)) return reply.send(done.json)
          const query = new URLSearchParams({ done: done.done })
          if (done.n !== undefined) query.set('n', String(done.n))
          if (done.r) query.set('r', done.r)
          return reply.redirect(`${pageUrl(p)}?${query}`, 303)
        } catch (error) {
          if (!isDomainError(error) || !['validation', 'conflict'].includes(error.code)) throw error
          const errors = formErrors(error, FIELD_IDS[form](request.body))
          if (wantsJson(request))
            return reply.code(error.code === 'conflict' ? 409 : 422).send({
              message: error.code === 'conflict' ? error.message : (errors.summary[0]?.text ?? error.userMessage),
              fields: errors.fields,
            })
          // The workbench's refusals are written for the reviewer (what happened, what to do): shown as they are. A
          // stale decision points at the redaction concerned, now shown as the other reviewer left it.
          if (error.code === 'conflict') {
            const id = str(request.body, 'redactionId')
            errors.summary = [{ text: error.message, href: form === 'decide' ? `#redaction-${id}` : '#main-content' }]
          }
          return workbenchPageView(deps, request, reply, {
            form,
            errors,
            status: error.code === 'conflict' ? 409 : 422,
          })
        }
      },
    })

  post('decide', 'decide', async (request, p) => {
    const b = request.body
    const redactionId = str(b, 'redactionId')
    if (!UUID.test(redactionId)) throw invalid('redactionId', 'chooseRedaction')
    const actor = staffOf(request)
    if (str(b, 'occurrences') === 'all') {
      const n = await decideMany(
        deps,
        actor,
        p.caseId,
        { sameTextAs: redactionId },
        { decision: 'accepted', ...choice(b) },
      )
      return { done: 'occurrences', n }
    }
    const decision = singleDecisionOf(b)
    const version = Number(str(b, 'version'))
    if (!Number.isInteger(version) || str(b, 'version') === '') throw invalid('redactionId', 'chooseRedaction')
    const decided = await decideRedaction(deps, actor, p.caseId, redactionId, { decision, version, ...choice(b) })
    return {
      done: decision === 'proposed' ? 'undone' : decision,
      r: redactionId,
      json: decidedJson(decided, str(b, 'number')),
    }
  })

  post('decide-all', 'all', async (request, p) => {
    const decision = decisionOf(request.body)
    const scope = { itemId: p.itemId, page: p.page }
    const n = await decideMany(deps, staffOf(request), p.caseId, scope, { decision, ...choice(request.body) })
    return { done: decision === 'accepted' ? 'pageAccepted' : 'pageRejected', n }
  })

  post('find', 'find', async (request, p) => {
    const b = request.body
    const scope = str(b, 'scope')
    if (!['page', 'document', 'case'].includes(scope)) throw invalid('scope', 'scope')
    const n = await redactText(deps, staffOf(request), p.caseId, {
      text: str(b, 'text'),
      ...(scope !== 'case' ? { itemId: p.itemId } : {}),
      ...(scope === 'page' ? { page: p.page } : {}),
      source: str(b, 'source') === 'selection' ? 'selection' : 'search',
      ...choice(b),
    })
    return { done: 'found', n }
  })

  post('box', 'box', async (request, p) => {
    const b = request.body
    const [x0, y0, x1, y1] = ['x0', 'y0', 'x1', 'y1'].map((k) => (str(b, k) === '' ? NaN : Number(str(b, k))))
    if (![x0, y0, x1, y1].every(Number.isFinite)) throw invalid('rect', 'box')
    const rect: [number, number, number, number] = [
      Math.min(x0!, x1!),
      Math.min(y0!, y1!),
      Math.max(x0!, x1!),
      Math.max(y0!, y1!),
    ]
    await redactBox(deps, staffOf(request), p.caseId, { itemId: p.itemId, page: p.page, rect, ...choice(b) })
    return { done: 'box' }
  })

  for (const [path, form, whole] of [
    ['withhold', 'withholdPage', false],
    ['withhold-document', 'withholdDocument', true],
  ] as const)
    post(path, form, async (request, p) => {
      const w = str(request.body, 'withhold')
      if (w !== 'yes' && w !== 'no') throw invalid('withhold', 'chooseWithhold')
      await withhold(deps, staffOf(request), p.caseId, {
        itemId: p.itemId,
        ...(whole ? {} : { page: p.page }),
        withhold: w === 'yes',
        ...choice(request.body),
      })
      const what = whole ? 'document' : 'page'
      return { done: `${what}${w === 'yes' ? 'Withheld' : 'Released'}` }
    })
}
