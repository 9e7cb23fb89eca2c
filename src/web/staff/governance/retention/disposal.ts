import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { auditActorId } from '../../../../application/actor.js'
import type { AppDeps } from '../../../../application/deps.js'
import { approveDisposalList, proposeDisposalList } from '../../../../application/governance/disposal-list.js'
import {
  DISPOSAL_READERS,
  disposalListDetail,
  listDisposalLists,
} from '../../../../application/governance/disposal-views.js'
import { loadRetentionRules } from '../../../../application/governance/retention-rules.js'
import { actorName, userDirectory } from '../../../../application/staff/user-directory.js'
import { can, formatLongDate, isDomainError, localDateInLondon } from '../../../../domain/index.js'
import { listControllers } from '../../../../persistence/repositories/controller-repository.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { FORMAT, fieldError, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { registerDisposalDecisionRoutes } from './disposal-decisions.js'
import { caseTypeText, monthText, outcomeText, ruleText } from './labels.js'
const STATUS_TAGS: Record<string, string> = {
  proposed: 'govuk-tag--yellow',
  approved: 'govuk-tag--blue',
  completed: 'govuk-tag--green',
  rejected: 'govuk-tag--grey',
}
const RESULT_TAGS: Record<string, string> = {
  disposed: 'govuk-tag--grey',
  anonymised: 'govuk-tag--grey',
  'skipped-legal-hold': 'govuk-tag--orange',
  'skipped-not-due': 'govuk-tag--blue',
  'already-gone': 'govuk-tag--grey',
  pending: 'govuk-tag--yellow',
}

const listIdOf = (request: FastifyRequest) => (request.params as { listId: string }).listId
const statusOf = (status: string) => ({
  text: text(`retention.disposal.statuses.${status}`),
  classes: STATUS_TAGS[status],
})

/**
 * Monthly disposal lists (issue 6; UK GDPR Art 5(1)(e)): the DP manager proposes, the authorising officer approves
 * (four eyes: never the proposer), and only then does the disposal job run. Disposal cannot be undone, so approval
 * needs an explicit confirmation that the list has been checked.
 */
export function registerDisposalRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/disposal',
    access: [...DISPOSAL_READERS],
    handler: (q, r) => listsPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/disposal',
    access: 'retention:propose',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const month = localDateInLondon(deps.clock.now()).slice(0, 7)
      const mine = await controllersOf(deps, actor)
      // Each organisation has its own list (issue 11): the officer says whose, unless they work for one only.
      const controllerId = mine.length === 1 ? mine[0]!.id : str(request.body, 'controllerId')
      if (!mine.some((c) => c.id === controllerId))
        return listsPage(deps, request, reply, fieldError('controllerId', 'retention.disposal.organisationMissing'))
      // One list a month awaits approval at a time for each organisation; a second would only repeat the first.
      const waiting = (await listDisposalLists(deps, actor)).find(
        (l) => l.month === month && l.status === 'proposed' && l.controllerId === controllerId,
      )
      if (waiting) {
        const message = text('retention.disposal.waiting', { month: monthText(month) })
        return listsPage(deps, request, reply, {
          summary: [{ text: message, href: `/staff/governance/disposal/${waiting.id}` }],
          fields: {},
        })
      }
      const list = await proposeDisposalList(deps, actor, month, controllerId)
      return reply.redirect(`/staff/governance/disposal/${list.id}?proposed=1`, 303)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/disposal/:listId',
    access: [...DISPOSAL_READERS],
    handler: (q, r) => listPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/disposal/:listId/approve',
    access: 'retention:approve',
    handler: async (request, reply) => {
      if (str(request.body, 'confirm') !== 'checked')
        return listPage(deps, request, reply, fieldError('confirm', 'retention.list.confirmMissing'), 422)
      try {
        await approveDisposalList(deps, staffOf(request), listIdOf(request))
        return reply.redirect(`/staff/governance/disposal/${listIdOf(request)}?approved=1`, 303)
      } catch (error) {
        // The application layer refuses the proposer (four eyes) and a list already decided: say so on the list.
        if (isDomainError(error) && ['four-eyes', 'conflict'].includes(error.code))
          return listPage(deps, request, reply, formErrors(error), 409)
        throw error
      }
    },
  })
  registerDisposalDecisionRoutes(app, deps, listPage)
}

/** The organisations the officer works for, by name. */
async function controllersOf(deps: AppDeps, actor: { controllerIds: readonly string[] | null }) {
  return (await listControllers(deps.pool)).filter((c) => actor.controllerIds?.includes(c.id) ?? true)
}

