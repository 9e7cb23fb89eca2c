import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../../application/actor.js'
import type { AppDeps } from '../../../application/deps.js'
import { reportMonths } from '../../../application/reporting/reports.js'
import { localDateInLondon } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { readFilters, type FilterContext, type ParsedFilters } from './filters.js'

/** The months and organisations the actor may choose from. */
export async function filterContext(deps: AppDeps, actor: Actor): Promise<FilterContext> {
  const [months, controllers] = await Promise.all([reportMonths(deps, actor), listControllers(deps.pool)])
  return {
    months,
    controllers: controllers
      .filter((c) => actor.controllerIds?.includes(c.id) ?? true)
      .map((c) => ({ id: c.id, name: c.name })),
    today: localDateInLondon(deps.clock.now()),
  }
}

/** The filters of a request (query string, or a form's fields), checked against what the actor may choose. */
export async function filtersOf(
  deps: AppDeps,
  actor: Actor,
  source: FastifyRequest['query'],
): Promise<{ ctx: FilterContext; parsed: ParsedFilters }> {
  const ctx = await filterContext(deps, actor)
  return { ctx, parsed: readFilters(source, ctx) }
}
