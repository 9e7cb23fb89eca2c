import type { Command, Right } from '../../domain/index.js'
import { demoRightDecision } from './demo-decisions.js'

/** Who in the demo office issues a step. */
export type DemoRole = 'correspondence' | 'dp-manager' | 'reviewer' | 'chief-executive'

export interface DemoStep {
  /** Days after receipt. */
  day: number
  by: DemoRole
  command: (ids: DemoIds, on: (day: number) => string) => Exclude<Command, { type: 'LogRequest' }>
}

export interface DemoIds {
  route?: 'UK_GDPR' | 'DPA_PART3'
  dpManager: string
  reviewer: string
  parentCaseId?: string
}

export interface DemoCase {
  key: string
  controller: 'northshire-opcc' | 'northshire-police'
  caseType?: 'rights-request' | 'review' | 'complaint' | 'regulator-case'
  right?: Right
  /** Days before today that it arrived. */
  receivedAgo: number
  channel: 'email' | 'post' | 'phone' | 'in-person' | 'portal'
  name: string
  email: string
  description: string
  /** A review, complaint or regulator case about the demo case with this key. */
  about?: string
  representative?: { name: string; email: string; relationship: string }
  steps: DemoStep[]
}

export const ack: DemoStep = { day: 0, by: 'correspondence', command: () => ({ type: 'Acknowledge' }) }
export const askId: DemoStep = {
  day: 1,
  by: 'correspondence',
  command: () => ({
    type: 'RequestIdentity',
    rationale: 'Office policy: photo ID and proof of address for every request',
  }),
}
export const idOk = (day: number): DemoStep => ({
  day,
  by: 'dp-manager',
  command: (ids, on) => ({
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: on(day),
    verifierId: ids.dpManager,
    receivedOn: on(day),
  }),
})
export const assign = (day: number): DemoStep => ({
  day,
  by: 'dp-manager',
  command: (ids) => ({ type: 'Assign', assigneeId: ids.dpManager }),
})
export const draft = (day: number, version = 1): DemoStep => ({
  day,
  by: 'dp-manager',
  command: () => ({ type: 'SubmitDraft', version, summary: 'Disclosure with third-party names redacted' }),
})
export const approve = (day: number): DemoStep => ({ day, by: 'reviewer', command: () => ({ type: 'Approve' }) })
export type SentOutcome =
  'disclosed-in-full' | 'disclosed-in-part' | 'no-data-held' | 'action-taken' | 'action-declined'
export const sent = (day: number, outcome: SentOutcome): DemoStep => ({
  day,
  by: 'dp-manager',
  command: (ids, on) => {
    // Third-party data: DPA 2018 Sch 2 para 16 under UK GDPR, s.45(4)(e) under Part 3.
    const third = ids.route === 'DPA_PART3' ? 'LE_45_4_E' : 'S2P3_16_THIRD'
    return {
      type: 'RecordResponseSent',
      channel: 'email',
      outcome,
      sentOn: on(day),
      exemptionCodes: outcome === 'disclosed-in-part' ? [third] : [],
    }
  },
})
export const close = (day: number): DemoStep => ({ day, by: 'dp-manager', command: () => ({ type: 'Close' }) })
export const working = (idDay: number) => [ack, askId, idOk(idDay), assign(idDay)]
/** The decision step of a request for another right, before its response (issue 13). */
export const decided = (day: number, outcome: SentOutcome, right?: Right): DemoStep[] =>
  demoRightDecision(right, true, '2026-01-01')
    ? [
        {
          day,
          by: 'dp-manager',
          command: (_ids, on) => demoRightDecision(right, outcome === 'action-taken', on(0)) ?? { type: 'StartWork' },
        },
      ]
    : []
export const answered = (
  idDay: number,
  d: number,
  outcome: Parameters<typeof sent>[1] = 'disclosed-in-part',
  right?: Right,
) => [...working(idDay), ...decided(d, outcome, right), draft(d), approve(d + 1), sent(d + 2, outcome)]

