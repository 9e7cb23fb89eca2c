import type { Rule } from '../route-table.js'

/** Route-matrix rules for the reports pages (issue 6); spread into TABLE in ../route-table.ts. */
export const REPORTS_ROUTES: Record<string, Rule> = {
  'GET /staff/reports': { any: ['report:view'] },
}
