import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  addCaseDocument,
  openCaseDocument,
  STAFF_DOCUMENT_KINDS,
} from '../../../application/casework/case-documents.js'
import { caseWorkspace } from '../../../application/casework/case-workspace.js'
import { possibleMatches } from '../../../application/casework/possible-matches.js'
import { openReplies, type ReplyNotice } from '../../../application/casework/requester-replies.js'
import { getCase } from '../../../application/get-case.js'
import { actorName, userDirectory, type DirectoryEntry } from '../../../application/staff/user-directory.js'
import { formatLongDate, isDomainError, localDateInLondon } from '../../../domain/index.js'
import type { CaseState } from '../../../domain/index.js'
import type { DocumentKind, DocumentRecord } from '../../../persistence/repositories/document-repository.js'
import { currentMarkings, MARKABLE_KINDS } from '../../../application/release/releasable-files.js'
import { findController } from '../../../persistence/repositories/controller-repository.js'
import { contentDisposition } from '../../downloads.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { FORMAT, formErrors, identity, page, str, textOr, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { readStaffUpload, uploadedFiles } from '../uploads.js'
import { caseLegalHold } from '../governance/retention/legal-holds.js'
import { caseDetails } from './details.js'
import { registerRelatedRoutes } from './related-routes.js'
import { matchRows, registerMatchRoutes } from './match-routes.js'
import { nextSteps } from './next-steps.js'
import { caseSummary } from './summary.js'

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** The case page (clock in plain words, timeline, documents, letters, tasks, messages) and its files. */
export function registerCasePage(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, { method: 'GET', url: '/cases/:id', access: 'case:view', handler: (q, r) => casePage(deps, q, r) })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/documents/:documentId',
    access: 'case:view',
    handler: async (request, reply) => {
      const { documentId } = request.params as { documentId: string }
      const doc = await openCaseDocument(deps, staffOf(request), idOf(request), documentId)
      // Downloaded, never shown inline: nothing a requester or colleague uploaded runs in our origin.
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', contentDisposition(doc.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(doc.bytes)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/documents/new',
    access: ['case:work', 'case:log'],
    handler: (q, r) => uploadForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/documents',
    access: ['case:work', 'case:log'],
    preValidation: readStaffUpload,
    handler: async (request, reply) => {
      const file = uploadedFiles(request)[0]
      try {
        if (!file)
          return uploadForm(deps, request, reply, {
            summary: [{ text: text('casework.documents.fileMissing'), href: '#file' }],
            fields: { file: { text: text('casework.documents.fileMissing') } },
          })
        await addCaseDocument(deps, staffOf(request), idOf(request), {
          kind: str(request.body, 'kind') as DocumentKind,
          file,
        })
        return reply.redirect(`/staff/cases/${idOf(request)}?done=document#documents`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return uploadForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  registerRelatedRoutes(app, deps)
  registerMatchRoutes(app, deps)
}

async function casePage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const actor = staffOf(request)
  const view = await getCase(deps, actor, idOf(request))
  const [ws, directory, controller, who] = await Promise.all([
    caseWorkspace(deps.pool, actor, view.state),
    userDirectory(deps.pool),
    findController(deps.pool, view.state.controllerId),
    identity(deps, request, view.state.controllerId),
  ])
  const today = localDateInLondon(deps.clock.now())
  const query = request.query as Record<string, unknown>
  const replies = await openReplies(deps.pool, actor, view.state, deps.clock.now())
  return page(deps, request, reply, 'staff/case/page.njk', {
    ...matchRows(await possibleMatches(deps.pool, actor, view.state), request),
    replies: replyLines(replies),
    pageTitle: `${view.state.reference}: ${view.state.subject.name}`,
    controllerId: view.state.controllerId,
    controllerName: controller?.name ?? '',
    summary: caseSummary(view, today),
    details: caseDetails(view.state, directory),
    steps: who.may ? nextSteps(view.state, ws, who.may) : [],
    ws,
    letterStatus: letterStatuses(view.state, ws.letters),
    timeline: view.timeline
      .slice()
      .reverse()
      .map((e) => ({
        label: { text: withNames(e.description, directory, ws.related) },
        byline: { text: actorName(directory, e.actorId) },
        datetime: { timestamp: londonWallTime(e.at), type: 'datetime' },
      })),
    nameOf: (actorId: string) => actorName(directory, actorId),
    marked: Object.fromEntries([...(await currentMarkings(deps.pool, view.state.id)).keys()].map((k) => [k, true])),
    markable: (d: DocumentRecord) =>
      !d.purgedAt && d.contentType === 'application/pdf' && MARKABLE_KINDS.includes(d.kind),
    kindOf: (kind: string) => textOr(`casework.documentKinds.${kind}`, kind),
    done: typeof query.done === 'string' ? query.done : null,
    logged: query.logged === '1',
    legalHold: await caseLegalHold(deps.pool, view.state.id),
  })
}

/** What each letter is now: sent, the version under review or approved, the draft in hand, or superseded. */
function letterStatuses(state: CaseState, letters: { id: string; sentAt: Date | null; outcome: string | null }[]) {
  const status: Record<string, string> = {}
  let draftSeen = false
  for (const l of letters) {
    if (l.sentAt) status[l.id] = text('casework.letters.sentOn', { date: FORMAT.date(l.sentAt) })
    else if (state.draft?.letterId === l.id)
      status[l.id] = text(state.status === 'approved' ? 'casework.letters.approved' : 'casework.letters.inReview')
    // An appeal's outcome letter is signed off by the decision itself, never submitted as a draft (issue 14).
    else if (state.status === 'approved' && state.approval?.letterId === l.id)
      status[l.id] = text('casework.letters.decided')
    else if (!draftSeen && state.status === 'in-progress') {
      draftSeen = true
      status[l.id] = text('casework.letters.draft')
    } else status[l.id] = text('casework.letters.earlierVersion')
  }
  return status
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** The domain describes events with ids; people read names and case references. */
export function withNames(
  description: string,
  directory: DirectoryEntry[],
  cases: { id: string; reference: string }[],
) {
  return description.replace(
    UUID,
    (id) => directory.find((u) => u.id === id)?.name ?? cases.find((c) => c.id === id)?.reference ?? id,
  )
}

/**
 * MoJ's timeline formats times with moment in the server's time zone; handing it the London wall-clock time without
 * an offset shows London time whatever zone the server runs in.
 */
export function londonWallTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
}

async function uploadForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  return page(
    deps,
    request,
    reply,
    'staff/case/upload.njk',
    {
      pageTitle: text('casework.documents.addTitle'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      kinds: STAFF_DOCUMENT_KINDS.map((k) => ({
        value: k,
        text: text(`casework.documentKinds.${k}`),
        checked: str(request.body, 'kind') === k,
      })),
      errors,
    },
    errors ? 400 : 200,
  )
}

/** The "requester replied" banner, in plain words with the dates that matter to the clock (issue 14). */
function replyLines(n: ReplyNotice): string[] {
  if (n.repliedOn.length === 0) return []
  const dates = (ds: string[]) => ds.map((d) => formatLongDate(d)).join(', ')
  const lines = [text('casework.case.replied', { dates: dates(n.repliedOn) })]
  for (const on of n.clarificationReceivedOn)
    lines.push(text('casework.case.clarificationReceived', { date: formatLongDate(on) }))
  if (n.toCheck.length)
    lines.push(
      text('casework.case.replyToCheck', {
        what: n.toCheck.map((k) => text(`casework.case.replyCheck.${k}`)).join(', '),
      }),
    )
  return lines
}
