import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { exportCases } from '../../../application/casework/export-cases.js'
import { listCases } from '../../../application/list-cases.js'
import { userDirectory } from '../../../application/staff/user-directory.js'
import { CASE_STATUSES, RIGHTS, localDateInLondon } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page } from '../render.js'
import { staffRoute } from '../route.js'
import { badgesOf, csvLine, daysLeft, kindText, nameOf, statusTag, statusText } from './case-rows.js'
import { registerLogRequest } from './log-routes.js'
import { registerReferRequest } from './refer-routes.js'
import { notificationsFor } from '../../../application/casework/notify-staff.js'
import { assignableColleagues } from '../../../application/casework/bulk-assign.js'
import { can } from '../../../domain/index.js'
import type { FormErrors } from '../render.js'
import { assignedBanner, bulkForm, notificationItems, queryString, shortDate } from './home-parts.js'
import { hrefFor, parseFilters, toQuery, PAGE_SIZE, type ListFilters } from './query.js'
import {
  QUEUE_IDS,
  isQueueId,
  workQueues,
  type QueueId,
  type WorkQueues,
} from '../../../application/casework/work-queues.js'

/** The case list (MoJ filter + sortable table), its CSV export, and logging a new request. */
export function registerCaseList(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, { method: 'GET', url: '/cases', access: 'case:view', handler: (q, r) => listPage(deps, q, r) })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/export.csv',
    access: 'case:view',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const filters = parseFilters(request.query)
      const rows = await exportCases(deps, actor, {
        ...toQuery(filters, actor.id),
        limit: undefined,
        offset: undefined,
      })
      const [directory, controllers] = await Promise.all([userDirectory(deps.pool), listControllers(deps.pool)])
      const today = localDateInLondon(deps.clock.now())
      const head = [
        'Reference',
        'Type',
        'Status',
        'Organisation',
        'Assigned to',
        'Requester',
        'Received',
        'Due',
        'Days left',
        'Extended',
      ]
      const lines = rows.map((r) =>
        csvLine([
          r.reference,
          kindText(r),
          statusText(r.status, r.outcome),
          controllers.find((c) => c.id === r.controllerId)?.shortName ?? r.controllerId,
          nameOf(directory, r.assigneeId),
          r.requesterName,
          r.receivedOn,
          r.dueOn,
          r.dueOn ? daysLeft(today, r.dueOn) : null,
          r.extended ? 'yes' : 'no',
        ]),
      )
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cases-${today}.csv"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${[csvLine(head), ...lines].join('\r\n')}\r\n`)
    },
  })
  registerLogRequest(app, deps)
  registerReferRequest(app, deps)
}

/** The staff home: work queues, notifications, the filtered case list and bulk assignment (issue 14). */
export async function listPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { errors?: FormErrors; assigneeId?: string; selected?: string[] } = {},
) {
  const actor = staffOf(request)
  const filters = parseFilters(request.query)
  const asked = (request.query as Record<string, unknown>).queue
  const queue = isQueueId(asked) ? asked : undefined
  const mayAssign = can(actor.roles, 'case:assign')
  const [result, directory, controllers, queues, notes, people] = await Promise.all([
    listCases(deps, actor, { ...toQuery(filters, actor.id), ...(queue ? { queue } : {}) }),
    userDirectory(deps.pool),
    listControllers(deps.pool),
    workQueues(deps.pool, deps, actor),
    notificationsFor(deps.pool, actor),
    mayAssign ? assignableColleagues(deps, actor) : Promise.resolve([]),
  ])
  const today = localDateInLondon(deps.clock.now())
  const rows = result.rows.map((r) => ({
    ...r,
    ...(['awaiting-identity', 'awaiting-authority', 'awaiting-fee'].includes(r.status) ? { dueOn: null } : {}),
    kind: kindText(r),
    tag: statusTag(r.status, r.outcome),
    assignee: nameOf(directory, r.assigneeId),
    // GOV.UK style: abbreviated months where a table is short of space (one line per case).
    receivedText: shortDate(r.receivedOn),
    dueText:
      r.dueOn && !['awaiting-identity', 'awaiting-authority', 'awaiting-fee'].includes(r.status)
        ? shortDate(r.dueOn)
        : text('casework.list.noDue'),
    days: r.dueOn && !['responded', 'closed', 'withdrawn'].includes(r.status) ? daysLeft(today, r.dueOn) : null,
    // Art 12A(2): while identity, authority or a fee is awaited, the month starts again when it arrives.
    clockStopped: ['awaiting-identity', 'awaiting-authority', 'awaiting-fee'].includes(r.status),
    badges: badgesOf(r, today),
    checked: extra.selected?.includes(r.id) ?? false,
  }))
  const mine = controllers.filter((c) => actor.controllerIds?.includes(c.id) ?? true)
  return page(
    deps,
    request,
    reply,
    'staff/cases/list.njk',
    {
      pageTitle: text('casework.list.title'),
      queues: queueLinks(queues, queue),
      workQueues: queues,
      rows,
      total: result.total,
      filters,
      options: filterOptions(filters, mine),
      selected: selectedTags(filters, mine),
      exportHref: `/staff/cases/export.csv${hrefFor(filters)}`,
      pagination: pagination(filters, result.total),
      passwordChanged: (request.query as Record<string, unknown>).passwordChanged === '1',
      notifications: notificationItems(notes, queues.notifications),
      bulk: mayAssign ? bulkForm(people, extra.assigneeId) : null,
      assignedBanner: assignedBanner(request.query, directory),
      listQuery: queryString(request.query),
      errors: extra.errors,
    },
    extra.errors ? 400 : 200,
  )
}

