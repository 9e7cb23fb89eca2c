// The last page of the pack: each figure in plain words, so the meeting never has to guess what a number counts.
// Keep in step with the definitions in timeliness.ts, workload.ts, decisions.ts, other-cases.ts and series.ts.
export const DEFINITIONS: readonly (readonly [term: string, body: string])[] = [
  [
    'Other rights: decisions, grounds, recipients, restrictions',
    'Decisions on rectification, erasure, restriction, objection and automated decisions count in the month they ' +
      'were recorded: done in full, in part, or declined. Grounds: each legal ground relied on for anything not done ' +
      '(for erasure, the Art 17(3) exceptions), once per decision. Recipients: organisations told of a correction, ' +
      'erasure or restriction (Art 19), or recorded as impossible or disproportionate to tell, by the date recorded. ' +
      'Restrictions: started, requesters told before lifting (Art 18(3)) and lifted in the month; in place at the ' +
      'end of the period.',
  ],
  [
    'Period and snapshot',
    'Figures about the month count what happened in it, each by the date it happened (received, sent, extended, ' +
      'paused, refused, decided). Figures about open work are a snapshot on the day shown, because the meeting ' +
      'discusses what is outstanding now. Cases destroyed under the retention schedule still count in the month ' +
      'figures, from the statistics kept in their disposal record.',
  ],
  [
    'Received',
    'Rights requests (access, rectification, erasure, restriction, portability, objection, automated decisions) ' +
      'whose date of receipt is in the month. Appeals, complaints and regulator cases are counted separately.',
  ],
  [
    'On time and late (the ICO measure)',
    'A response counts in the month it was sent. It is on time when sent on or before the statutory due date in ' +
      'force at the time: one calendar month from receipt, or from the day identity, authority or a fee arrived; ' +
      'plus any clarification pause; three months instead of one when the deadline was extended; moved to the next ' +
      'working day when it falls on a weekend or bank holiday (UK GDPR Art 12A; DPA 2018 s.54). Refusal and ' +
      'redirection letters are responses. Withdrawn requests are not counted.',
  ],
  [
    'Days to respond: median and 90%',
    'Calendar days from the day a request was received to the day its response was sent. The median is the middle ' +
      'value. "90% sent within" is the 90th percentile (nearest rank): nine in ten responses took no longer.',
  ],
  [
    'Open, overdue and due soon',
    'Open: not yet answered (any type of case). Overdue: the clock is running and the due date has passed. Due soon: ' +
      'due within the next 5 working days. Waiting for the requester: identity, authority, a fee or clarification ' +
      'is awaited, so the clock is stopped; these cases are neither overdue nor due soon.',
  ],
  [
    'Due dates of appeals, complaints and regulator cases',
    'Appeals (internal reviews): 20 working days, office policy (seed 002). Complaints: acknowledged within 30 days ' +
      '(DPA 2018 s.164A) and an outcome within 3 months, an internal target. Regulator cases: the date the ICO asked for.',
  ],
  [
    'Appeals and complaints: upheld',
    'Upheld means the requester was right: the Chief Executive changed the decision appealed against, or the ' +
      'complaint was found justified. Not upheld means the original decision or handling stood.',
  ],
  [
    'Extensions, pauses and refusals',
    'Extensions are counted in the month the notice was given, by ground (complexity, or the number of requests). ' +
      'Clarification pauses are counted in the month they were asked for; paused days run from the day asked to the ' +
      'day answered, both included. Refusals are counted in the month the decision was recorded, by reason.',
  ],
  [
    'Exemptions',
    'For responses sent in the month, each exemption relied on in the response or refusal, counted once per case. ' +
      'Redactions, when shown, count lines of the redaction schedules and are never added to the cases.',
  ],
  ['Open cases by age', 'Calendar days since the case was received, on the snapshot day.'],
  [
    'Closed',
    'In the monthly chart, a request is closed in the month its response was sent, or in the month it was ' +
      'withdrawn. Filing the case afterwards does not move it.',
  ],
]
