import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'

export function registerConsentRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
