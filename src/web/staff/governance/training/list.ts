import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { listLeavers } from '../../../../application/governance/training-people.js'
import {
  loadTrainingTypes,
  trainingCsv,
  trainingStatusReport,
  type TrainingRow,
} from '../../../../application/governance/training.js'
import { formatLongDate, localDateInLondon } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { page } from '../../render.js'
import { staffRoute } from '../../route.js'
import { displayStatus, statusCells } from './view.js'

/** Filter values of the status list (GET query); "never-done" cuts across the others. */
const STATUS_FILTERS = ['overdue', 'due', 'due-soon', 'complete', 'never-done'] as const
const KINDS = ['staff', 'volunteer'] as const

interface Filters {
  status: string
  type: string
  kind: string
}

function filtersOf(query: unknown, typeIds: readonly string[]): Filters {
  const q = (query ?? {}) as Record<string, unknown>
  const one = (v: unknown, allowed: readonly string[]) => (typeof v === 'string' && allowed.includes(v) ? v : '')
  return { status: one(q.status, STATUS_FILTERS), type: one(q.type, typeIds), kind: one(q.kind, KINDS) }
}

function matches(row: TrainingRow, f: Filters): boolean {
  if (f.type && row.typeId !== f.type) return false
  if (f.kind && row.personKind !== f.kind) return false
  if (f.status === 'never-done') return row.lastCompletedOn === null
  return !f.status || displayStatus(row) === f.status
}

function queryString(f: Filters): string {
  const params = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== ''))
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * The Training Record Status List (seed 002: kept by the Data Protection Manager and reviewed by the Chief Executive
 * "to ensure all staff/volunteers are completing the necessary training"), its filters, and its CSV export.
 */
export function registerStatusList(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training',
    access: ['training:manage', 'training:view'],
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const [rows, types, leavers] = await Promise.all([
        trainingStatusReport(deps, actor),
        loadTrainingTypes(deps.pool),
        listLeavers(deps, actor),
      ])
      const filters = filtersOf(
        request.query,
        types.map((t) => t.id),
      )
      const counts = Object.fromEntries(
        STATUS_FILTERS.map((s) => [s, rows.filter((r) => matches(r, { status: s, type: '', kind: '' })).length]),
      )
      const shown = rows.filter((r) => matches(r, filters))
      const option = (value: string, label: string, current: string) => ({
        value,
        text: label,
        selected: value === current,
      })
      return page(deps, request, reply, 'staff/governance/training/list.njk', {
        pageTitle: text('training.list.title'),
        filters,
        filtered: filters.status !== '' || filters.type !== '' || filters.kind !== '',
        total: rows.length,
        people: new Set(rows.map((r) => r.personId)).size,
        summary: STATUS_FILTERS.map((s) => ({
          status: s,
          count: counts[s],
          label: text(`training.status.${s}`),
          href: `/staff/governance/training?status=${s}`,
        })),
        rows: shown.map((r) => ({
          ...r,
          ...statusCells(r, { short: true }),
          kindText: text(`training.kinds.${r.personKind}`),
        })),
        statusItems: [
          option('', text('training.list.anyStatus'), filters.status),
          ...STATUS_FILTERS.map((s) => option(s, text(`training.status.${s}`), filters.status)),
        ],
        typeItems: [
          option('', text('training.list.anyType'), filters.type),
          ...types.map((t) => option(t.id, t.name, filters.type)),
        ],
        kindItems: [
          option('', text('training.list.anyKind'), filters.kind),
          ...KINDS.map((k) => option(k, text(`training.kinds.${k}`), filters.kind)),
        ],
        csvHref: `/staff/governance/training/export.csv${queryString(filters)}`,
        leavers: leavers.map((l) => ({
          ...l,
          text: text('training.list.leftOn', {
            name: l.name,
            kind: text(`training.kinds.${l.kind}`).toLowerCase(),
            date: formatLongDate(l.leftOn),
          }),
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/export.csv',
    access: ['training:manage', 'training:view'],
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const [rows, types] = await Promise.all([trainingStatusReport(deps, actor), loadTrainingTypes(deps.pool)])
      const filters = filtersOf(
        request.query,
        types.map((t) => t.id),
      )
      const today = localDateInLondon(deps.clock.now())
      // Columns documented in docs/reports-csv.md ("Training record status list"). The byte order mark makes Excel read accented names as UTF-8.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="training-status-${today}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(`\uFEFF${trainingCsv(rows.filter((r) => matches(r, filters)))}`)
    },
  })
}
