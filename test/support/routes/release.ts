import type { Rule } from '../route-table.js'

const DRAFT: Rule = { any: ['case:draft'] }

/** Route-matrix rules for the release gate (issue 10); spread into TABLE in ../route-table.ts. */
export const RELEASE_ROUTES: Record<string, Rule> = {
  'GET /staff/cases/:id/documents/:documentId/disclose-in-full': DRAFT,
  'POST /staff/cases/:id/documents/:documentId/disclose-in-full': DRAFT,
  'POST /staff/cases/:id/documents/:documentId/disclose-in-full/withdraw': DRAFT,
  'GET /api/v1/cases/:idOrReference|:id/releasable-files': DRAFT,
  'POST /api/v1/cases/:idOrReference|:id/letters': DRAFT,
  'POST /api/v1/cases/:idOrReference|:id/letters/:letterId/submit': DRAFT,
  'POST /api/v1/cases/:idOrReference|:id/response': { any: ['case:send-response'] },
}
