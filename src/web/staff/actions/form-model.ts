import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { dateField, dateItems, list, str as bodyStr, type FormErrors } from '../render.js'
import type { ActionContext, ActionDef, FieldDef, Values } from './types.js'

const key = (action: ActionDef, rest: string) => `casework.actions.${action.slug}.${rest}`

export function visibleFields(action: ActionDef, ctx: ActionContext): FieldDef[] {
  return action.fields.filter((f) => !f.showIf || f.showIf(ctx.state))
}

/** Reads the action's fields from the form; a date that is not a real date is a validation error. */
export function readValues(action: ActionDef, ctx: ActionContext, body: unknown): Values {
  const values: Values = {}
  const fields: Record<string, string> = {}
  for (const f of visibleFields(action, ctx)) {
    if (f.kind === 'checkboxes') {
      values[f.name] = list(body, f.name)
      for (const item of f.reasonPerItem ? list(body, f.name) : [])
        values[reasonName(f.name, item)] = bodyStr(body, reasonName(f.name, item))
    } else if (f.kind === 'date') {
      const iso = dateField(body, f.name)
      if (iso === null) fields[f.name] = text('casework.errors.realDate')
      else if (iso === '' && !f.optional) fields[f.name] = text('casework.errors.dateMissing')
      values[f.name] = iso ?? ''
    } else values[f.name] = bodyStr(body, f.name)
    const v = values[f.name]
    const empty = Array.isArray(v) ? v.length === 0 : v === ''
    if (empty && !f.optional && f.kind !== 'date' && !(f.name in fields)) {
      const specific = key(action, `fields.${f.name}.missing`)
      fields[f.name] = hasText(specific) ? text(specific) : text('casework.errors.required')
    }
  }
  if (Object.keys(fields).length) throw new DomainError('validation', `invalid ${action.slug} form`, { fields })
  return values
}

/** The reason box of one ticked item of a `reasonPerItem` checkbox field. */
export const reasonName = (field: string, item: string) => `${field}-reason-${item}`

/** The domain names a missing per-item reason `reason-<code>`; the form's box is `<field>-reason-<code>`. */
function formFieldOf(action: ActionDef, field: string): string {
  const perItem = action.fields.find((f) => f.reasonPerItem)
  if (perItem && field.startsWith('reason-')) return reasonName(perItem.name, field.slice('reason-'.length))
  return action.fieldMap?.[field] ?? field
}

/** GOV.UK error summary and messages, with the domain's field names moved onto the form's. */
export function actionErrors(action: ActionDef, error: DomainError): FormErrors {
  const entries = Object.entries(error.fields).map(([f, m]) => [formFieldOf(action, f), m] as const)
  const perItem = action.fields.find((f) => f.reasonPerItem)?.name
  const known = new Set([
    ...action.fields.map((f) => f.name),
    ...entries.map(([f]) => f).filter((f) => perItem && f.startsWith(`${perItem}-reason-`)),
  ])
  const summary = entries.map(([f, m]) => ({ text: m, href: known.has(f) ? `#${f}` : '#main-content' }))
  if (entries.length === 0) summary.push({ text: error.userMessage, href: '#main-content' })
  return {
    summary,
    fields: Object.fromEntries(entries.filter(([f]) => known.has(f)).map(([f, m]) => [f, { text: m }])),
  }
}

/** Everything form.njk needs to draw one field. */
export function fieldViews(action: ActionDef, ctx: ActionContext, request: FastifyRequest, errors?: FormErrors) {
  const body = request.method === 'POST' ? request.body : undefined
  return visibleFields(action, ctx).map((f) => {
    const label = text(key(action, `fields.${f.name}.label`))
    const hintKey = key(action, `fields.${f.name}.hint`)
    const hint = hasText(hintKey) ? text(hintKey) : undefined
    const current = body
      ? f.kind === 'checkboxes'
        ? list(body, f.name)
        : bodyStr(body, f.name)
      : (f.initial?.(ctx) ?? (f.kind === 'checkboxes' ? [] : ''))
    const items = (f.items?.(ctx) ?? []).map((i) => ({
      value: i.value,
      text: i.text,
      ...(i.hint ? { hint: { text: i.hint } } : {}),
      checked: Array.isArray(current) ? current.includes(i.value) : current === i.value,
      // Issue 13: a reason for every exemption or ground ticked, per item.
      ...(f.reasonPerItem
        ? {
            reasonName: reasonName(f.name, i.value),
            reason: body ? bodyStr(body, reasonName(f.name, i.value)) : '',
            reasonError: errors?.fields[reasonName(f.name, i.value)],
          }
        : {}),
    }))
    return {
      ...f,
      label,
      hint,
      value: current,
      items,
      dateItems:
        f.kind === 'date' ? dateItems(body, f.name, body ? undefined : f.defaultToday ? ctx.today : undefined) : [],
      error: errors?.fields[f.name],
    }
  })
}

function hasText(k: string): boolean {
  try {
    text(k)
    return true
  } catch {
    return false
  }
}
