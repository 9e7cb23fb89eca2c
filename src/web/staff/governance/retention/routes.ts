import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { registerDisposalRoutes } from './disposal.js'
import { registerLegalHoldRoutes } from './legal-holds.js'
import { registerScheduleRoutes } from './schedule.js'

/** Retention and disposal (issue 6): the schedule, the monthly disposal lists, and legal holds. */
export function registerRetentionRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerScheduleRoutes(app, deps)
  registerDisposalRoutes(app, deps)
  registerLegalHoldRoutes(app, deps)
}
