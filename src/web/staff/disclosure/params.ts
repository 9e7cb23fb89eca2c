import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../../domain/index.js'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface PageParams {
  caseId: string
  itemId: string
  page: number
}

export const caseIdOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** The case, document and page in the URL; anything malformed is simply a page that does not exist. */
export function pageParams(request: FastifyRequest): PageParams {
  const p = request.params as { id: string; itemId: string; page: string }
  if (!UUID.test(p.itemId) || !/^[1-9]\d{0,4}$/.test(p.page)) throw new DomainError('not-found', 'no such page')
  return { caseId: p.id, itemId: p.itemId, page: Number(p.page) }
}

export const overviewUrl = (caseId: string) => `/staff/cases/${caseId}/disclosure`

export const pageUrl = (p: { caseId: string; itemId: string; page: number }) =>
  `${overviewUrl(p.caseId)}/items/${p.itemId}/pages/${p.page}`
