import type { Rule } from '../route-table.js'

const WORK: Rule = { any: ['case:work'] }
// The matrix's run belongs to a case search; staff reach only runs made for their own task (test/discovery-*.int).
const RUN: Rule = { any: ['case:work'] }
const MANAGE: Rule = { any: ['discovery:manage'] }
const LOG: Rule = { any: ['case:log'] }

/** Route-matrix rules for discovery (issue 16); spread into TABLE in ../route-table.ts. */
export const DISCOVERY_ROUTES: Record<string, Rule> = {
  'GET /staff/cases/:id/discovery': WORK,
  'POST /staff/cases/:id/discovery': WORK,
  'GET /staff/tasks/:taskId/discovery': { any: ['task:answer', 'task:assign'] },
  'POST /staff/tasks/:taskId/discovery': { any: ['task:answer', 'task:assign'] },
  'GET /staff/discovery/runs/:runId': RUN,
  'POST /staff/discovery/runs/:runId/decisions': RUN,
  'GET /staff/discovery/runs/:runId/record': RUN,
  'GET /staff/discovery/runs/:runId/record.pdf': RUN,
  'GET /staff/discovery/sources': MANAGE,
  'POST /staff/discovery/sources/:sourceId/index': MANAGE,
  'GET /staff/discovery/sources/new': MANAGE,
  'POST /staff/discovery/sources/new': MANAGE,
  'GET /staff/discovery/mailboxes/new': MANAGE,
  'POST /staff/discovery/mailboxes/new': MANAGE,
  'GET /staff/intake': LOG,
  'GET /staff/intake/:draftId': LOG,
  'POST /staff/intake/:draftId': LOG,
  'POST /staff/intake/:draftId/dismiss': LOG,
}
