import { randomUUID } from 'node:crypto'
import type { AppDeps } from '../deps.js'

/** GOV.UK's five-point satisfaction scale (Service Manual, "Measuring user satisfaction"). */
export const SATISFACTION = ['very-satisfied', 'satisfied', 'neither', 'dissatisfied', 'very-dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTION)[number]

export const FEEDBACK_JOURNEYS = ['request', 'complaint', 'withdraw', 'general'] as const
export type FeedbackJourney = (typeof FEEDBACK_JOURNEYS)[number]

export interface FeedbackInput {
  journey: FeedbackJourney
  controllerId: string | null
  satisfaction: Satisfaction
  improvement: string
}

/** Keeps one anonymous answer to the feedback page: no case, session or address goes with it. */
export async function giveFeedback(deps: AppDeps, input: FeedbackInput): Promise<void> {
  await deps.pool.query(
    `INSERT INTO portal_feedback (id, controller_id, journey, satisfaction, improvement, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), input.controllerId, input.journey, input.satisfaction, input.improvement, deps.clock.now()],
  )
}
