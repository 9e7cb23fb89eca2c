import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { registerDecisionRoutes } from './decide.js'
import { registerOverviewRoutes } from './overview.js'
import { registerPageRoutes } from './page.js'

/**
 * The redaction workbench (issue 5, stage 3 "Review"): for those who do the casework (case:work), case by case.
 * Reading the material and building the bundle run in the worker; every decision is a plain form.
 */
export function registerDisclosureRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerOverviewRoutes(app, deps)
  registerPageRoutes(app, deps)
  registerDecisionRoutes(app, deps)
}
