import type { CaseState, Permission } from '../../../domain/index.js'
import { permissionForCommand } from '../../../domain/index.js'
import type { CaseWorkspace } from '../../../application/casework/case-workspace.js'
import { text } from '../../nunjucks.js'
import { ACTIONS } from '../actions/catalogue.js'

export interface NextStep {
  href: string
  text: string
  primary?: boolean
}

/**
 * The links a caseworker may follow from the case page, for this stage and their role. Showing a link is only
 * convenience: the route's access rule and the use case still decide.
 */
export function nextSteps(state: CaseState, ws: CaseWorkspace, may: (p: Permission) => boolean): NextStep[] {
  const base = `/staff/cases/${state.id}`
  const steps: NextStep[] = []
  const add = (ok: boolean, path: string, key: string, primary = false) => {
    if (ok) steps.push({ href: `${base}/${path}`, text: text(key), primary })
  }
  const draftOpen = ws.letters.some((l) => !l.sentAt && l.outcome !== null && state.draft?.letterId !== l.id)
  add(
    state.status === 'in-progress' && state.caseType !== 'review' && may('case:draft'),
    'draft',
    draftOpen ? 'casework.case.continueDraft' : 'casework.case.draftResponse',
    true,
  )
  add(
    state.status === 'in-review' && state.caseType !== 'review' && may('case:approve'),
    'review',
    'casework.case.reviewDraft',
    true,
  )
  add(
    state.caseType === 'review' &&
      ['received', 'in-progress', 'in-review'].includes(state.status) &&
      may('review:decide'),
    'decide-appeal',
    'casework.case.decideAppeal',
    true,
  )
  add(state.status === 'approved' && may('case:send-response'), 'send', 'casework.case.sendResponse', true)
  const passwordWaiting = state.response?.delivery?.method === 'encrypted-email' && !state.response.passwordRelease
  add(passwordWaiting && may('case:send-response'), 'release-password', 'casework.case.releasePassword', true)
  for (const action of ACTIONS) {
    if (['approve', 'return-draft'].includes(action.slug)) continue
    add(
      action.available(state) && may(permissionForCommand(action.command)),
      action.slug,
      `casework.actions.${action.slug}.title`,
    )
  }
  const open = !['closed', 'withdrawn'].includes(state.status)
  add(open && may('task:assign'), 'tasks/new', 'casework.case.newTask')
  add(open && (may('case:work') || may('case:log')), 'documents/new', 'casework.case.addDocument')
  add(open && may('case:request-info'), 'message', 'casework.case.sendMessage')
  add(may('case:log') && state.caseType === 'rights-request', 'log-related', 'casework.case.logRelated')
  // uk-rules §9: one request, two routes (UK GDPR and DPA 2018 Part 3).
  const split = state.links.some((l) => l.relation === 'other-route-part')
  add(open && !split && may('case:log') && state.caseType === 'rights-request', 'split', 'casework.split.link')
  return steps
}
