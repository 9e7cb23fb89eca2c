import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { executeCommand } from '../../../application/execute-command.js'
import type { PossibleMatches } from '../../../application/casework/possible-matches.js'
import { formatLongDate } from '../../../domain/index.js'
import type { LinkRelation } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { str } from '../render.js'
import { staffRoute } from '../route.js'

/** The two links the intake warning offers in one click: the same person asking again, or the same request twice. */
const ONE_CLICK: readonly LinkRelation[] = ['same-requester', 'duplicate']

/**
 * Links a case to a possible earlier request of the same person, from the warning on the case page (issue 14). The
 * link is an ordinary LinkCase: the boundary checks both cases are this controller's, and it is stored on both.
 */
export function registerMatchRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/matches/link',
    access: 'case:link',
    handler: async (request, reply) => {
      const { id } = request.params as { id: string }
      const relation = str(request.body, 'relation') as LinkRelation
      await executeCommand(deps, staffOf(request), id, {
        type: 'LinkCase',
        otherCaseId: str(request.body, 'otherCaseId'),
        relation: ONE_CLICK.includes(relation) ? relation : 'same-requester',
      })
      return reply.redirect(
        `/staff/cases/${id}?linked=${encodeURIComponent(str(request.body, 'reference'))}#matches`,
        303,
      )
    },
  })
}

/** The warning's rows: the other case, when it came, what it asked, and each reason in words. */
export function matchRows({ matches, repeatMonths }: PossibleMatches, request: FastifyRequest) {
  const linked = (request.query as Record<string, unknown>).linked
  return {
    linkedReference: typeof linked === 'string' ? linked.slice(0, 40) : null,
    matches: matches.map((m) => ({
      ...m,
      received: formatLongDate(m.receivedOn),
      right: m.right ? text(`casework.rights.${m.right}`) : '',
      statusText: text(`casework.status.${m.status}`),
      why: m.reasons.map((r) => text(`find.reasons.${r}`, { months: repeatMonths })),
    })),
  }
}
