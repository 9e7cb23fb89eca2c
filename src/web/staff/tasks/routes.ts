import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  createSearchTask,
  listMyTasks,
  openTask,
  SEARCH_SCOPES,
  taskRecipientsFor,
} from '../../../application/casework/search-tasks.js'
import { returnSearchMaterial } from '../../../application/casework/return-search-material.js'
import { getCase } from '../../../application/get-case.js'
import { userDirectory } from '../../../application/staff/user-directory.js'
import { can, formatLongDate, isDomainError, localDateInLondon } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { dateField, dateItems, formErrors, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from '../case/summary.js'
import { readStaffUpload, uploadedFiles } from '../uploads.js'

const TASK_READERS = ['task:answer', 'task:assign'] as const

/** "My tasks", answering a search task (material or a nil return), and setting one from a case. */
export function registerTaskRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/tasks',
    access: TASK_READERS,
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const [tasks, directory] = await Promise.all([listMyTasks(deps, actor), userDirectory(deps.pool)])
      const today = localDateInLondon(deps.clock.now())
      const rows = tasks.map((t) => ({
        ...t,
        dueText: formatLongDate(t.dueOn),
        overdue: t.status === 'open' && t.dueOn < today,
        who: t.assigneeId ? (directory.find((u) => u.id === t.assigneeId)?.name ?? '') : t.team,
        mine: t.assigneeId === actor.id || t.team !== null,
      }))
      return page(deps, request, reply, 'staff/tasks/list.njk', {
        pageTitle: text('casework.tasks.title'),
        open: rows.filter((r) => r.status === 'open'),
        done: rows.filter((r) => r.status !== 'open'),
        answered: (request.query as Record<string, unknown>).answered === '1',
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/tasks/:taskId',
    access: TASK_READERS,
    handler: (q, r) => taskPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/tasks/:taskId',
    access: 'task:answer',
    preValidation: readStaffUpload,
    handler: async (request, reply) => {
      const b = request.body
      try {
        await returnSearchMaterial(deps, staffOf(request), (request.params as { taskId: string }).taskId, {
          nilReturn: str(b, 'found') === 'no',
          whereSearched: str(b, 'whereSearched'),
          files: uploadedFiles(request),
        })
        return reply.redirect('/staff/tasks?answered=1', 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', 'conflict'].includes(error.code))
          return taskPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/tasks/new',
    access: 'task:assign',
    handler: (q, r) => newTaskForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/tasks/new',
    access: 'task:assign',
    handler: async (request, reply) => {
      const b = request.body
      const caseId = (request.params as { id: string }).id
      try {
        const dueOn = dateField(b, 'dueOn')
        await createSearchTask(deps, staffOf(request), caseId, {
          ...(str(b, 'assigneeId') ? { assigneeId: str(b, 'assigneeId') } : {}),
          ...(str(b, 'team') ? { team: str(b, 'team') } : {}),
          dueOn: dueOn ?? 'not-a-date',
          identifiers: str(b, 'identifiers')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          scope: list(b, 'scope'),
          instructions: str(b, 'instructions'),
        })
        return reply.redirect(`/staff/cases/${caseId}?done=task#tasks`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return newTaskForm(deps, request, reply, formErrors(error, { dueOn: 'dueOn-day', scope: 'scope' }))
        throw error
      }
    },
  })
}

async function taskPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const actor = staffOf(request)
  const task = await openTask(deps, actor, (request.params as { taskId: string }).taskId)
  const directory = await userDirectory(deps.pool)
  const b = request.body ?? {}
  const mine =
    task.assigneeId === actor.id || (task.team !== null && directory.find((u) => u.id === actor.id)?.team === task.team)
  return page(
    deps,
    request,
    reply,
    'staff/tasks/task.njk',
    {
      pageTitle: text('casework.tasks.taskTitle', { reference: task.caseReference }),
      task,
      dueText: formatLongDate(task.dueOn),
      setBy: directory.find((u) => u.id === task.createdBy)?.name ?? '',
      scopeText: task.scope.map((s) => text(`casework.tasks.scopes.${s}`)).join(', '),
      canAnswer: mine && task.status === 'open' && can(actor.roles, 'task:answer'),
      found: str(b, 'found'),
      whereSearched: str(b, 'whereSearched'),
      errors,
    },
    errors ? 400 : 200,
  )
}

async function newTaskForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), (request.params as { id: string }).id)
  const b = request.body ?? {}
  const s = view.state
  // Only the case's controller's staff, and teams with some of them in (issue 11; the application refuses others).
  const { people, teams } = await taskRecipientsFor(deps.pool, s.controllerId)
  const identifiers =
    request.method === 'GET'
      ? [
          s.subject.name,
          ...(s.subject.otherNames ?? []),
          s.subject.email ?? '',
          s.subject.phone ?? '',
          s.subject.address?.postcode ?? '',
        ]
          .filter(Boolean)
          .join('\n')
      : str(b, 'identifiers')
  return page(
    deps,
    request,
    reply,
    'staff/tasks/new.njk',
    {
      pageTitle: text('casework.tasks.newTitle'),
      caseId: s.id,
      controllerId: s.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      people: [
        { value: '', text: text('casework.tasks.choosePerson') },
        ...people.map((u) => ({ value: u.id, text: u.name, selected: str(b, 'assigneeId') === u.id })),
      ],
      teams: [
        { value: '', text: text('casework.tasks.noTeam') },
        ...teams.map((t) => ({ value: t, text: t, selected: str(b, 'team') === t })),
      ],
      scopes: SEARCH_SCOPES.map((sc) => ({
        value: sc,
        text: text(`casework.tasks.scopes.${sc}`),
        checked: request.method === 'GET' ? ['live', 'closed', 'archived'].includes(sc) : list(b, 'scope').includes(sc),
      })),
      dueItems: dateItems(request.body, 'dueOn'),
      identifiers,
      instructions: str(b, 'instructions'),
      errors,
    },
    errors ? 400 : 200,
  )
}
