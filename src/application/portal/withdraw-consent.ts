import { DomainError } from '../../domain/index.js'
import type { Person, Right } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import { markConsentsWithdrawnIn } from '../governance/consents.js'
import { acknowledgeIn, publicActor, receiptOf, type CaseReceipt, type EmailText } from './intake-support.js'

export type ConsentChoice = 'withdraw-consent' | 'stop-marketing'

export interface WithdrawConsentInput {
  actorId: string
  controllerId: string
  choice: ConsentChoice
  /** Which service or contact it is about, in the person's words (e.g. "victim support referral"). */
  about: string
  person: Person
  composeAcknowledgement: (cases: CaseReceipt[]) => EmailText
}

/**
 * The case shape for each choice, and why:
 * - Withdrawing consent is an ERASURE request. Seed 004 (Victim and Witness Hub): consent can be withdrawn at any
 *   time and the information is then deleted; UK GDPR Art 7(3) lets consent be withdrawn, and Art 17(1)(b) makes
 *   erasure due where consent was the basis and there is no other. The caseworker checks for another basis
 *   (Art 17(3)) before deleting, which is why it is a case and not an automatic deletion.
 * - Stopping marketing is an OBJECTION. Art 21(2)-(3): objecting to direct marketing is absolute, needs no reason
 *   about the person's situation, and the processing must stop.
 * Both are UK GDPR matters: consent and marketing are never law-enforcement processing (DPA 2018 Part 3 has no
 * right to object), so the route is UK_GDPR whatever the controller usually uses.
 */
export function consentCaseShape(
  choice: ConsentChoice,
  about: string,
): { right: Right; details: Record<string, string> } {
  if (choice === 'withdraw-consent') {
    return {
      right: 'erasure',
      details: { dataToErase: about, grounds: 'Consent withdrawn: UK GDPR Art 7(3) and Art 17(1)(b)' },
    }
  }
  return {
    right: 'objection',
    details: {
      processingObjectedTo: `Direct marketing: ${about}`,
      particularSituation: 'Not needed: an objection to direct marketing is absolute (UK GDPR Art 21(2)-(3))',
    },
  }
}

export async function withdrawConsent(deps: AppDeps, input: WithdrawConsentInput): Promise<CaseReceipt> {
  const actor = publicActor(input.actorId)
  const shape = consentCaseShape(input.choice, input.about)
  return withTransaction(deps.pool, async (tx) => {
    const controller = await findController(tx, input.controllerId)
    if (!controller) throw new DomainError('validation', `unknown controller ${input.controllerId}`)
    const { state } = await logRequestIn(tx, deps, actor, {
      controllerId: controller.id,
      caseType: 'rights-request',
      right: shape.right,
      route: 'UK_GDPR',
      channel: 'portal',
      receivedAt: deps.clock.now().toISOString(),
      subject: input.person,
      requesterType: 'self',
      request: {
        description: input.about,
        actionWanted:
          input.choice === 'withdraw-consent'
            ? 'Stop relying on my consent and delete the information'
            : 'Stop sending me marketing',
        reasons: input.choice === 'withdraw-consent' ? 'I withdraw my consent' : 'I object to direct marketing',
        details: shape.details,
      },
    })
    // The consent register (issue 6): any consent this person gave this controller is marked withdrawn, evidenced by
    // this case. Matched on the email given, which is how the register records people.
    if (input.person.email) {
      await markConsentsWithdrawnIn(tx, deps, actor, {
        controllerId: controller.id,
        email: input.person.email,
        caseId: state.id,
      })
    }
    const [acknowledged] = await acknowledgeIn(
      tx,
      deps,
      actor,
      [state],
      input.person.email,
      input.composeAcknowledgement,
    )
    return receiptOf(deps, acknowledged ?? state)
  })
}
