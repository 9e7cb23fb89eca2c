import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../application/deps.js'

/** Staff casework under /staff: sign-in, case list, case page, actions, tasks, admin. */
export async function registerStaff(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
