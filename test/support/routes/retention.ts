import type { Rule } from '../route-table.js'

/** Route-matrix rules for the retention pages (issue 6); spread into TABLE in ../route-table.ts. */
export const RETENTION_ROUTES: Record<string, Rule> = {}
