import type { Controller, LocalDate } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import type { Form } from '../shared/form.js'
import type { RequestAnswers } from './answers.js'
import type { StepId } from './steps.js'

/** What a question page knows when it is shown or answered. */
export interface StepContext {
  answers: RequestAnswers
  controllers: readonly Controller[]
  today: LocalDate
}

export type FormValues = Record<string, string | string[]>

/**
 * One question page: its template, how to show the saved answers, and how to read the form into new answers.
 * `save` records errors on the form instead of throwing; the route shows them with the input kept.
 */
export interface StepPage {
  step: StepId
  template: string
  /** Field ids in page order, for the error summary. */
  fields: readonly string[]
  values(ctx: StepContext): FormValues
  /** Anything else the template needs (options, hints that depend on earlier answers). */
  data?(ctx: StepContext): Record<string, unknown>
  save(form: Form, ctx: StepContext): RequestAnswers
}

/** "you" or "the person" wording: the same question reads differently for someone asking for someone else. */
export function whose(answers: RequestAnswers): 'self' | 'child' | 'other' {
  if (answers.requesterType === 'parent-of-child-under-12') return 'child'
  return answers.requesterType === 'self' || answers.requesterType === undefined ? 'self' : 'other'
}

/** Locale text with a fallback for data a deployment added without wording (a new right's field, say). */
export function textOr(key: string, fallback: string): string {
  try {
    return text(key)
  } catch {
    return fallback
  }
}

/** The first locale key that exists, so data added without wording still gets a message. */
export function keyOr(key: string, fallbackKey: string): string {
  try {
    text(key)
    return key
  } catch {
    return fallbackKey
  }
}
