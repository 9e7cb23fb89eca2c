// Fixed cases for the reporting tests, built through decide/evolve like real ones. The expected figures in
// figures.test.ts and series.test.ts are worked out by hand from the dates below (England and Wales calendar; Good
// Friday 3 April and Easter Monday 6 April 2026, Early May bank holiday 4 May 2026). Not part of the public API.
import { harness, logCommand, OWN_ID, type Harness } from '../domain/case/case-fixtures.js'
import type { LogRequest } from '../domain/case/commands.js'
import type { CaseState } from '../domain/index.js'
import type { SearchTaskRow } from './types.js'

export const OPCC = 'northshire-opcc'
export const POLICE = 'northshire-police'

/** A case received at 09:30 UTC on `day` (the same Europe/London date), with `steps` applied to it. */
function build(day: string, overrides: Partial<LogRequest>, steps: (h: Harness) => void = () => undefined) {
  const h = harness(day)
  h.run(logCommand({ controllerId: OPCC, receivedAt: `${day}T09:30:00Z`, ...overrides }))
  steps(h)
  return h.state
}

const verify = (h: Harness, day: string) =>
  h.run(
    { type: 'RecordIdentityVerified', documentsSeen: OWN_ID, verifiedOn: day, verifierId: 'corr', receivedOn: day },
    day,
  )

/** Identity seen, assigned and started on `day`; draft on `draftOn`, approved the next day by the reviewer. */
function workedAndApproved(h: Harness, day: string, draftOn: string, approveOn: string) {
  verify(h, day)
  h.run({ type: 'Assign', assigneeId: 'user-dp' }, day)
  h.run({ type: 'StartWork' }, day)
  // Issue 13: a request for another right is answered only after its decision is recorded.
  if (h.state.right === 'rectification')
    h.run(
      {
        type: 'DecideRight',
        result: 'in-full',
        summary: 'Address corrected',
        rectification: { method: 'corrected' },
      },
      draftOn,
    )
  h.run({ type: 'SubmitDraft', version: 1, summary: 'Response' }, draftOn)
  h.run({ type: 'Approve' }, approveOn, 'reviewer')
}

export const NAMES = ['Alice Adams', 'Ben Brown', 'Cara Cole', 'Dev Desai', 'Eve Ellis', 'Finn Ford', 'Gail Grant']

/**
 * Thirteen OPCC cases and one police case. Due dates (uk-rules §1.3):
 * A access, 2 Mar → due Thu 2 Apr; sent 20 Mar: on time, 18 days.
 * B rectification, 9 Feb → due Mon 9 Mar; sent 16 Mar: LATE by 7 days, 35 days.
 * C access, 2 Feb, EXTENDED (complexity, notice 2 Mar) → 2 May is a Saturday, 4 May a bank holiday → Tue 5 May;
 *   sent 25 Mar: on time (late without the extension), 51 days.
 * D access, 2 Mar, PAUSED 4–10 Mar (7 days) → 2 Apr + 7 = Thu 9 Apr; open: due soon, 8 days left on 1 Apr.
 * E access, 16 Feb, REFUSED 5 Mar (exemption S2P1_2_CRIME) → due Mon 16 Mar; refusal sent 6 Mar: on time, 18 days.
 * F access, 10 Mar, REFUSED 12 Mar (manifestly unfounded), letter not yet sent → due Fri 10 Apr: due soon.
 * G erasure, 16 Feb → due Mon 16 Mar; open on 1 Apr: OVERDUE by 16 days.
 * H access, 25 Mar, waiting for ID since 26 Mar: clock stopped.
 * I review of E, 9 Mar, UPHELD 20 Mar and answered. J review of B, 23 Mar, open (due 22 Apr).
 * K complaint, 11 Mar, acknowledged, NOT UPHELD 27 Mar, letter not yet sent: open.
 * L regulator case, 30 Mar, answer asked for by 24 Apr: open.
 * N restriction, 4 Mar, withdrawn 6 Mar.
 * P (police) erasure, 3 Mar, open (due 3 Apr: due soon when all controllers are included).
 */
