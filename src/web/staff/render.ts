import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../application/deps.js'
import { listControllers } from '../../persistence/repositories/controller-repository.js'
import { can, type DomainError, type Permission } from '../../domain/index.js'
import { dateFromParts } from '../date-input.js'
import { text } from '../nunjucks.js'
import { govukTime } from './clock-time.js'
import { workQueues, type WorkQueues } from '../../application/casework/work-queues.js'
import type { Actor } from '../../application/actor.js'

/** What every staff page passes to layouts/staff.njk: who is signed in and for which controller(s). */
export async function identity(deps: AppDeps, request: FastifyRequest, controllerId?: string, counted?: WorkQueues) {
  const actor = request.staff
  if (!actor) return {}
  // The navigation shows what waits for this person on every page (issue 14): one statement, or none when the page
  // has just counted them itself (the staff home).
  const [controllers, queues] = await Promise.all([listControllers(deps.pool), navCountsOf(deps, actor, counted)])
  const mine = controllers.filter((c) => actor.controllerIds?.includes(c.id) ?? true)
  const shown = controllerId ? mine.filter((c) => c.id === controllerId) : mine
  return {
    fmt: FORMAT,
    user: { name: actor.name },
    controller: { name: shown.map((c) => c.name).join(' and ') },
    may: (p: Permission) => can(actor.roles, p),
    navCounts: queues,
  }
}

/** The counts in the navigation; staff who only answer search tasks (no case list) get their task count alone. */
async function navCountsOf(deps: AppDeps, actor: Actor, counted?: WorkQueues) {
  if (counted ?? can(actor.roles, 'case:view')) {
    const q = counted ?? (await workQueues(deps.pool, deps, actor))
    return { waiting: q.counts['waiting-for-me'], tasks: q.myTasks }
  }
  if (!can(actor.roles, 'task:answer')) return null
  const r = await deps.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM search_tasks WHERE assignee_id = $1 AND status = 'open'`,
    [actor.id],
  )
  return { waiting: 0, tasks: Number(r.rows[0]?.n ?? 0) }
}

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/** Dates and times on staff pages, always in London time whatever zone the server runs in. */
export const FORMAT = {
  date: (d: Date | string | null) => (d ? londonDate.format(new Date(d)) : ''),
  dateTime: (d: Date | string | null) => (d ? `${londonDate.format(new Date(d))} at ${govukTime(new Date(d))}` : ''),
}

export async function page(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  status = 200,
) {
  const who = await identity(
    deps,
    request,
    data.controllerId as string | undefined,
    data.workQueues as WorkQueues | undefined,
  )
  // The shell fills these for GET pages only; a form shown again after a POST needs them too.
  const locals = reply.locals ?? {}
  const shell = {
    csrfToken: locals.csrfToken ?? reply.generateCsrf(),
    currentPath: locals.currentPath ?? new URL(request.url, 'http://x').pathname,
  }
  const html = await reply.viewAsync(template, { ...shell, ...who, ...data })
  return reply.code(status).type('text/html; charset=utf-8').send(html)
}

export interface FormErrors {
  summary: { text: string; href: string }[]
  fields: Record<string, { text: string }>
}

/** A GOV.UK error summary and per-field messages from a DomainError (validation, or a refused action). */
export function formErrors(error: DomainError, fieldIds: Record<string, string> = {}): FormErrors {
  const entries = Object.entries(error.fields)
  if (entries.length === 0) return { summary: [{ text: error.userMessage, href: '#main-content' }], fields: {} }
  return {
    summary: entries.map(([field, message]) => ({ text: message, href: `#${fieldIds[field] ?? field}` })),
    fields: Object.fromEntries(entries.map(([field, message]) => [field, { text: message }])),
  }
}

/** Text for a key that may not exist (a value added elsewhere, e.g. a new document kind): the fallback then. */
export function textOr(key: string, fallback: string): string {
  try {
    return text(key)
  } catch {
    return fallback
  }
}

/** A single error for a field, in the same shape. */
export function fieldError(field: string, key: string, vars: Record<string, unknown> = {}): FormErrors {
  const message = text(key, vars)
  return { summary: [{ text: message, href: `#${field}` }], fields: { [field]: { text: message } } }
}

/** Reads a form value as one trimmed string (anything else counts as empty). */
export function str(body: unknown, name: string): string {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : ''
}

/** A form value that may repeat (checkboxes): always a list of strings. */
export function list(body: unknown, name: string): string[] {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return values.filter((x): x is string => typeof x === 'string' && x !== '')
}

/** A GOV.UK date input (name-day, name-month, name-year) as YYYY-MM-DD, or '' when blank, or null when not a date. */
export function dateField(body: unknown, name: string): string | null {
  const [d, m, y] = ['day', 'month', 'year'].map((part) => str(body, `${name}-${part}`))
  if (!d && !m && !y) return ''
  return dateFromParts(d ?? '', m ?? '', y ?? '')
}

/** Date input items for govukDateInput, filled from the form or from an ISO date. */
export function dateItems(body: unknown, name: string, iso?: string) {
  const [y, m, d] = (iso ?? '').split('-')
  const value = (part: string, fallback?: string) => str(body, `${name}-${part}`) || (fallback ?? '')
  return [
    { name: 'day', classes: 'govuk-input--width-2', value: value('day', d ? String(Number(d)) : '') },
    { name: 'month', classes: 'govuk-input--width-2', value: value('month', m ? String(Number(m)) : '') },
    { name: 'year', classes: 'govuk-input--width-4', value: value('year', y) },
  ]
}