async function listsPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const actor = staffOf(request)
  const [lists, directory, mine] = await Promise.all([
    listDisposalLists(deps, actor),
    userDirectory(deps.pool),
    controllersOf(deps, actor),
  ])
  const nameOf = (id: string | null) => mine.find((c) => c.id === id)?.name ?? ''
  return page(
    deps,
    request,
    reply,
    'staff/governance/retention/disposal-lists.njk',
    {
      pageTitle: text('retention.disposal.title'),
      today: formatLongDate(localDateInLondon(deps.clock.now())),
      // Several organisations: the officer chooses whose list to propose, and each list says whose it is.
      organisations:
        mine.length > 1
          ? mine.map((c) => ({ value: c.id, text: c.name, checked: str(request.body, 'controllerId') === c.id }))
          : null,
      lists: lists.map((l) => ({
        ...l,
        organisation: nameOf(l.controllerId),
        monthText: monthText(l.month),
        status: statusOf(l.status),
        proposedByName: actorName(directory, l.proposedBy),
        approvedByName: l.approvedBy ? actorName(directory, l.approvedBy) : null,
        disposedText: l.status === 'completed' || l.disposedCount ? String(l.disposedCount) : null,
      })),
      errors,
    },
    errors ? (errors.fields.controllerId ? 422 : 409) : 200,
  )
}

async function listPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  status?: number,
) {
  const actor = staffOf(request)
  const [list, rules, directory] = await Promise.all([
    disposalListDetail(deps, actor, listIdOf(request)),
    loadRetentionRules(deps.pool),
    userDirectory(deps.pool),
  ])
  const query = request.query as Record<string, unknown>
  const month = monthText(list.month)
  const maySeeCase = can(actor.roles, 'case:view')
  return page(
    deps,
    request,
    reply,
    'staff/governance/retention/disposal-list.njk',
    {
      pageTitle: text('retention.list.title', { month }),
      list,
      ...(list.controllerId ? { controllerId: list.controllerId } : {}),
      month,
      status: statusOf(list.status),
      proposedText: text('retention.list.proposed', {
        who: actorName(directory, list.proposedBy),
        date: FORMAT.date(list.proposedAt),
      }),
      approvedText:
        list.approvedBy && list.approvedAt
          ? text('retention.list.approved', {
              who: actorName(directory, list.approvedBy),
              date: FORMAT.date(list.approvedAt),
            })
          : null,
      completedText: list.completedAt
        ? text('retention.list.completed', { date: FORMAT.date(list.completedAt) })
        : null,
      items: list.items.map((i) => ({
        ...i,
        // A disposed case has no page any more; a live one is linked for anyone who may open cases.
        href: maySeeCase && ['pending', 'skipped-legal-hold', 'skipped-not-due'].includes(i.result),
        caseTypeText: caseTypeText(i.caseType),
        endedText: FORMAT.date(i.endedOn),
        outcomeText: outcomeText(i.outcome),
        ruleText: `${ruleText(rules, i.ruleId)} (${text(`retention.actions.${i.action}`).toLowerCase()})`,
        retainUntilText: FORMAT.date(i.retainUntil),
        resultTag: { text: text(`retention.list.results.${i.result}`), classes: RESULT_TAGS[i.result] },
      })),
      records: list.records.map((r) => ({
        ...r,
        caseTypeText: caseTypeText(r.caseType),
        receivedText: FORMAT.date(r.receivedOn),
        closedText: FORMAT.date(r.closedOn),
        outcomeText: outcomeText(r.outcome),
        ruleText: ruleText(rules, r.ruleId),
        actionText: text(`retention.actions.${r.action}`),
        authorisedByName: actorName(directory, r.authorisedBy),
        disposedText: FORMAT.dateTime(r.disposedAt),
      })),
      rejectedText:
        list.rejectedBy && list.rejectedAt
          ? text('retention.list.rejected', {
              who: actorName(directory, list.rejectedBy),
              date: FORMAT.date(list.rejectedAt),
            })
          : null,
      removed: list.removed.map((r) => ({
        ...r,
        caseTypeText: caseTypeText(r.caseType),
        removedText: text('retention.list.rejected', {
          who: actorName(directory, r.removedBy),
          date: FORMAT.date(r.removedAt),
        }),
      })),
      summaryText: text('retention.list.summary', { disposed: list.disposedCount, total: list.itemCount }),
      canApprove: list.status === 'proposed' && can(actor.roles, 'retention:approve'),
      ownList: list.proposedBy === auditActorId(actor),
      proposedBanner: query.proposed === '1',
      approvedBanner: query.approved === '1',
      rejectedBanner: query.rejected === '1',
      // Only a reference really taken off this list is echoed back in the banner.
      removedBanner: list.removed.find((r) => r.reference === query.removed)?.reference ?? null,
      reason: str(request.body, 'reason'),
      errors,
    },
    status ?? (errors ? 422 : 200),
  )
}
