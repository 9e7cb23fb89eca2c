import type { LocalDate } from '../clock/index.js'
import { evidenceRuleFor } from '../requester/evidence-rules.js'
import { formatLongDate } from './long-dates.js'
import type { CaseState } from './types.js'

export type WaitingKind = 'identity' | 'authority' | 'fee' | 'clarification'

export interface WaitingItem {
  kind: WaitingKind
  since: LocalDate
  text: string
}

function identityText(state: CaseState): string {
  const rule = evidenceRuleFor(state.requesterType)
  if (!rule.representative) return 'Proof of identity from the requester'
  return 'Proof of identity for the person the information is about and for their representative'
}

function itemsOf(state: CaseState): WaitingItem[] {
  const items: WaitingItem[] = state.restarts
    .filter((r) => r.resolvedOn === null)
    .map((r) => {
      if (r.kind === 'identity') return { kind: 'identity', since: r.requestedOn, text: identityText(state) }
      if (r.kind === 'authority') {
        const authority = evidenceRuleFor(state.requesterType).authority
        return {
          kind: 'authority',
          since: r.requestedOn,
          text: `Proof that the representative may act (${authority?.description ?? 'written authority'})`,
        }
      }
      const amount = state.fee ? `£${(state.fee.amountPence / 100).toFixed(2)}` : 'the fee'
      return { kind: 'fee', since: r.requestedOn, text: `Payment of ${amount}` }
    })
  for (const p of state.pauses.filter((pause) => pause.resolvedOn === null)) {
    items.push({
      kind: 'clarification',
      since: p.requestedOn,
      text: 'More details to help us find the information asked for',
    })
  }
  return items
}

/** Each thing the office is waiting for from the requester, oldest first; none when the next step is ours. */
export function waitingItems(state: CaseState): WaitingItem[] {
  if (['responded', 'closed', 'withdrawn'].includes(state.status)) return []
  return itemsOf(state).sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
}

/** What the office is waiting for, in one plain sentence for a case list or the requester's status page. */
export function waitingFor(state: CaseState): string {
  const items = waitingItems(state)
  const first = items[0]
  if (!first) return 'Nothing: the next step is ours.'
  const texts = items.map((i) => i.text.charAt(0).toLowerCase() + i.text.slice(1))
  const list = texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`
  return `Waiting since ${formatLongDate(first.since)} for ${list}.`
}
