import { isValidLocalDate } from '../clock/index.js'
import { fail, type Result } from '../errors.js'
import { exemptionByCode } from '../exemptions/catalogue.js'
import type { Command } from './commands.js'
import { emit, requireCaseType, requireText, type DecideContext } from './decide-support.js'
import type { CaseEvent } from './events.js'
import type { CaseState } from './types.js'

/** Reasons a regulator can check (s.45(7)) need more than a word or two. */
const MIN_REASONS = 20

/**
 * DPA 2018 s.45(7): records why a Part 3 right was restricted, per restriction, with a date to look at it again
 * (s.45(4) allows a restriction only "for so long as" it is necessary and proportionate). Only a Part 3 ground
 * (s.44(4), s.45(4), s.48(3)) or s.45A legal professional privilege qualifies; UK GDPR cases use exemptions.
 */
export function recordRestriction(
  state: CaseState,
  cmd: Extract<Command, { type: 'RecordRestriction' }>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const problem = requireCaseType(state, ['rights-request'], 'record a restriction') ?? checks(state, cmd, ctx)
  if (problem) return problem
  return emit(ctx, {
    type: 'RestrictionRecorded',
    code: cmd.code,
    reasons: cmd.reasons.trim(),
    reviewOn: cmd.reviewOn,
    neitherConfirmNorDeny: cmd.neitherConfirmNorDeny === true,
    on: ctx.today,
  })
}

function checks(state: CaseState, cmd: Extract<Command, { type: 'RecordRestriction' }>, ctx: DecideContext) {
  if (state.route !== 'DPA_PART3') {
    return fail('validation', 'restrictions are recorded on Part 3 cases only', {
      fields: { code: 'Only a law enforcement (DPA 2018 Part 3) case has restrictions; record exemptions instead' },
    })
  }
  const exemption = exemptionByCode(cmd.code)
  const restricts = exemption?.route === 'DPA_PART3' && exemption.code !== 'LE_53_MUE'
  if (!restricts || exemption.code === 'LE_43_3_JUDICIAL') {
    return fail('validation', `${cmd.code} is not a Part 3 restriction`, {
      fields: { code: 'Choose a restriction ground under section 44(4), 45(4), 45A or 48(3)' },
    })
  }
  if (!isValidLocalDate(cmd.reviewOn) || cmd.reviewOn <= ctx.today) {
    return fail('validation', `review date ${cmd.reviewOn} is not after today`, {
      fields: { reviewOn: 'Enter a real date after today to review the restriction' },
    })
  }
  return requireText(cmd.reasons, 'reasons', MIN_REASONS)
}

/**
 * UK GDPR Art 15(3): a reasonable fee based on administrative costs for further copies. It is not a fee under Art
 * 12(5), so it is not in Art 12A(2)(c) and never restarts the clock (uk-rules §1.3). Access requests on the UK GDPR
 * route only: Part 3 has no equivalent (s.45 is free, s.52(5)).
 */
export function recordFurtherCopyFee(
  state: CaseState,
  cmd: Extract<Command, { type: 'RecordFurtherCopyFee' }>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  if (state.caseType !== 'rights-request' || state.right !== 'access' || state.route !== 'UK_GDPR')
    return fail('validation', 'further-copy fees are for UK GDPR access requests', {
      fields: { amountPence: 'A fee for further copies applies only to a UK GDPR request for a copy (Article 15(3))' },
    })
  if (!Number.isInteger(cmd.amountPence) || cmd.amountPence <= 0 || cmd.amountPence > 100_000)
    return fail('validation', `amount ${cmd.amountPence} out of range`, {
      fields: { amountPence: 'Enter an amount between £0.01 and £1,000' },
    })
  const problem = requireText(cmd.basis, 'basis', 10)
  if (problem) return problem
  return emit(ctx, {
    type: 'FurtherCopyFeeRecorded',
    amountPence: cmd.amountPence,
    basis: cmd.basis.trim(),
    on: ctx.today,
  })
}
