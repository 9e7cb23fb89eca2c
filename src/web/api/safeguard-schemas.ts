import { z } from 'zod'
import { COMPENSATION_OUTCOMES, CONSENT_ANSWERS, CONSENT_DISCLOSURES } from '../../domain/index.js'

type TextSchema = (max: number) => z.ZodType<string>

const pence = z.number().int().positive().max(100_000_000)
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]])

/**
 * API commands for the safeguard records (domain/case/safeguards.ts), joined into the Command union; built from
 * schemas.ts's own text and date rules (passed in, so neither module imports the other at load).
 */
export const safeguardCommandSchemas = (text: TextSchema, requiredText: TextSchema, localDate: z.ZodType<string>) =>
  [
    // DPA 2018 Sch 2 Part 3 para 16: asking another person before their data goes to the requester.
    z.object({
      type: z.literal('SeekThirdPartyConsent'),
      whoAsked: requiredText(500),
      how: requiredText(500),
      askedOn: localDate,
    }),
    z.object({
      type: z.literal('RecordThirdPartyConsent'),
      number: z.number().int().positive(),
      answer: enumOf(CONSENT_ANSWERS),
      answeredOn: localDate.optional(),
      disclosure: enumOf(CONSENT_DISCLOSURES),
      reasons: requiredText(5000),
    }),
    // A request made for a child: their competence and whether they were consulted.
    z.object({
      type: z.literal('RecordChildCompetence'),
      competent: z.boolean(),
      consulted: z.boolean(),
      childView: text(5000).optional(),
      reasons: requiredText(5000),
    }),
    // UK GDPR Art 82, DPA 2018 s.168 (s.169 for Part 3): compensation claims logged against the case.
    z.object({
      type: z.literal('LogCompensationClaim'),
      receivedOn: localDate,
      summary: requiredText(5000),
      amountClaimedPence: pence.optional(),
    }),
    z.object({
      type: z.literal('RecordCompensationOutcome'),
      number: z.number().int().positive(),
      outcome: enumOf(COMPENSATION_OUTCOMES),
      amountPaidPence: pence.optional(),
    }),
  ] as const
