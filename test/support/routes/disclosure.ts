import type { Rule } from '../route-table.js'

// Third parties' data in the clear: only those who do the casework (the DP manager) open the workbench.
const WORK: Rule = { any: ['case:work'] }
const PAGE = '/staff/cases/:id/disclosure/items/:itemId/pages/:page'

/** Route-matrix rules for the redaction workbench pages (issue 5); spread into TABLE in ../route-table.ts. */
export const DISCLOSURE_ROUTES: Record<string, Rule> = {
  'GET /staff/cases/:id/disclosure': WORK,
  'GET /staff/cases/:id/disclosure/progress': WORK,
  'POST /staff/cases/:id/disclosure/prepare': WORK,
  'POST /staff/cases/:id/disclosure/bundle': WORK,
  [`GET ${PAGE}`]: WORK,
  [`GET ${PAGE}/image.png`]: WORK,
  [`POST ${PAGE}/decide`]: WORK,
  [`POST ${PAGE}/decide-all`]: WORK,
  [`POST ${PAGE}/find`]: WORK,
  [`POST ${PAGE}/box`]: WORK,
  [`POST ${PAGE}/withhold`]: WORK,
  [`POST ${PAGE}/withhold-document`]: WORK,
}
