import { fail, type Result } from '../errors.js'
import type { Command } from './commands.js'
import { emit, requireText, type Check, type DecideContext } from './decide-support.js'
import type { CaseEvent } from './events.js'
import type { CaseState, Outcome, ResponseChannel, ResponseDelivery } from './types.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>

const METHOD_CHANNEL: Record<ResponseDelivery['method'], ResponseChannel> = {
  'encrypted-email': 'email',
  portal: 'portal',
  post: 'post',
}

/**
 * Checks a delivery record against seed 002 ("Responding to a SAR"): by email the file is password protected;
 * by post it goes double enveloped, with a data protection disclaimer, by special delivery. Every response names the
 * requester and what they asked, so the protocol applies whatever the outcome, refusals included.
 */
export function deliveryProblem(channel: ResponseChannel, _outcome: Outcome, delivery?: ResponseDelivery): Check {
  if (!delivery) return null
  if (METHOD_CHANNEL[delivery.method] !== channel) {
    return fail('validation', `delivery ${delivery.method} does not match channel ${channel}`)
  }
  if (delivery.method !== 'post') return null
  const fields: Record<string, string> = {}
  if (!delivery.doubleEnvelope) fields.doubleEnvelope = 'Personal information must be sent in a double envelope'
  if (!delivery.disclaimerIncluded) fields.disclaimerIncluded = 'Include the data protection disclaimer'
  // Royal Mail Special Delivery Guaranteed references: two letters, nine digits, two letters (spaces optional).
  if (!/^[A-Z]{2}\d{9}[A-Z]{2}$/i.test(delivery.specialDeliveryReference.replace(/\s+/g, ''))) {
    fields.specialDeliveryReference = 'Enter the special delivery reference, like AB 1234 5678 9GB'
  }
  if (Object.keys(fields).length === 0) return null
  return fail('validation', 'post delivery does not follow the sensitive information protocol', {
    fields,
    userMessage: 'Personal information sent by post must follow the sensitive information protocol.',
  })
}

/** The password of an encrypted email response, given separately once identity has been confirmed again. */
export function recordPasswordReleased(
  state: CaseState,
  cmd: Cmd<'RecordPasswordReleased'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const response = state.response
  if (!response || response.delivery?.method !== 'encrypted-email') {
    return fail('invalid-transition', 'no password-protected email response has been sent', {
      userMessage: 'There is no password-protected response waiting for its password.',
    })
  }
  if (response.passwordRelease) {
    return fail('conflict', `password already given on ${response.passwordRelease.releasedOn}`)
  }
  if (cmd.via !== 'separate-email' && cmd.via !== 'phone-call') {
    return fail('validation', `unknown release route ${String(cmd.via)}`, {
      fields: { via: 'Choose how you gave the password' },
    })
  }
  // Seed 002: confirmation of identity is required before the password is sent; record how it was done.
  const problem = requireText(cmd.identityConfirmedHow, 'identityConfirmedHow', 10)
  if (problem) return problem
  return emit(ctx, {
    type: 'ResponsePasswordReleased',
    via: cmd.via,
    identityConfirmedHow: cmd.identityConfirmedHow.trim(),
    on: ctx.today,
  })
}

/** A response whose file went out encrypted cannot be closed until its password has been given. */
export function passwordOutstanding(state: CaseState): Check {
  const r = state.response
  if (r?.delivery?.method !== 'encrypted-email' || r.passwordRelease) return null
  return fail('invalid-transition', 'the password for the encrypted response has not been given', {
    userMessage: 'Give the requester the password for the response before closing the case.',
  })
}
