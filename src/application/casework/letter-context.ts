import {
  clockOf,
  evidenceRuleFor,
  exemptionOnRoute,
  formatLongDate,
  localDateInLondon,
  rightDefinition,
  routeLawOf,
  COMPLAINTS_DUTY_COMMENCEMENT,
  DEFAULT_REVIEW_POLICY,
} from '../../domain/index.js'
import type { CaseState, Controller, Role } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { LETTER_PHRASES, type LetterForPdf } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { relatedCaseOf } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { rightDecisionContext } from './right-decision-letter.js'
import { readSettings, type RegulatorDetails } from './settings.js'

/** What a caseworker adds to a letter beyond the case itself (the question asked, the reasons given…). */
export interface LetterExtras {
  question?: string
  rationale?: string
  note?: string
  actionSummary?: string
  searchSummary?: string
  exemptionCodes?: string[]
  feeBasis?: 'manifestly-unfounded' | 'manifestly-excessive'
  neitherConfirmNorDeny?: boolean
}

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`

/**
 * Who receives the letter: the representative who made the request, otherwise the person it is about. A regulator
 * case is answered to the regulator, never to the requester (the case carries the requester's details).
 */
export function recipientOf(
  state: CaseState,
  regulator?: RegulatorDetails,
): { name: string; email?: string; addressLines: string[] } {
  if (state.caseType === 'regulator-case') {
    return { name: regulator?.name ?? 'The regulator', addressLines: regulator?.address ?? [] }
  }
  const who = state.representative ?? state.subject
  const lines = [...(who.address?.lines ?? []), ...(who.address?.postcode ? [who.address.postcode] : [])]
  return { name: who.name, ...(who.email ? { email: who.email } : {}), addressLines: lines }
}

export function privacyUrlFor(deps: Pick<AppDeps, 'baseUrl'>, controllerId: string): string {
  return `${deps.baseUrl}/privacy/${controllerId}`
}

/** The letterhead printed on every page: the controller's name and how to reach its information rights team. */
export function letterheadOf(controller: Controller): LetterForPdf['letterhead'] {
  return {
    name: controller.name,
    addressLines: controller.contact.postalAddress,
    email: controller.contact.email,
    phone: controller.contact.phone,
  }
}

/** How a signatory appears in a letter's sign-off. */
export interface SignOff {
  name: string
  jobTitle: string
  office: string
}

/**
 * Who signs: the controller's signatory for this letter type, else its default signatory, else the author with the
 * title of their role. Resolved per template in renderLetter (notifications/letters.ts) from `signatories`.
 */
function signOffs(controller: Controller, author: Pick<Actor, 'name' | 'roles'>) {
  const role = (['chief-executive', 'reviewer', 'dp-manager', 'correspondence'] as Role[]).find((r) =>
    author.roles.includes(r),
  )
  const asSignOff = (s: { name: string; role: string; office: string }): SignOff => ({
    name: s.name,
    jobTitle: s.role,
    office: s.office,
  })
  const fallback = controller.signing?.default
    ? asSignOff(controller.signing.default)
    : { name: author.name, jobTitle: LETTER_PHRASES.jobTitles[role ?? 'staff'] ?? '', office: controller.name }
  const byLetter = Object.fromEntries(
    Object.entries(controller.signing?.byLetter ?? {}).map(([id, s]) => [id, asSignOff(s)]),
  )
  return { signatory: fallback, signatories: byLetter }
}

/** Everything the letter templates can use, from the case, the controller, the settings and the author. */
export async function buildLetterContext(
  db: Queryable,
  deps: Pick<AppDeps, 'clock' | 'calendar' | 'clockSettings' | 'baseUrl'>,
  state: CaseState,
  author: Pick<Actor, 'name' | 'roles'>,
  extras: LetterExtras = {},
): Promise<{ context: Record<string, unknown>; controller: Controller }> {
  const controller = await findController(db, state.controllerId)
  if (!controller) throw new Error(`no controller ${state.controllerId}`)
  const settings = await readSettings(db)
  const today = localDateInLondon(deps.clock.now())
  const clock = clockOf(state, deps.calendar, deps.clockSettings, today)
  const parent = state.parentCaseId ? await relatedCaseOf(db, state, state.parentCaseId) : null
  // uk-rules §9: a request split into its UK GDPR and Part 3 parts; each part's letters name the other.
  const otherLink = state.links.find((l) => l.relation === 'other-route-part')
  const other = otherLink ? await relatedCaseOf(db, state, otherLink.caseId) : null
  const codes = extras.exemptionCodes ?? state.refusal?.exemptionCodes ?? []
  // DPA s.164A (complaints to the controller) applies to complaints received from 19 June 2026 (SI 2026/82 reg 7).
  const complaintsDutyInForce = today >= COMPLAINTS_DUTY_COMMENCEMENT
  const law = routeLawOf(state)
  const decision = rightDecisionContext(state)
  const context = {
    ...extras,
    ...decision,
    // The decision's own summary is what the letter reports, unless the officer wrote something for this letter.
    actionSummary: extras.actionSummary ?? state.rightDecision?.summary,
    reference: state.reference,
    parentReference: parent?.reference,
    otherPart: other ? { reference: other.reference, lawName: routeLawOf(other).name } : null,
    today: formatLongDate(today),
    receivedOn: formatLongDate(state.receivedOn),
    due: clock.due ? formatLongDate(clock.due) : null,
    extendedDue: state.extension && clock.due ? formatLongDate(clock.due) : null,
    extension: state.extension,
    right: state.right,
    rightTitle: state.right ? rightDefinition(state.right).title : null,
    requestName: LETTER_PHRASES.requestNames[state.right ?? state.caseType] ?? 'request',
    description: state.request.description,
    recipient: recipientOf(state, settings.regulator),
    subjectName: state.subject.name,
    representative: state.representative ?? null,
    needsIdentity: !state.identity,
    evidence: evidenceRuleFor(state.requesterType),
    authorityNeeded: evidenceRuleFor(state.requesterType).authority?.description ?? 'written authority',
    part3: state.route === 'DPA_PART3',
    regime: law.regime,
    law: { ...law, regulatorComplaint: law.regulatorComplaint(complaintsDutyInForce) },
    reviewPolicy: controller.review ?? DEFAULT_REVIEW_POLICY,
    controller: { name: controller.name, email: controller.contact.email, phone: controller.contact.phone },
    signpost: controller.signpost ?? null,
    regulator: settings.regulator,
    regulatorReference: state.regulator?.reference,
    privacyUrl: privacyUrlFor(deps, controller.id),
    complaintsDutyInForce,
    refusal: state.refusal,
    neitherConfirmNorDeny: extras.neitherConfirmNorDeny ?? state.outcome === 'neither-confirm-nor-deny',
    redirect: state.redirect,
    review: state.reviewDecision,
    complaint: state.complaintOutcome,
    exemptions: codes.flatMap((c) => exemptionOnRoute(c, state.route) ?? []),
    // s.45A: legal professional privilege under Part 3; the reasons may be left out if giving them would undermine it.
    privilegeApplied: codes.includes('LE_45A_LPP'),
    fee: state.fee && {
      basis: state.fee.basis,
      amount: pounds(state.fee.amountPence),
      hours: state.fee.breakdown.hours,
      rate: pounds(state.fee.breakdown.ratePence),
      staffCost: pounds(Math.round(state.fee.breakdown.hours * state.fee.breakdown.ratePence)),
      disbursements: pounds(state.fee.breakdown.disbursementsPence),
    },
    feeBasisWords: LETTER_PHRASES.feeBasis[extras.feeBasis ?? 'manifestly-excessive'],
    ...signOffs(controller, author),
  }
  return { context, controller }
}
