import type { Right } from '../rights/rights.js'
import type { CaseType, Outcome, RedirectTarget, RefusalBasis } from './types.js'

export const OUTCOME_LABELS: Record<Outcome, string> = {
  'disclosed-in-full': 'information provided in full',
  'disclosed-in-part': 'information provided in part',
  'no-data-held': 'no information held',
  'refused-manifestly-unfounded': 'refused as manifestly unfounded',
  'refused-manifestly-excessive': 'refused as manifestly excessive',
  'refused-exemption': 'refused under an exemption',
  'neither-confirm-nor-deny': 'neither confirmed nor denied',
  'not-valid-no-authority': 'not valid: no proof of authority to act',
  'redirected-other-controller': 'redirected to another organisation',
  'redirected-deceased-foi': 'redirected: about a person who has died',
  'redirected-acro': 'redirected to ACRO (police national records)',
  'not-personal-data': 'not personal data',
  'action-taken': 'action taken',
  'action-declined': 'action declined',
  'review-upheld': 'review upheld',
  'review-partly-upheld': 'review partly upheld',
  'review-not-upheld': 'review not upheld',
  'complaint-upheld': 'complaint upheld',
  'complaint-not-upheld': 'complaint not upheld',
  'regulator-answered': 'regulator answered',
  withdrawn: 'withdrawn',
}

/** Outcomes that need a recorded decision first (Refuse), because a refusal must give reasons (Art 12(4)). */
export const REFUSAL_OUTCOMES: readonly Outcome[] = [
  'refused-manifestly-unfounded',
  'refused-manifestly-excessive',
  'refused-exemption',
  'neither-confirm-nor-deny',
  'not-valid-no-authority',
]

export const REDIRECT_OUTCOMES: readonly Outcome[] = [
  'redirected-other-controller',
  'redirected-deceased-foi',
  'redirected-acro',
  'not-personal-data',
]

export function refusalOutcome(basis: RefusalBasis, neitherConfirmNorDeny: boolean): Outcome {
  switch (basis) {
    case 'manifestly-unfounded':
      return 'refused-manifestly-unfounded'
    case 'manifestly-excessive':
      return 'refused-manifestly-excessive'
    case 'no-authority':
      return 'not-valid-no-authority'
    case 'exemption':
      return neitherConfirmNorDeny ? 'neither-confirm-nor-deny' : 'refused-exemption'
  }
}

export function redirectOutcome(to: RedirectTarget): Outcome {
  switch (to) {
    case 'deceased-foi':
      return 'redirected-deceased-foi'
    case 'acro':
      return 'redirected-acro'
    case 'not-personal-data':
      return 'not-personal-data'
    case 'other-controller':
      return 'redirected-other-controller'
  }
}

/**
 * The outcomes a response may report when no refusal, redirect or decision fixes it: what was provided for an
 * access request, or whether we acted for the other rights.
 */
export function plainResponseOutcomes(caseType: CaseType, right: Right | undefined): readonly Outcome[] {
  switch (caseType) {
    case 'rights-request':
      return right === 'access'
        ? ['disclosed-in-full', 'disclosed-in-part', 'no-data-held']
        : ['action-taken', 'action-declined']
    case 'regulator-case':
      return ['regulator-answered']
    case 'review':
    case 'complaint':
      return []
  }
}