let n = 0
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${++n}@mail.example` })

/** About thirty cases over every status: some overdue, some extended, some paused, and a year of closed ones. */
export const DEMO_CASES: DemoCase[] = [
  {
    key: 'new-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 0,
    channel: 'portal',
    ...person('Aisha Khan'),
    description: 'Emails I sent to the Commissioner about my complaint against the police',
    steps: [],
  },
  {
    key: 'new-2',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 1,
    channel: 'email',
    ...person('Brian Walsh'),
    description: 'Records about the burglary at my house in March',
    steps: [ack],
  },
  {
    key: 'new-3',
    controller: 'northshire-opcc',
    right: 'erasure',
    receivedAgo: 2,
    channel: 'post',
    ...person('Chloe Evans'),
    description: 'My details on the newsletter list',
    steps: [ack],
  },
  {
    key: 'id-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 5,
    channel: 'email',
    ...person('David Nowak'),
    description: 'Everything you hold about my victim services referral',
    steps: [ack, askId],
  },
  {
    key: 'id-2',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 12,
    channel: 'portal',
    ...person('Emily Carter'),
    description: 'Body-worn video and notes from the stop on the high street',
    steps: [ack, askId],
  },
  {
    key: 'id-3',
    controller: 'northshire-police',
    right: 'rectification',
    receivedAgo: 20,
    channel: 'post',
    ...person('Frank Osei'),
    description: 'My address is wrong on the incident record',
    steps: [ack, askId],
  },
  {
    key: 'auth-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 9,
    channel: 'email',
    ...person('Leo Marsh'),
    representative: { ...person('Janet Marsh'), relationship: 'solicitor' },
    description: 'Custody record and interview notes for my client',
    steps: [
      ack,
      {
        day: 1,
        by: 'correspondence',
        command: () => ({ type: 'RequestAuthority', note: 'Please send the client’s signed authority' }),
      },
    ],
  },
  {
    key: 'fee-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 15,
    channel: 'email',
    ...person('Gareth Price'),
    description: 'Every record mentioning me since 2010 (fifth identical request this year)',
    steps: [
      ack,
      askId,
      idOk(3),
      {
        day: 6,
        by: 'dp-manager',
        command: () => ({
          type: 'RequestFee',
          amountPence: 9000,
          basis: 'Manifestly excessive: repeats four requests answered this year with no change in the data',
          breakdown: { hours: 3, ratePence: 2500, disbursementsPence: 1500 },
        }),
      },
    ],
  },
  {
    key: 'pause-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 18,
    channel: 'portal',
    ...person('Hannah Reid'),
    description: 'All information you hold about me',
    steps: [
      ...working(2),
      {
        day: 4,
        by: 'dp-manager',
        command: () => ({
          type: 'RequestClarification',
          question: 'Which incidents or years does your request cover? We hold records across several systems.',
        }),
      },
    ],
  },
  {
    key: 'pause-2',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 10,
    channel: 'email',
    ...person('Imran Siddiqui'),
    description: 'Correspondence about my complaint',
    steps: [
      ...working(1),
      {
        day: 2,
        by: 'dp-manager',
        command: () => ({
          type: 'RequestClarification',
          question: 'Which complaint do you mean, and roughly when did you make it?',
        }),
      },
    ],
  },
  {
    key: 'work-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 8,
    channel: 'email',
    ...person('Julia Brooks'),
    description: 'Notes of my meeting with the Deputy Commissioner',
    steps: working(2),
  },
  {
    key: 'work-2',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 22,
    channel: 'portal',
    ...person('Kwame Mensah'),
    description: 'Crime report for the assault reported last year',
    steps: working(1),
  },
  {
    key: 'work-3',
    controller: 'northshire-police',
    right: 'objection',
    receivedAgo: 14,
    channel: 'email',
    ...person('Laura Finch'),
    description: 'Use of my details in the neighbourhood watch mailing',
    steps: working(2),
  },
  {
    key: 'overdue-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 45,
    channel: 'post',
    ...person('Martin Doyle'),
    description: 'Records of calls I made to 101',
    steps: working(1),
  },
  {
    key: 'overdue-2',
    controller: 'northshire-opcc',
    right: 'rectification',
    receivedAgo: 38,
    channel: 'email',
    ...person('Nadia Hussain'),
    description: 'My complaint outcome letter gives the wrong date of birth',
    steps: working(1),
  },
  {
    key: 'ext-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 50,
    channel: 'portal',
    ...person('Owen Tranter'),
    description: 'Everything about the investigation into my late brother’s car accident that mentions me',
    steps: [
      ...working(1),
      {
        day: 20,
        by: 'dp-manager',
        command: (_i, on) => ({
          type: 'Extend',
          ground: 'complexity',
          reasons:
            'Records are held in an archived legacy system and include sensitive material about several other people.',
          noticeGivenOn: on(20),
        }),
      },
    ],
  },
  {
    key: 'ext-2',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 35,
    channel: 'email',
    ...person('Patricia Lowe'),
    description: 'All records about me, my erasure request and my portability request',
    steps: [
      ...working(2),
      {
        day: 15,
        by: 'dp-manager',
        command: (_i, on) => ({
          type: 'Extend',
          ground: 'number',
          reasons: 'Three requests were made at once (access, erasure and portability).',
          noticeGivenOn: on(15),
        }),
      },
    ],
  },
  {
    key: 'review-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 24,
    channel: 'email',
    ...person('Quentin Hale'),
    description: 'Emails between the office and the force about my case',
    steps: [...working(1), draft(20)],
  },
  {
    key: 'review-2',
    controller: 'northshire-police',
    right: 'erasure',
    receivedAgo: 19,
    channel: 'portal',
    ...person('Rosa Martins'),
    description: 'Old intelligence record naming me',
    steps: [
      ...working(1),
      draft(10),
      {
        day: 12,
        by: 'reviewer',
        command: () => ({
          type: 'ReturnDraft',
          comments: 'Explain the Art 17(3)(b) exception in plainer words and cite the retention rule.',
        }),
      },
      draft(15, 2),
    ],
  },
  {
    key: 'approved-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 27,
    channel: 'email',
    ...person('Simon Clarke'),
    description: 'Recordings of my calls to the office',
    steps: [...working(1), draft(20), approve(22)],
  },
  {
    key: 'responded-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 30,
    channel: 'portal',
    ...person('Tanya Rossi'),
    description: 'Domestic abuse report I made in 2024',
    steps: answered(1, 22),
  },
  {
    key: 'closed-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 120,
    channel: 'email',
    ...person('Umar Farooq'),
    description: 'Complaint file',
    steps: [...answered(2, 20), close(25)],
  },
  {
    key: 'closed-2',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 200,
    channel: 'post',
    ...person('Victoria Shaw'),
    description: 'Records about a neighbour dispute',
    steps: [...answered(3, 25, 'disclosed-in-full'), close(30)],
  },
  {
    key: 'closed-3',
    controller: 'northshire-opcc',
    right: 'erasure',
    receivedAgo: 300,
    channel: 'email',
    ...person('William Grant'),
    description: 'Survey response',
    steps: [...answered(1, 10, 'action-taken', 'erasure'), close(13)],
  },
  {
    key: 'closed-late',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 160,
    channel: 'email',
    ...person('Xavier Holt'),
    description: 'Custody record',
    steps: [...answered(1, 40), close(43)],
  },
  {
    key: 'closed-nodata',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 90,
    channel: 'phone',
    ...person('Yasmin Ali'),
    description: 'Any records about me',
    steps: [...answered(1, 12, 'no-data-held'), close(15)],
  },
  {
    key: 'refused-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 70,
    channel: 'email',
    ...person('Zach Turner'),
    description: 'All emails of every member of staff for five years',
    steps: [
      ack,
      askId,
      idOk(2),
      assign(2),
      {
        day: 6,
        by: 'dp-manager',
        command: () => ({
          type: 'Refuse',
          basis: 'manifestly-unfounded',
          justification:
            'The requester offered in writing to withdraw the request in exchange for a payment, so there is no intention to exercise the right of access.',
        }),
      },
      draft(7),
      approve(8),
      {
        day: 9,
        by: 'dp-manager',
        command: (_i, on) => ({
          type: 'RecordResponseSent',
          channel: 'email',
          outcome: 'refused-manifestly-unfounded',
          sentOn: on(9),
        }),
      },
      close(10),
    ],
  },
  {
    key: 'redirect-1',
    controller: 'northshire-opcc',
    right: 'access',
    receivedAgo: 40,
    channel: 'email',
    ...person('Amelia Stone'),
    description: 'My arrest record',
    steps: [
      ack,
      {
        day: 1,
        by: 'correspondence',
        command: () => ({
          type: 'Redirect',
          to: 'other-controller',
          controllerName: 'Northshire Police',
          note: 'Arrest records are held by the force, not the Commissioner’s office.',
        }),
      },
    ],
  },
  {
    key: 'withdrawn-1',
    controller: 'northshire-police',
    right: 'restriction',
    receivedAgo: 33,
    channel: 'email',
    ...person('Ben Ward'),
    description: 'Stop using my statement',
    steps: [
      ack,
      askId,
      {
        day: 5,
        by: 'correspondence',
        command: () => ({ type: 'Withdraw', reason: 'The requester emailed to say the matter is resolved.' }),
      },
    ],
  },
  {
    key: 'appeal-1',
    caseType: 'review',
    about: 'closed-1',
    controller: 'northshire-opcc',
    receivedAgo: 6,
    channel: 'portal',
    name: 'Umar Farooq',
    email: 'umar.farooq.appeal@mail.example',
    description: 'I think more emails about me exist than were sent',
    steps: [ack],
  },
  {
    key: 'complaint-1',
    caseType: 'complaint',
    about: 'closed-late',
    controller: 'northshire-police',
    receivedAgo: 4,
    channel: 'portal',
    name: 'Xavier Holt',
    email: 'xavier.holt.complaint@mail.example',
    description: 'My request was answered late',
    steps: [],
  },
  {
    key: 'ico-1',
    caseType: 'regulator-case',
    about: 'refused-1',
    controller: 'northshire-opcc',
    receivedAgo: 3,
    channel: 'email',
    name: 'Zach Turner',
    email: 'zach.turner.ico@mail.example',
    description: 'ICO enquiry about the refusal',
    steps: [],
  },
  // The disclosure demo (issue 5): material with third parties is stored on this case by seed-demo.ts.
  {
    key: 'disclosure-1',
    controller: 'northshire-police',
    right: 'access',
    receivedAgo: 12,
    channel: 'portal',
    name: 'Alex Morgan',
    email: 'alex.morgan@example.com',
    description: 'Everything you hold about the dispute with my neighbour in March, including any witness statements',
    steps: working(2),
  },
]
