import type { FastifyError, FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { AppDeps } from '../../application/deps.js'
import { isDomainError } from '../../domain/index.js'
import { apiProblem, statusForError } from '../errors.js'
import { sendProblem } from '../problem.js'
import { callerFromBearer } from './auth.js'
import { caseRoutes } from './cases.js'
import { auditRoutes } from './audit.js'
import { letterRoutes } from './letters.js'

/** The JSON API under /api: OpenAPI at /api/docs, v1 resources behind bearer tokens, errors as problem+json. */
export async function registerApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rightsdesk API',
        version: '1.0.0',
        description: 'Individual rights case management (UK GDPR, DPA 2018).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  await app.register(
    async (v1) => {
      const api = v1.withTypeProvider<ZodTypeProvider>()
      api.addHook('onRequest', async (request, reply) => {
        const caller = await callerFromBearer(deps.pool, request)
        if (!caller) {
          reply.header('www-authenticate', 'Bearer')
          return sendProblem(reply, {
            title: 'Sign-in required',
            code: 'unauthenticated',
            status: 401,
            detail: 'Send an API token as "Authorization: Bearer <token>". Create one with `rightsdesk token create`.',
          })
        }
        request.actor = caller.actor
        request.apiTokenId = caller.tokenId
      })
      api.setErrorHandler((error: FastifyError, request, reply) => {
        if (hasZodFastifySchemaValidationErrors(error)) {
          const errors = error.validation.map((v) => ({
            path: v.instancePath || '/',
            message: v.message ?? 'is invalid',
          }))
          return sendProblem(reply, {
            title: 'The request is not valid',
            code: 'validation',
            status: 422,
            errors,
            detail: errors.map((e) => `${e.path} ${e.message}`).join('; '),
          })
        }
        if (isDomainError(error)) {
          const errors = Object.entries(error.fields).map(([path, message]) => ({ path, message }))
          return sendProblem(reply, {
            title: error.userMessage,
            code: error.code,
            detail: error.message,
            ...(errors.length ? { errors } : {}),
          })
        }
        const status = statusForError(request, reply, error)
        if (error.statusCode && status < 500 && status !== 404) {
          return sendProblem(reply, { title: error.message, code: 'bad-request', status })
        }
        return apiProblem(reply, status)
      })
      await api.register(caseRoutes(deps))
      await api.register(auditRoutes(deps))
      await api.register(letterRoutes(deps))
    },
    { prefix: '/api/v1' },
  )
}
