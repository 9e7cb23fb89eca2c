import type { Rule } from '../route-table.js'

/** Route-matrix rules for the reports pages (issue 6); spread into TABLE in ../route-table.ts. */
export const REPORTS_ROUTES: Record<string, Rule> = {
  'GET /staff/reports': { any: ['report:view'] },
  'GET /staff/reports/figures.csv': { any: ['report:view'] },
  'GET /staff/reports/cases.csv': { any: ['report:view'] },
  'GET /staff/reports/pack.pdf': { any: ['report:view'] },
  'POST /staff/reports/pack/send': { any: ['report:view'] },
}
