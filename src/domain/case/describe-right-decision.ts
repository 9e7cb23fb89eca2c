import { groundWording } from '../rights/decision-grounds.js'
import type { EventOf } from './events.js'
import { formatLongDate } from './long-dates.js'

const RESULT_WORDS = { 'in-full': 'done in full', 'in-part': 'done in part', declined: 'declined' } as const

const METHOD_WORDS = {
  corrected: 'corrected',
  completed: 'completed',
  'supplementary-statement': "completed with the requester's supplementary statement",
  'restricted-instead': 'restricted instead of corrected, as evidence (DPA 2018 s.46(4))',
} as const

const SAFEGUARD_WORDS = {
  information: 'information about the decision',
  representations: 'to make representations',
  'human-intervention': 'human intervention',
  contest: 'to contest the decision',
} as const

function specifics(e: EventOf<'RightDecided'>): string[] {
  const parts: string[] = []
  if (e.rectification) parts.push(`information ${METHOD_WORDS[e.rectification.method]}`)
  if (e.restrictionGround)
    parts.push(`restricted: ${groundWording(e.restrictionGround)?.citation ?? e.restrictionGround}`)
  if (e.objection?.kind === 'direct-marketing') parts.push('objection to direct marketing (absolute)')
  if (e.objection?.kind === 'particular-situation') parts.push(`balance of grounds: ${e.objection.balance ?? ''}`)
  if (e.automated) {
    parts.push(`asked for ${e.automated.safeguards.map((s) => SAFEGUARD_WORDS[s]).join(', ')}`)
    if (e.automated.reviewer)
      parts.push(
        `reconsidered by ${e.automated.reviewer}: ${e.automated.decisionChanged ? 'decision changed' : 'decision stands'}`,
      )
  }
  if (e.automatedRegime)
    parts.push(e.automatedRegime === 'ARTS_22A_22D' ? 'Arts 22A–22D' : 'Art 22 (before 5 February 2026)')
  return parts
}

/** The timeline line for a decision on a right other than access, naming each ground with its reason. */
export function describeRightDecision(e: EventOf<'RightDecided'>): string {
  const grounds = e.grounds.map((g) => `${g.code} (${groundWording(g.code)?.citation ?? 'exemption'}): ${g.reason}`)
  const restricted = e.restrictionStarts ? '; processing restricted from today' : ''
  return [
    `Decision on the ${e.right.replace('-', ' ')} request: ${RESULT_WORDS[e.result]}${restricted}`,
    ...specifics(e),
    ...grounds,
  ]
    .filter(Boolean)
    .join('. ')
}

export function describeRecipientNotice(e: EventOf<'RecipientNotified'>): string {
  if (e.status === 'notified')
    return `Recipient told of the change (Art 19): ${e.recipient}, by ${e.method ?? 'unknown means'} on ${formatLongDate(e.on)}`
  return `Recipient not told (Art 19, ${e.status}): ${e.recipient}. ${e.reason ?? ''}`.trim()
}
