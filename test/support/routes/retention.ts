import type { Rule } from '../route-table.js'

const SCHEDULE_READERS: Rule = { any: ['retention:propose', 'retention:approve', 'retention:manage'] }
const DISPOSAL_READERS: Rule = { any: ['retention:propose', 'retention:approve'] }

/** Route-matrix rules for the retention pages (issue 6); spread into TABLE in ../route-table.ts. */
export const RETENTION_ROUTES: Record<string, Rule> = {
  'GET /staff/governance/retention': SCHEDULE_READERS,
  'GET /staff/governance/retention/new': { any: ['retention:manage'] },
  'POST /staff/governance/retention/new': { any: ['retention:manage'] },
  'GET /staff/governance/retention/:ruleId': { any: ['retention:manage'] },
  'POST /staff/governance/retention/:ruleId': { any: ['retention:manage'] },
  'GET /staff/governance/disposal': DISPOSAL_READERS,
  'POST /staff/governance/disposal': { any: ['retention:propose'] },
  'GET /staff/governance/disposal/:listId': DISPOSAL_READERS,
  'POST /staff/governance/disposal/:listId/approve': { any: ['retention:approve'] },
  'POST /staff/governance/disposal/:listId/reject': { any: ['retention:approve'] },
  'GET /staff/governance/disposal/:listId/cases/:id/remove': { any: ['retention:approve'] },
  'POST /staff/governance/disposal/:listId/cases/:id/remove': { any: ['retention:approve'] },
  'GET /staff/governance/legal-holds': { any: ['legal-hold:manage'] },
  'GET /staff/cases/:id/legal-hold': { any: ['legal-hold:manage'] },
  'POST /staff/cases/:id/legal-hold': { any: ['legal-hold:manage'] },
  'GET /staff/cases/:id/legal-hold/lift': { any: ['legal-hold:manage'] },
  'POST /staff/cases/:id/legal-hold/lift': { any: ['legal-hold:manage'] },
}
