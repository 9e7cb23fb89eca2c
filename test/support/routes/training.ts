import type { Rule } from '../route-table.js'

/** Route-matrix rules for the training pages (issue 6); spread into TABLE in ../route-table.ts. */
export const TRAINING_ROUTES: Record<string, Rule> = {}
