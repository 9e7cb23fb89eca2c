import type { Rule } from '../route-table.js'

/** Route-matrix rules for the register pages (issue 6); spread into TABLE in ../route-table.ts. */
export const REGISTER_ROUTES: Record<string, Rule> = {}
