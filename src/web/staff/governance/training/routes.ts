import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { registerCompletionRoutes } from './completions.js'
import { registerStatusList } from './list.js'
import { registerPeopleRoutes } from './people.js'
import { registerTypeRoutes } from './types.js'

/**
 * Training records (issue 6; seed 002's "Training Record Status List"): everyone who works or volunteers here, the
 * training each must do, completions with their certificates, and the list the Chief Executive reviews. All of it is
 * the Data Protection Manager's (and an administrator's) to keep: permission training:manage.
 */
export function registerTrainingRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerStatusList(app, deps)
  registerPeopleRoutes(app, deps)
  registerCompletionRoutes(app, deps)
  registerTypeRoutes(app, deps)
}
