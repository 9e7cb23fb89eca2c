import { z } from 'zod'
import { localDate, requiredText, text } from './schemas-text.js'

// Issue 13: the rights with their own steps (UK GDPR Arts 16–22D; DPA 2018 ss.46–50D). The domain checks which
// fields a right needs (decide-rights.ts); these only bound and type what a client may send.

const groundApplied = z.object({ code: requiredText(40), reason: requiredText(5000) })

export const rightsCommandSchemas = [
  z.object({
    type: z.literal('DecideRight'),
    result: z.enum(['in-full', 'in-part', 'declined']),
    summary: requiredText(10_000),
    // A reason for each code relied on (issue 13).
    grounds: z.array(groundApplied).max(20).optional(),
    rectification: z
      .object({
        method: z.enum(['corrected', 'completed', 'supplementary-statement', 'restricted-instead']),
        supplementaryStatement: text(10_000).optional(),
      })
      .optional(),
    restrictionGround: text(40).optional(),
    objection: z
      .object({ kind: z.enum(['particular-situation', 'direct-marketing']), balance: text(10_000).optional() })
      .optional(),
    automated: z
      .object({
        safeguards: z.array(z.enum(['information', 'representations', 'human-intervention', 'contest'])).max(4),
        reviewer: text(200).optional(),
        decisionChanged: z.boolean().optional(),
      })
      .optional(),
  }),
  // Art 19 (s.48(9) Part 3): one recipient told, or why not.
  z.object({
    type: z.literal('NotifyRecipient'),
    recipient: requiredText(200),
    status: z.enum(['notified', 'impossible', 'disproportionate']),
    on: localDate,
    method: z.enum(['email', 'post', 'phone', 'secure-transfer', 'system-update']).optional(),
    reason: text(5000).optional(),
  }),
  // Art 18(3): the notice must be given before the restriction is lifted; the domain refuses the lift otherwise.
  z.object({ type: z.literal('GiveRestrictionLiftNotice'), reason: requiredText(5000) }),
  z.object({ type: z.literal('LiftProcessingRestriction'), reason: requiredText(5000) }),
] as const
