import { INTAKE_ACTIONS } from './intake.js'
import { RIGHTS_ACTIONS } from './rights.js'
import type { ActionDef } from './types.js'
import { SAFEGUARD_ACTIONS } from './safeguards.js'
import { WORK_ACTIONS } from './work.js'

/** Every generic action form, in the order the case page lists them. */
export const ACTIONS: readonly ActionDef[] = [
  ...INTAKE_ACTIONS,
  ...RIGHTS_ACTIONS,
  ...WORK_ACTIONS,
  ...SAFEGUARD_ACTIONS,
]

export function actionBySlug(slug: string): ActionDef | undefined {
  return ACTIONS.find((a) => a.slug === slug)
}
