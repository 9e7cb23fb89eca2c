import type { Permission } from '../../../domain/index.js'

/** Whoever holds one of these sees the Governance item in the staff navigation and the hub page. */
export const GOVERNANCE_PERMISSIONS: readonly Permission[] = [
  'retention:propose',
  'retention:approve',
  'retention:manage',
  'legal-hold:manage',
  'register:manage',
  'training:manage',
  'training:view',
]
