import type { CaseState, Command, CommandType } from '../../../domain/index.js'
import type { LetterExtras } from '../../../application/casework/letter-context.js'
import type { LetterTemplateId } from '../../../notifications/letters.js'
import type { StaffMember } from '../../../application/staff/staff-actor.js'

export type CaseCommand = Exclude<Command, { type: 'LogRequest' }>

export interface Item {
  value: string
  text: string
  hint?: string
}

/** What a field's options and the command builder can see. */
export interface ActionContext {
  state: CaseState
  actor: StaffMember
  today: string
  /** People in the case's controller who may be assigned work. */
  colleagues: { id: string; name: string }[]
  feeRatePence: number
  /** Cases linked to this one (same controller), which a refusal may cite (issue 14). */
  linkedCases: { id: string; reference: string; relation: string }[]
  /** A case id for a reference typed into a form (linking cases), or null. */
  findCaseId: (reference: string) => Promise<string | null>
}

export interface FieldDef {
  name: string
  kind: 'text' | 'textarea' | 'date' | 'radios' | 'checkboxes' | 'select' | 'number'
  items?: (ctx: ActionContext) => Item[]
  optional?: boolean
  /** Date fields: start with today's date filled in. */
  defaultToday?: boolean
  /** A starting value (e.g. the hourly rate from the settings). */
  initial?: (ctx: ActionContext) => string
  width?: string
  /** Shown before the input, e.g. "£" for money (GOV.UK prefix). */
  prefix?: string
  /** Checkboxes: each ticked item reveals its own reason box, named `<name>-reason-<value>` (issue 13). */
  reasonPerItem?: boolean
  /** Only shown (and read) when this holds for the case. */
  showIf?: (state: CaseState) => boolean
}

export type Values = Record<string, string | string[]>

/**
 * One form that issues one domain command (issue: "every action the policy needs, each a form that issues one domain
 * command"). Labels live in staff.en.json under casework.actions.<slug>.
 */
export interface ActionDef {
  slug: string
  command: CommandType
  fields: FieldDef[]
  /** Whether to offer it on the case page now (the domain still decides; this only keeps the page tidy). */
  available: (state: CaseState) => boolean
  toCommand: (values: Values, ctx: ActionContext) => CaseCommand | Promise<CaseCommand>
  /** The letter this step sends to the requester, checked by the officer before it goes. */
  notice?: (state: CaseState) => LetterTemplateId | null
  extras?: (values: Values) => LetterExtras
  /** Ends or undoes something: a warning button. */
  destructive?: boolean
  /** Domain error field names that belong to a differently named form field (e.g. documentsSeen → subjectDocuments). */
  fieldMap?: Record<string, string>
}

export const BEFORE_DRAFT = [
  'received',
  'in-progress',
  'awaiting-identity',
  'awaiting-authority',
  'awaiting-fee',
  'awaiting-clarification',
] as const

export function beforeDraft(s: CaseState): boolean {
  return (BEFORE_DRAFT as readonly string[]).includes(s.status)
}

export function open(s: CaseState): boolean {
  return s.status !== 'closed' && s.status !== 'withdrawn'
}

export function str(values: Values, name: string): string {
  const v = values[name]
  return typeof v === 'string' ? v : ''
}

export function strs(values: Values, name: string): string[] {
  const v = values[name]
  return Array.isArray(v) ? v : v ? [v] : []
}

/** Whole pounds and pence typed by a person ("90", "90.50", "£1,200") in pence, or NaN. */
export function pence(value: string): number {
  const clean = value.replace(/[£,\s]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return Number.NaN
  return Math.round(Number(clean) * 100)
}
