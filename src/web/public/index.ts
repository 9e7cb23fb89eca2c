import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../application/deps.js'

/** The public portal's journeys (make, follow, appeal, complain, withdraw consent) and its static pages. */
export async function registerPortal(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
