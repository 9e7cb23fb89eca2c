import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'
import { refusalReasonOf } from '../application/access-refusal.js'
import type { Actor } from '../application/actor.js'
import type { AppDeps } from '../application/deps.js'
import { recordAccessRefusal } from '../application/record-access-refusal.js'

/**
 * Refused access attempts are audited (issue 11), hooked in once for the whole server: every authorisation refusal
 * (authorise.ts: a role without the permission, 403; another controller's or an uncopied case, 404) to a signed-in
 * member of staff or an API token becomes an `access.refused` event, rate-limited per actor and route
 * (record-access-refusal.ts). Fastify runs onError hooks before the error handler of whichever part of the server
 * (staff, API) answers, so one hook here sees them all. A failure to record never changes the answer.
 */
export function registerRefusalAudit(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onError', async (request, _reply, error: FastifyError) => {
    const reason = refusalReasonOf(error)
    if (!reason) return
    const who = actorOf(request)
    if (!who) return
    const url = request.routeOptions.url ?? request.url.split('?')[0] ?? ''
    try {
      await recordAccessRefusal(deps, {
        actor: who.actor,
        route: `${request.method} ${url}`,
        caseId: caseIdOf(url, request.params),
        reason,
        status: (error as { code?: string }).code === 'not-permitted' ? 403 : 404,
        via: who.via,
      })
    } catch (err) {
      request.log.warn({ err }, 'refused access attempt could not be audited')
    }
  })
}

function actorOf(request: FastifyRequest): { actor: Actor; via: 'staff' | 'api' } | null {
  const r = request as { staff?: Actor | null; actor?: Actor }
  if (r.staff?.kind === 'user') return { actor: r.staff, via: 'staff' }
  if (r.actor?.kind === 'user') return { actor: r.actor, via: 'api' }
  return null
}

/** The case a route names (`/cases/:id`, or the API's `/cases/:idOrReference`), cut to a sane length. */
function caseIdOf(routeUrl: string, params: unknown): string | null {
  const name = /\/cases\/:(id|idOrReference)(?:\/|$)/.exec(routeUrl)?.[1]
  const value = name ? (params as Record<string, unknown> | undefined)?.[name] : undefined
  return typeof value === 'string' ? value.slice(0, 64) : null
}
