import {
  addDays,
  addMonthsClamped,
  extensionAllowed,
  type ClockRestart,
  type StatutoryDeadline,
} from '../clock/index.js'
import { dayCount, formatLongDate, formatLongDateWithDay } from './long-dates.js'
import type { CaseState } from './types.js'

const RESTART_THINGS: Record<ClockRestart['kind'], string> = {
  identity: 'proof of identity',
  authority: 'proof that the representative may act',
  fee: 'the fee',
}

function lawOf(
  state: CaseState,
  deadline: StatutoryDeadline,
): { period: string; restart: string; pause: string; extension: string } {
  if (deadline.regime === 'PRE_DUAA') {
    const base =
      state.route === 'DPA_PART3'
        ? 'DPA 2018 s.54 as it stood before 5 February 2026'
        : 'UK GDPR Art 12(3) as it stood before 5 February 2026'
    return { period: base, restart: 'ICO guidance', pause: 'ICO guidance', extension: base }
  }
  if (state.route === 'DPA_PART3') {
    return { period: 'DPA 2018 s.54', restart: 'DPA 2018 s.54', pause: 'DPA 2018 s.54(3C)', extension: 'DPA 2018 s.54' }
  }
  return {
    period: 'UK GDPR Art 12A(1)',
    restart: 'UK GDPR Art 12A(2)',
    pause: 'UK GDPR Art 12A(5)',
    extension: 'UK GDPR Art 12A(3)–(4)',
  }
}

function restartLines(state: CaseState, law: string): string[] {
  return state.restarts.map((r) =>
    r.resolvedOn === null
      ? `We asked for ${RESTART_THINGS[r.kind]} on ${formatLongDate(r.requestedOn)} and are still waiting: the time limit starts again when it arrives, so the dates below are the earliest they can be.`
      : `We asked for ${RESTART_THINGS[r.kind]} on ${formatLongDate(r.requestedOn)}; it arrived on ${formatLongDate(r.resolvedOn)}, so the time limit runs from then (${law}).`,
  )
}

function pauseLines(state: CaseState, deadline: StatutoryDeadline, law: string): string[] {
  const lines = state.pauses.map((p) =>
    p.resolvedOn === null
      ? `We asked on ${formatLongDate(p.requestedOn)} for details to help find the information and are waiting for an answer: the clock is paused, so each day of waiting moves the deadline on a day.`
      : `We asked on ${formatLongDate(p.requestedOn)} for details to help find the information and had an answer on ${formatLongDate(p.resolvedOn)}.`,
  )
  if (deadline.pausedDays > 0)
    lines.push(
      `${dayCount(deadline.pausedDays)} of waiting for clarification ${deadline.pausedDays === 1 ? 'does' : 'do'} not count (${law}).`,
    )
  return lines
}

function extensionLines(state: CaseState, deadline: StatutoryDeadline, law: string): string[] {
  if (state.extension) {
    const why = state.extension.ground === 'complexity' ? 'the request is complex' : 'of the number of requests'
    return [
      `Extended by two further months because ${why}; the requester was told on ${formatLongDate(state.extension.noticeGivenOn)}. The deadline is three months from the start (${law}).`,
    ]
  }
  if (!extensionAllowed(deadline.regime, state.route)) {
    return [
      'This request cannot be extended: before 5 February 2026 the law had no extension for law-enforcement requests.',
    ]
  }
  return [
    `If we need to extend, we must tell the requester, with our reasons, by ${formatLongDateWithDay(deadline.noticeDeadline)}.`,
  ]
}

function dueLine(state: CaseState, deadline: StatutoryDeadline): string {
  const raw = addDays(addMonthsClamped(deadline.relevantTime, state.extension ? 3 : 1), deadline.pausedDays)
  const moved =
    raw === deadline.due
      ? ''
      : ` ${formatLongDateWithDay(raw)} is not a working day, so the deadline moves to the next working day.`
  return `The response is due by the end of ${formatLongDateWithDay(deadline.due)}.${moved}`
}

/** Plain-English sentences explaining how a rights request's deadline was worked out (uk-rules §1.3). */
export function statutoryExplanation(state: CaseState, deadline: StatutoryDeadline): string[] {
  const law = lawOf(state, deadline)
  const lines = [
    `Received on ${formatLongDateWithDay(state.receivedOn)}. The day it arrived counts as the first day, so a month ends on the same date in the next month, or on that month’s last day if it is shorter (${law.period}).`,
  ]
  if (deadline.regime === 'PRE_DUAA') {
    lines.push(
      'It arrived before 5 February 2026, so the time limits in force before the Data (Use and Access) Act 2025 apply.',
    )
  }
  lines.push(...restartLines(state, law.restart), ...pauseLines(state, deadline, law.pause))
  lines.push(...extensionLines(state, deadline, law.extension), dueLine(state, deadline))
  return lines
}