function filterOptions(f: ListFilters, controllers: { id: string; name: string }[]) {
  const checked = (list: string[], v: string) => list.includes(v)
  return {
    status: CASE_STATUSES.map((s) => ({ value: s, text: statusText(s), checked: checked(f.status, s) })),
    right: RIGHTS.map((r) => ({ value: r, text: text(`casework.rights.${r}`), checked: checked(f.right, r) })),
    caseType: ['rights-request', 'review', 'complaint', 'regulator-case'].map((t) => ({
      value: t,
      text: text(`casework.caseTypes.${t}`),
      checked: checked(f.caseType, t),
    })),
    controller: [
      { value: '', text: text('casework.list.allControllers') },
      ...controllers.map((c) => ({ value: c.id, text: c.name, selected: f.controller === c.id })),
    ],
  }
}

function selectedTags(f: ListFilters, controllers: { id: string; name: string }[]) {
  const cat = (key: keyof ListFilters, heading: string, values: string[], label: (v: string) => string) =>
    values.length
      ? [
          {
            heading: { text: heading },
            items: values.map((v) => ({ href: `/staff/cases${hrefFor(f, { drop: [key, v] })}`, text: label(v) })),
          },
        ]
      : []
  const categories = [
    ...cat('search', text('casework.list.search'), f.search ? [f.search] : [], (v) => v),
    ...cat('mine', text('casework.list.assignment'), f.mine ? ['yes'] : [], () => text('casework.list.mine')),
    ...cat('status', text('casework.list.status'), f.status, statusText),
    ...cat('right', text('casework.list.right'), f.right, (v) => text(`casework.rights.${v}`)),
    ...cat('caseType', text('casework.list.caseType'), f.caseType, (v) => text(`casework.caseTypes.${v}`)),
    ...cat(
      'controller',
      text('casework.list.controller'),
      f.controller ? [f.controller] : [],
      (v) => controllers.find((c) => c.id === v)?.name ?? v,
    ),
    ...cat('show', text('casework.list.show'), f.show === 'all' ? ['all'] : [], () => text('casework.list.showAll')),
  ]
  if (categories.length === 0) return null
  return {
    heading: { text: text('casework.list.selectedFilters') },
    clearLink: { text: text('casework.list.clearFilters'), href: '/staff/cases' },
    categories,
  }
}

function pagination(f: ListFilters, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  if (pages === 1) return null
  return {
    ...(f.page > 1 ? { previous: { href: `/staff/cases${hrefFor(f, { page: f.page - 1 })}` } } : {}),
    ...(f.page < pages ? { next: { href: `/staff/cases${hrefFor(f, { page: f.page + 1 })}` } } : {}),
    items: Array.from({ length: pages }, (_, i) => ({
      number: i + 1,
      href: `/staff/cases${hrefFor(f, { page: i + 1 })}`,
      current: i + 1 === f.page,
    })),
  }
}

/** The work queues as links with their counts, the one being shown marked as current (issue 14). */
function queueLinks(q: WorkQueues, current: QueueId | undefined) {
  return [
    ...QUEUE_IDS.map((id) => ({
      href: `/staff/cases?queue=${id}`,
      text: text(`casework.queues.${id}`),
      count: q.counts[id],
      current: id === current,
    })),
    { href: '/staff/tasks', text: text('casework.queues.my-tasks'), count: q.myTasks, current: false },
  ]
}
