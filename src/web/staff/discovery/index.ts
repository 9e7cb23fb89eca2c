import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { registerIntakeRoutes } from './intake-routes.js'
import { registerRunRoutes } from './run-routes.js'
import { registerSearchRoutes } from './search-routes.js'
import { registerSourceRoutes } from './source-routes.js'

/** Issue 16: person search on a case or a task, saved runs and their record, sources, and the intake inbox. */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerSearchRoutes(app, deps)
  registerRunRoutes(app, deps)
  registerSourceRoutes(app, deps)
  registerIntakeRoutes(app, deps)
}
