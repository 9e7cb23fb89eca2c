import type { FastifyInstance, FastifyRequest, preHandlerHookHandler, RouteOptions } from 'fastify'
import { DomainError } from '../domain/index.js'
import { httpError } from './error-status.js'
import { isApiRequest } from './errors.js'

// Text PostgreSQL cannot store, and no person types: NUL, and half of a UTF-16 surrogate pair on its own (a JSON
// body can spell one, "\ud800"; a browser never sends one, it would send U+FFFD).
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g // eslint-disable-line no-control-regex

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[A-Za-z0-9][\w.-]{0,99}$/

/**
 * The shape of every path parameter, by name: the ids of rows with uuid keys, page numbers, and the slugs of
 * controllers, retention rules, training types and rights. A name not listed here may be any text of up to 200
 * characters without control characters. An id of the wrong shape cannot name anything, so it is a 404 before any
 * query, rather than a database error.
 */
const PARAM_SHAPES: Record<string, RegExp> = {
  id: UUID,
  taskId: UUID,
  letterId: UUID,
  documentId: UUID,
  userId: UUID,
  personId: UUID,
  certificateId: UUID,
  activityId: UUID,
  consentId: UUID,
  listId: UUID,
  itemId: UUID,
  changeId: UUID,
  token: /^[A-Za-z0-9_-]{43}$/,
  page: /^[1-9][0-9]{0,5}$/,
  controllerId: SLUG,
  ruleId: SLUG,
  typeId: SLUG,
  right: SLUG,
}
// eslint-disable-next-line no-control-regex
const ANY_PARAM = /^[^\u0000-\u001f\u007f]{1,200}$/

/**
 * Input that no route should have to think about, handled once for every route:
 * - path parameters of the wrong shape are a 404 (after the route's access check, so nothing is revealed);
 * - in the API, text with a NUL or a lone surrogate in the body or query is a 422 validation problem saying where
 *   (in the path, a 404: no such thing can exist);
 * - on pages, the same characters become U+FFFD (what a browser would have sent), and the form's own checks then
 *   explain the answer with a GOV.UK error summary, as for any other wrong answer.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const names = paramNames(route.url)
    if (names.length > 0) route.preHandler = [...handlersOf(route.preHandler), checkParams(names)]
  })
  app.addHook('preValidation', async (request) => {
    if (!isApiRequest(request.url)) return
    if (firstUnstorable(request.params) !== null) throw httpError(404, 'no such resource')
    for (const [where, value] of [
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const at = firstUnstorable(value)
      if (at === null) continue
      const message = 'must be valid Unicode text without NUL characters'
      throw new DomainError('validation', `${where} ${at || '/'} ${message}`, { fields: { [at || '/']: message } })
    }
  })
  app.addHook('preHandler', async (request) => {
    if (isApiRequest(request.url)) return
    request.query = cleaned(request.query) as typeof request.query
    request.body = cleaned(request.body)
  })
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!)
}

function handlersOf(h: RouteOptions['preHandler']): preHandlerHookHandler[] {
  return h === undefined ? [] : Array.isArray(h) ? [...h] : [h as preHandlerHookHandler]
}

function checkParams(names: string[]): preHandlerHookHandler {
  return async function paramShapes(request: FastifyRequest) {
    const params = (request.params ?? {}) as Record<string, unknown>
    for (const name of names) {
      const value = params[name]
      if (value === undefined) continue
      const shape = PARAM_SHAPES[name] ?? ANY_PARAM
      if (typeof value !== 'string' || !shape.test(value)) throw httpError(404, `no such ${name}`)
    }
  }
}

/** JSON-pointer-like path to the first string (value or key) holding unstorable text, or null. Iterative. */
function firstUnstorable(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']]
  while (stack.length > 0) {
    const [value, at] = stack.pop()!
    if (typeof value === 'string') {
      if (hasUnstorable(value)) return at
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (hasUnstorable(key)) return `${at}/${key.replace(UNSTORABLE, '\ufffd')}`
        stack.push([child, `${at}/${key}`])
      }
    }
  }
  return null
}

function hasUnstorable(text: string): boolean {
  UNSTORABLE.lastIndex = 0
  return UNSTORABLE.test(text)
}

/** The same value with unstorable characters replaced by U+FFFD, in place for objects and arrays. Iterative. */
function cleaned(root: unknown): unknown {
  if (typeof root === 'string') return root.replace(UNSTORABLE, '\ufffd')
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object') continue
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const child = record[key]
      if (typeof child === 'string') record[key] = child.replace(UNSTORABLE, '\ufffd')
      else stack.push(child)
    }
  }
  return root
}
