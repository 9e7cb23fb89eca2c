import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { disclosureCase } from '../../../application/disclosure/case-access.js'
import {
  requestBundle,
  requestPreparation,
  runsOfCase,
  type DisclosureRun,
} from '../../../application/disclosure/runs.js'
import { workbenchOverview, type WorkbenchItem } from '../../../application/disclosure/workbench.js'
import { getCase } from '../../../application/get-case.js'
import { isDomainError, localDateInLondon } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { caseSummary } from '../case/summary.js'
import { FORMAT, page, textOr, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { defaultCodeFor, exemptionLabel } from './exemptions.js'
import { caseIdOf, overviewUrl, pageUrl } from './params.js'

/** The workbench overview: the material, reading it, progress, the documents with their decisions, and bundles. */
export function registerOverviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/disclosure',
    access: 'case:work',
    handler: (q, r) => overviewPage(deps, q, r),
  })
  // Progress for the page's script to poll: run counters only, no personal data (so not an audited view).
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/disclosure/progress',
    access: 'case:work',
    handler: async (request, reply) => {
      const caseId = caseIdOf(request)
      await disclosureCase(deps.pool, staffOf(request), caseId)
      const active = activeRun(await runsOfCase(deps.pool, caseId))
      return reply
        .header('cache-control', 'no-store')
        .send(active ? { active: true, ...progressOf(active) } : { active: false })
    },
  })
  for (const [what, ask] of [
    ['prepare', requestPreparation],
    ['bundle', requestBundle],
  ] as const)
    staffRoute(app, {
      method: 'POST',
      url: `/cases/:id/disclosure/${what}`,
      access: 'case:work',
      handler: async (request, reply) => {
        const caseId = caseIdOf(request)
        try {
          await ask(deps, staffOf(request), caseId)
          return reply.redirect(`${overviewUrl(caseId)}?done=${what}`, 303)
        } catch (error) {
          // Nothing to read, still reading, or proposals undecided: said on the overview, in the error summary.
          if (isDomainError(error) && error.code === 'conflict')
            return overviewPage(
              deps,
              request,
              reply,
              { summary: [{ text: error.message, href: what === 'prepare' ? '#material' : '#build' }], fields: {} },
              409,
            )
          throw error
        }
      },
    })
}

const activeRun = (runs: DisclosureRun[]) => runs.find((r) => r.status === 'queued' || r.status === 'running')

function progressOf(run: DisclosureRun) {
  const stage = run.status === 'queued' ? 'queued' : (run.stage ?? 'running')
  return {
    kind: run.kind,
    label: text('disclosure.overview.progressLabel', {
      what: text(`disclosure.overview.runKinds.${run.kind}`),
      stage: textOr(`disclosure.overview.stages.${stage}`, stage),
    }),
    count: text('disclosure.overview.progressCount', { done: run.done, total: run.total }),
    done: run.done,
    total: Math.max(run.total, 1),
  }
}

async function overviewPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  status = 200,
) {
  const actor = staffOf(request)
  const caseId = caseIdOf(request)
  const overview = await workbenchOverview(deps, actor, caseId)
  const view = await getCase(deps, actor, caseId)
  const done = (request.query as Record<string, unknown>).done
  const active = activeRun(overview.runs)
  const latestFailed = (['prepare', 'bundle'] as const)
    .map((kind) => overview.runs.find((r) => r.kind === kind))
    .filter((r): r is DisclosureRun => r?.status === 'failed')
  return page(
    deps,
    request,
    reply,
    'staff/disclosure/overview.njk',
    {
      pageTitle: text('disclosure.overview.title'),
      controllerId: overview.state.controllerId,
      caseId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      defaultExemption: exemptionLabel(defaultCodeFor(overview.state)),
      done: done === 'prepare' || done === 'bundle' ? done : null,
      unread: overview.unread,
      hasMaterial: overview.unread.length > 0 || overview.items.length > 0,
      progress: active ? progressOf(active) : null,
      reading: active?.kind === 'prepare',
      building: active?.kind === 'bundle',
      failed: latestFailed.map((r) =>
        text('disclosure.overview.runFailed', {
          what: text(`disclosure.overview.runKinds.${r.kind}`),
          date: FORMAT.dateTime(r.finishedAt ?? r.requestedAt),
          error: r.error ?? '',
        }),
      ),
      failures: overview.runs.filter((r) => r.kind === 'prepare').flatMap((r) => r.failures),
      items: overview.items.map((item, i) => itemRow(caseId, overview.items, item, i)),
      totals: overview.totals,
      bundles: overview.runs
        .filter((r) => r.kind === 'bundle')
        .map((r) => ({
          ...r,
          requestedText: FORMAT.dateTime(r.requestedAt),
          statusText: text(`disclosure.overview.statuses.${r.status}`),
          statusClass: { queued: 'govuk-tag--grey', running: 'govuk-tag--blue', done: 'govuk-tag--green' }[
            r.status as string
          ],
        })),
      errors,
    },
    status,
  )
}

function itemRow(caseId: string, items: WorkbenchItem[], item: WorkbenchItem, i: number) {
  const numberOf = (id: string | null) => (id ? items.findIndex((x) => x.id === id) + 1 : 0)
  const tags: { text: string; classes: string }[] = []
  const notes: string[] = [...item.warnings]
  if (item.needsManualReview) {
    tags.push({ text: text('disclosure.overview.tags.manual'), classes: 'govuk-tag--orange' })
    notes.push(text('disclosure.overview.notesText.manual'))
  }
  if (item.duplicateOf) {
    tags.push({
      text: text('disclosure.overview.tags.duplicate', { n: numberOf(item.duplicateOf) }),
      classes: 'govuk-tag--grey',
    })
    notes.push(text('disclosure.overview.notesText.duplicate'))
  }
  if (item.nearDuplicateOf) {
    tags.push({
      text: text('disclosure.overview.tags.nearDuplicate', { n: numberOf(item.nearDuplicateOf) }),
      classes: 'govuk-tag--purple',
    })
    notes.push(text('disclosure.overview.notesText.nearDuplicate'))
  }
  if (item.withheldCode) {
    tags.push({ text: text('disclosure.overview.tags.withheld'), classes: 'govuk-tag--red' })
    notes.push(exemptionLabel(item.withheldCode))
  } else if (item.withheldPages > 0)
    tags.push({
      text:
        item.withheldPages === 1
          ? text('disclosure.overview.tags.pageWithheld')
          : text('disclosure.overview.tags.pagesWithheld', { count: item.withheldPages }),
      classes: 'govuk-tag--red',
    })
  return {
    ...item,
    number: i + 1,
    kindText: textOr(`disclosure.overview.kinds.${item.kind}`, item.kind),
    href: pageUrl({ caseId, itemId: item.id, page: item.firstPageToReview }),
    tags,
    notes,
  }
}
