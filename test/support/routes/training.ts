import type { Rule } from '../route-table.js'

const MANAGE: Rule = { any: ['training:manage'] }

/** Route-matrix rules for the training pages (issue 6); spread into TABLE in ../route-table.ts. */
export const TRAINING_ROUTES: Record<string, Rule> = {
  'GET /staff/governance/training': { any: ['training:manage', 'training:view'] },
  'GET /staff/governance/training/export.csv': { any: ['training:manage', 'training:view'] },
  'GET /staff/governance/training/people/new': MANAGE,
  'POST /staff/governance/training/people/new': MANAGE,
  'GET /staff/governance/training/people/:personId': MANAGE,
  'GET /staff/governance/training/people/:personId/edit': MANAGE,
  'POST /staff/governance/training/people/:personId/edit': MANAGE,
  'GET /staff/governance/training/people/:personId/completions/new': MANAGE,
  'POST /staff/governance/training/people/:personId/completions/new': MANAGE,
  'GET /staff/governance/training/people/:personId/certificates/:certificateId': MANAGE,
  'GET /staff/governance/training/types': MANAGE,
  'GET /staff/governance/training/types/new': MANAGE,
  'POST /staff/governance/training/types/new': MANAGE,
  'GET /staff/governance/training/types/:typeId': MANAGE,
  'POST /staff/governance/training/types/:typeId': MANAGE,
}
