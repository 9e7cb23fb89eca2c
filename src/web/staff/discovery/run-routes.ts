import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { addKeptToMaterial, decideHits } from '../../../application/discovery/hits.js'
import { searchRecord, searchRecordPdf, type SearchRecord } from '../../../application/discovery/record.js'
import { answerTaskWithRun } from '../../../application/discovery/task-search.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { FORMAT, page, str } from '../render.js'
import { staffRoute } from '../route.js'
import { SUBJECT_FIELDS } from './form.js'

const runIdOf = (r: FastifyRequest) => (r.params as { runId: string }).runId
const ACCESS = ['case:work', 'task:answer'] as const

/** A saved search: its hits with why they matched, keep or drop, add to the material, and the printable record. */
export function registerRunRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/runs/:runId',
    access: ACCESS,
    handler: (q, r) => runPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/discovery/runs/:runId/decisions',
    access: ACCESS,
    handler: async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const decisions: Record<string, 'kept' | 'dropped'> = {}
      for (const [k, v] of Object.entries(body)) {
        if (k.startsWith('hit-') && (v === 'kept' || v === 'dropped')) decisions[k.slice(4)] = v
      }
      await decideHits(deps, staffOf(request), runIdOf(request), decisions)
      if (str(body, 'then') === 'material') {
        const { added } = await addKeptToMaterial(deps, staffOf(request), runIdOf(request))
        return reply.redirect(`/staff/discovery/runs/${runIdOf(request)}?added=${added}`, 303)
      }
      if (str(body, 'then') === 'answer') {
        await answerTaskWithRun(deps, staffOf(request), runIdOf(request))
        return reply.redirect(`/staff/discovery/runs/${runIdOf(request)}?answered=1`, 303)
      }
      return reply.redirect(`/staff/discovery/runs/${runIdOf(request)}?saved=1`, 303)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/runs/:runId/record',
    access: ACCESS,
    handler: async (request, reply) => {
      const record = await searchRecord(deps, staffOf(request), runIdOf(request))
      return page(deps, request, reply, 'staff/discovery/record.njk', {
        ...recordView(record),
        pageTitle: text('discovery.record.title'),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/runs/:runId/record.pdf',
    access: ACCESS,
    handler: async (request, reply) => {
      const record = await searchRecord(deps, staffOf(request), runIdOf(request))
      const v = recordView(record)
      const pdf = await searchRecordPdf(record, {
        title: text('discovery.record.title'),
        intro: text('discovery.record.intro'),
        rows: v.rows,
        searchedFor: text('discovery.run.searchedFor'),
        searchedIn: text('discovery.run.searchedIn'),
        scopeNote: text('discovery.run.scopeNote'),
        kept: text('discovery.record.kept'),
        keptNone: text('discovery.record.keptNone'),
        subjectLabels: Object.fromEntries(SUBJECT_FIELDS.map((f) => [f, text(`discovery.search.${f}`)])),
        provenance: provenanceLine,
      })
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="search-record-${record.run.caseReference.replace(/[^\w-]/g, '_')}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf))
    },
  })
}

function provenanceLine(h: SearchRecord['hits'][number], sourceName: string): string {
  const where = text('discovery.record.provenance', { source: sourceName, locator: h.locator })
  return [h.title, where, h.messageId ? text('discovery.record.messageId', { id: h.messageId }) : '']
    .filter(Boolean)
    .join(' – ')
}

function recordView(record: SearchRecord) {
  const { run, counts } = record
  const rows: [string, string][] = [
    [text('discovery.record.case'), run.caseReference],
    [text('discovery.record.when'), FORMAT.dateTime(run.createdAt)],
    [text('discovery.record.who'), run.createdByName],
    [
      text('discovery.record.counts'),
      text('discovery.record.countsValue', { hits: run.hitCount, candidates: run.candidateCount, ...counts }),
    ],
    [text('discovery.record.duration'), `${(run.durationMs / 1000).toFixed(1)} s`],
  ]
  const names = new Map(run.sources.map((s) => [s.id, s.name]))
  return {
    run,
    rows,
    controllerId: run.controllerId,
    subjectRows: Object.entries(run.subject).map(([k, v]) => [text(`discovery.search.${k}`), v.join('; ')]),
    kept: record.hits.filter((h) => h.decision === 'kept').map((h) => provenanceLine(h, names.get(h.sourceId) ?? '')),
  }
}

async function runPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const record = await searchRecord(deps, staffOf(request), runIdOf(request))
  const q = request.query as Record<string, string | undefined>
  const banner = q.added
    ? text('discovery.run.addedBanner', { count: q.added })
    : q.answered
      ? text('discovery.run.answered')
      : q.saved
        ? text('discovery.run.savedBanner')
        : null
  const names = new Map(record.run.sources.map((s) => [s.id, s.name]))
  return page(deps, request, reply, 'staff/discovery/run.njk', {
    ...recordView(record),
    pageTitle: text('discovery.run.title'),
    banner,
    summary: text('discovery.run.summary', {
      hits: record.run.hitCount,
      candidates: record.run.candidateCount,
      when: FORMAT.dateTime(record.run.createdAt),
      who: record.run.createdByName,
    }),
    hits: record.hits.map((h) => ({
      ...h,
      sourceName: names.get(h.sourceId) ?? '',
      why: h.reasons.map(
        (r) => `${text(`discovery.kinds.${r.kind}`)}: “${r.text}”${r.count > 1 ? ` ×${r.count}` : ''}`,
      ),
    })),
    isTask: Boolean(record.run.taskId),
    back: record.run.taskId ? `/staff/tasks/${record.run.taskId}` : `/staff/cases/${record.run.caseId}/discovery`,
  })
}