export function fixtureCases(): CaseState[] {
  const send = (h: Harness, on: string, outcome: 'disclosed-in-part' | 'disclosed-in-full' | 'action-taken') =>
    h.run(
      {
        type: 'RecordResponseSent',
        channel: 'email',
        outcome,
        sentOn: on,
        exemptionCodes: outcome === 'disclosed-in-part' ? ['S2P3_16_THIRD'] : [],
      },
      on,
    )
  const a = build(
    '2026-03-02',
    { id: 'a', reference: 'OPCC-A', channel: 'email', subject: { name: 'Alice Adams' } },
    (h) => {
      workedAndApproved(h, '2026-03-02', '2026-03-18', '2026-03-19')
      send(h, '2026-03-20', 'disclosed-in-part')
      h.run({ type: 'Close' }, '2026-03-23')
    },
  )
  const b = build(
    '2026-02-09',
    { id: 'b', reference: 'OPCC-B', right: 'rectification', channel: 'post', subject: { name: 'Ben Brown' } },
    (h) => {
      workedAndApproved(h, '2026-02-09', '2026-03-12', '2026-03-13')
      send(h, '2026-03-16', 'action-taken')
    },
  )
  const c = build(
    '2026-02-02',
    { id: 'c', reference: 'OPCC-C', channel: 'portal', subject: { name: 'Cara Cole' } },
    (h) => {
      verify(h, '2026-02-02')
      h.run({ type: 'StartWork' }, '2026-02-03')
      h.run({ type: 'Extend', ground: 'complexity', reasons: 'Archived paper records in three places' }, '2026-03-02')
      h.run({ type: 'SubmitDraft', version: 1, summary: 'Response' }, '2026-03-23')
      h.run({ type: 'Approve' }, '2026-03-24', 'reviewer')
      send(h, '2026-03-25', 'disclosed-in-full')
    },
  )
  const d = build(
    '2026-03-02',
    { id: 'd', reference: 'OPCC-D', channel: 'email', subject: { name: 'Dev Desai' } },
    (h) => {
      verify(h, '2026-03-02')
      h.run({ type: 'Assign', assigneeId: 'user-dp' }, '2026-03-02')
      h.run({ type: 'RequestClarification', question: 'Which years?' }, '2026-03-04')
      h.run({ type: 'RecordClarificationReceived', receivedOn: '2026-03-10' }, '2026-03-10')
    },
  )
  const e = build(
    '2026-02-16',
    { id: 'e', reference: 'OPCC-E', channel: 'phone', subject: { name: 'Eve Ellis' } },
    (h) => {
      h.run({ type: 'StartWork' }, '2026-02-17')
      h.run(
        {
          type: 'Refuse',
          basis: 'exemption',
          exemptionCodes: ['S2P1_2_CRIME'],
          justification: 'Disclosure would prejudice an investigation',
        },
        '2026-03-05',
      )
      h.run({ type: 'SubmitDraft', version: 1, summary: 'Refusal' }, '2026-03-05')
      h.run({ type: 'Approve' }, '2026-03-06', 'reviewer')
      h.run(
        { type: 'RecordResponseSent', channel: 'post', outcome: 'refused-exemption', sentOn: '2026-03-06' },
        '2026-03-06',
      )
    },
  )
  const f = build(
    '2026-03-10',
    { id: 'f', reference: 'OPCC-F', channel: 'post', subject: { name: 'Finn Ford' } },
    (h) => {
      h.run(
        { type: 'Refuse', basis: 'manifestly-unfounded', justification: 'The request is an attempt to harass staff' },
        '2026-03-12',
      )
    },
  )
  const g = build(
    '2026-02-16',
    { id: 'g', reference: 'OPCC-G', right: 'erasure', channel: 'email', subject: { name: 'Gail Grant' } },
    (h) => {
      verify(h, '2026-02-16')
      h.run({ type: 'Assign', assigneeId: 'user-cw' }, '2026-02-16')
      h.run({ type: 'StartWork' }, '2026-02-17')
    },
  )
  const hCase = build('2026-03-25', { id: 'h', reference: 'OPCC-H', channel: 'portal' }, (h) => {
    h.run({ type: 'RequestIdentity' }, '2026-03-26', 'corr')
  })
  const review = (id: string, day: string, parent: string) =>
    ({
      id,
      reference: `OPCC-${id.toUpperCase()}`,
      caseType: 'review',
      right: undefined,
      parentCaseId: parent,
      channel: 'email',
    }) as const
  const i = build('2026-03-09', review('i', '2026-03-09', 'e'), (h) => {
    h.run({ type: 'DecideReview', upheld: true, reasons: 'The exemption was applied too widely' }, '2026-03-20', 'ceo')
    h.run(
      { type: 'RecordResponseSent', channel: 'email', outcome: 'review-upheld', sentOn: '2026-03-20' },
      '2026-03-20',
    )
  })
  const j = build('2026-03-23', review('j', '2026-03-23', 'b'))
  const k = build(
    '2026-03-11',
    { id: 'k', reference: 'OPCC-K', caseType: 'complaint', right: undefined, channel: 'email' },
    (h) => {
      h.run({ type: 'Acknowledge' }, '2026-03-11', 'corr')
      h.run({ type: 'RecordComplaintOutcome', upheld: false, summary: 'Handled correctly' }, '2026-03-27')
    },
  )
  const l = build('2026-03-30', {
    id: 'l',
    reference: 'OPCC-L',
    caseType: 'regulator-case',
    right: undefined,
    channel: 'email',
    regulatorDueOn: '2026-04-24',
  })
  const n = build('2026-03-04', { id: 'n', reference: 'OPCC-N', right: 'restriction', channel: 'phone' }, (h) => {
    h.run({ type: 'Withdraw', reason: 'Resolved informally' }, '2026-03-06')
  })
  const p = build('2026-03-03', {
    id: 'p',
    reference: 'POL-P',
    controllerId: POLICE,
    right: 'erasure',
    channel: 'in-person',
  })
  return [a, b, c, d, e, f, g, hCase, i, j, k, l, n, p]
}

export function fixtureSearchTasks(): SearchTaskRow[] {
  const task = (id: string, caseId: string, team: string | null, dueOn: string, returnedAt: string | null = null) => ({
    id,
    caseId,
    assigneeId: team ? null : 'user-cw',
    team,
    dueOn,
    status: returnedAt ? 'returned' : 'sent',
    returnedAt,
  })
  return [
    task('t1', 'g', 'Professional Standards', '2026-03-20'),
    task('t2', 'd', 'Professional Standards', '2026-04-03'),
    task('t3', 'a', 'Finance', '2026-03-10', '2026-03-09T15:00:00Z'),
    task('t4', 'g', null, '2026-03-25'),
    task('t5', 'p', 'Custody', '2026-03-01'),
  ]
}

export const USER_NAMES = new Map([
  ['user-dp', 'Dana Price'],
  ['user-cw', 'Carl Webb'],
])
