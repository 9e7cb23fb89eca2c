import type { FastifyReply, FastifyRequest } from 'fastify'
import { text } from '../../nunjucks.js'

/**
 * Reading and checking the public forms. Everything arrives as untrusted text: anything that is not a single string
 * (a repeated field, a file where text was expected) counts as not answered; control characters are dropped; and
 * each check records a GOV.UK error message (in the locale file) against the field, for the error summary.
 */

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g
// A single-line field keeps no line breaks or tabs either.
const LINE_BREAKS = /[\t\r\n]+/g

export const LIMITS = { short: 200, email: 254, phone: 30, postcode: 10, long: 5000 } as const

export function cleanText(value: unknown, multiline: boolean): string {
  if (typeof value !== 'string') return ''
  const noControls = value.normalize('NFC').replace(CONTROL, '')
  const lines = multiline ? noControls.replace(/\r\n?/g, '\n') : noControls.replace(LINE_BREAKS, ' ')
  return lines.trim()
}

export type FieldErrors = Record<string, string>

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i
const PHONE = /^\+?[0-9 ()-]{7,20}$/

export class Form {
  readonly errors: FieldErrors = {}
  readonly values: Record<string, string | string[]> = {}

  constructor(private readonly body: unknown) {}

  private raw(name: string): unknown {
    return typeof this.body === 'object' && this.body !== null
      ? (this.body as Record<string, unknown>)[name]
      : undefined
  }

  fail(name: string, key: string, vars: Record<string, unknown> = {}): void {
    if (!(name in this.errors)) this.errors[name] = text(key, vars)
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0
  }

  /** A text answer, kept for showing back; `required` is the locale key of the "enter…" message. */
  text(name: string, opts: { required?: string; max: number; tooLong: string; multiline?: boolean }): string {
    const value = cleanText(this.raw(name), opts.multiline ?? false)
    this.values[name] = value
    if (value === '' && opts.required) this.fail(name, opts.required)
    else if (value.length > opts.max) this.fail(name, opts.tooLong, { max: opts.max.toLocaleString('en-GB') })
    return value
  }

  email(name: string, opts: { required?: string; invalid: string; tooLong: string }): string {
    const value = this.text(name, { required: opts.required, max: LIMITS.email, tooLong: opts.tooLong })
    if (value !== '' && !(name in this.errors) && !EMAIL.test(value)) this.fail(name, opts.invalid)
    return value
  }

  postcode(name: string, opts: { required?: string; invalid: string }): string {
    const value = this.text(name, {
      required: opts.required,
      max: LIMITS.postcode,
      tooLong: opts.invalid,
    }).toUpperCase()
    if (value !== '' && !(name in this.errors) && !POSTCODE.test(value)) this.fail(name, opts.invalid)
    return value
  }

  phone(name: string, opts: { invalid: string }): string {
    const value = this.text(name, { max: LIMITS.phone, tooLong: opts.invalid })
    if (value !== '' && !(name in this.errors) && !PHONE.test(value)) this.fail(name, opts.invalid)
    return value
  }

  /** One of a fixed set of values (radios), or undefined with an error. */
  choice<T extends string>(name: string, options: readonly T[], required: string): T | undefined {
    const value = this.raw(name)
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) {
      this.values[name] = value
      return value as T
    }
    this.fail(name, required)
    return undefined
  }

  /** Any number of a fixed set (checkboxes); unknown values are an error, not silently dropped. */
  choices<T extends string>(name: string, options: readonly T[], required: string): T[] {
    const raw = this.raw(name)
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
    const valid = list.every((v) => typeof v === 'string' && (options as readonly string[]).includes(v))
    const chosen = valid ? options.filter((o) => list.includes(o)) : []
    this.values[name] = options.filter((o) => list.includes(o))
    if (chosen.length === 0) this.fail(name, required)
    return chosen
  }
}

/** The error summary's list, in the order the fields appear on the page. */
export function errorList(errors: FieldErrors, order: readonly string[] = []): { text: string; href: string }[] {
  const names = [...order.filter((n) => n in errors), ...Object.keys(errors).filter((n) => !order.includes(n))]
  return names.map((name) => ({ text: errors[name] ?? '', href: `#${fieldId(name)}` }))
}

/** The id GOV.UK components give a field (radios and checkboxes: the first item), for error summary links. */
export function fieldId(name: string): string {
  return name
}

/** Whether the page was opened from a Change link on check answers. */
export function isChanging(request: FastifyRequest): boolean {
  return (request.query as Record<string, unknown> | undefined)?.change === '1'
}

/**
 * Renders a portal page. GET pages already carry the shell's locals (CSRF token, current path); a POST that shows
 * the form again with errors needs its own token, and the navigation needs to know where it is.
 */
export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  status = 200,
) {
  const url = new URL(request.url, 'http://portal.invalid')
  const locals = reply.locals ?? {}
  const extra = {
    csrfToken: locals.csrfToken ?? reply.generateCsrf(),
    currentPath: locals.currentPath ?? url.pathname,
    currentUrl: locals.currentUrl ?? url.pathname + url.search,
  }
  return reply.code(status).view(template, { ...extra, ...data })
}

/**
 * Renders a form page again with GOV.UK errors and the answers kept. Status 200, as GOV.UK services do: a 4xx makes
 * browsers log a failed load, and the page itself (title starting "Error:", error summary) says what went wrong.
 */
export function renderErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  errors: FieldErrors,
  order: readonly string[] = [],
) {
  return renderPage(request, reply, template, { ...data, errors, errorSummary: errorList(errors, order) })
}
