import type { EventOf } from './events.js'
import type { SafeguardEventBody } from './safeguard-commands.js'
import type { CaseState } from './types.js'

type SafeguardEventType = SafeguardEventBody['type']

/** How the safeguard records (safeguards.ts) fold into the case snapshot; spread into evolve's table. */
export const safeguardEvolvers: { [K in SafeguardEventType]: (s: CaseState, e: EventOf<K>) => CaseState } = {
  ThirdPartyConsentSought: (s, e) => ({
    ...s,
    thirdPartyConsents: [
      ...(s.thirdPartyConsents ?? []),
      { number: e.number, whoAsked: e.whoAsked, how: e.how, askedOn: e.askedOn, askedBy: e.actorId },
    ],
  }),
  ThirdPartyConsentRecorded: (s, e) => ({
    ...s,
    thirdPartyConsents: (s.thirdPartyConsents ?? []).map((c) =>
      c.number === e.number
        ? {
            ...c,
            answer: e.answer,
            ...(e.answeredOn ? { answeredOn: e.answeredOn } : {}),
            disclosure: e.disclosure,
            reasons: e.reasons,
            decidedBy: e.actorId,
          }
        : c,
    ),
  }),
  ChildCompetenceRecorded: (s, e) => ({
    ...s,
    childCompetence: {
      competent: e.competent,
      consulted: e.consulted,
      ...(e.childView ? { childView: e.childView } : {}),
      reasons: e.reasons,
      assessedOn: e.on,
      assessedBy: e.actorId,
    },
  }),
  CompensationClaimLogged: (s, e) => ({
    ...s,
    compensationClaims: [
      ...(s.compensationClaims ?? []),
      {
        number: e.number,
        receivedOn: e.receivedOn,
        summary: e.summary,
        ...(e.amountClaimedPence !== undefined ? { amountClaimedPence: e.amountClaimedPence } : {}),
        provision: e.provision,
        loggedBy: e.actorId,
      },
    ],
  }),
  CompensationOutcomeRecorded: (s, e) => ({
    ...s,
    compensationClaims: (s.compensationClaims ?? []).map((c) =>
      c.number === e.number
        ? {
            ...c,
            outcome: e.outcome,
            ...(e.amountPaidPence !== undefined ? { amountPaidPence: e.amountPaidPence } : {}),
            decidedOn: e.on,
          }
        : c,
    ),
  }),
}
