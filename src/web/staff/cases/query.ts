import { CASE_STATUSES, RIGHTS } from '../../../domain/index.js'
import type { CaseListQuery } from '../../../application/list-cases.js'

const CASE_TYPES = ['rights-request', 'review', 'complaint', 'regulator-case'] as const

export interface ListFilters {
  status: string[]
  right: string[]
  caseType: string[]
  controller: string
  mine: boolean
  show: 'open' | 'all'
  search: string
  page: number
}

function many(v: unknown, allowed: readonly string[]): string[] {
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return values.filter((x): x is string => typeof x === 'string' && allowed.includes(x))
}

function one(v: unknown, max = 100): string {
  return typeof v === 'string' ? v.trim().slice(0, max) : ''
}

/** The case list's filters from the query string, unknown values dropped. */
export function parseFilters(query: unknown): ListFilters {
  const q = (query ?? {}) as Record<string, unknown>
  const page = Number.parseInt(one(q.page), 10)
  return {
    status: many(q.status, CASE_STATUSES),
    right: many(q.right, RIGHTS),
    caseType: many(q.caseType, CASE_TYPES),
    controller: one(q.controller, 64),
    mine: q.mine === 'yes',
    show: q.show === 'all' ? 'all' : 'open',
    search: one(q.search),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

export const PAGE_SIZE = 50

export function toQuery(f: ListFilters, actorId: string): CaseListQuery {
  return {
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.right.length ? { right: f.right } : {}),
    ...(f.caseType.length ? { caseType: f.caseType } : {}),
    ...(f.controller ? { controllerId: f.controller } : {}),
    ...(f.mine ? { assigneeId: actorId } : {}),
    ...(f.search ? { search: f.search } : {}),
    ...(f.show === 'open' && f.status.length === 0 ? { open: true } : {}),
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  }
}

/** The query string for these filters, minus one value (for the "remove this filter" tags) or with a new page. */
export function hrefFor(f: ListFilters, change: { drop?: [keyof ListFilters, string]; page?: number } = {}): string {
  const p = new URLSearchParams()
  const add = (key: string, values: string[]) => values.forEach((v) => p.append(key, v))
  const dropped = (key: keyof ListFilters, v: string) => change.drop?.[0] === key && change.drop[1] === v
  add(
    'status',
    f.status.filter((v) => !dropped('status', v)),
  )
  add(
    'right',
    f.right.filter((v) => !dropped('right', v)),
  )
  add(
    'caseType',
    f.caseType.filter((v) => !dropped('caseType', v)),
  )
  if (f.controller && !dropped('controller', f.controller)) p.set('controller', f.controller)
  if (f.mine && !dropped('mine', 'yes')) p.set('mine', 'yes')
  if (f.show === 'all' && !dropped('show', 'all')) p.set('show', 'all')
  if (f.search && !dropped('search', f.search)) p.set('search', f.search)
  if (change.page && change.page > 1) p.set('page', String(change.page))
  const s = p.toString()
  return s ? `?${s}` : ''
}
