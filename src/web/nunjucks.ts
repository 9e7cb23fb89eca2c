import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import view from '@fastify/view'
import nunjucks from 'nunjucks'

const require = createRequire(import.meta.url)
const webDir = path.dirname(fileURLToPath(import.meta.url))

/** Where GOV.UK Frontend and MoJ Frontend keep their Nunjucks templates and built files. */
export const govukFrontendDir = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')
export const mojFrontendDir = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'))

/**
 * Search order: our layouts and partials, then feature folders (so a route can render `public/home/view.njk`
 * beside its routes.ts), then the design systems (`govuk/components/...`, `moj/components/...`).
 */
export const templateSearchPaths = [path.join(webDir, 'templates'), webDir, govukFrontendDir, mojFrontendDir]

/** Where the Exit this page button and the Escape key take someone: a neutral page that gives nothing away. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather'

type Messages = { [key: string]: string | Messages }
type Vars = Record<string, unknown>

/**
 * English text: en.json plus every `*.en.json` beside it (one file per area: portal, staff, letters),
 * merged at the top level. Two files defining the same top-level key is a mistake and stops start-up.
 */
function loadMessages(): Messages {
  const dir = path.join(webDir, 'locales')
  const files = [
    'en.json',
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.en.json'))
      .sort(),
  ]
  const merged: Messages = {}
  for (const file of files) {
    const part = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Messages
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new Error(`Locale key "${key}" is defined twice (again in ${file})`)
      merged[key] = value
    }
  }
  return merged
}

const messages = loadMessages()

function lookup(key: string): string {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  // A missing key is a bug, not something to show a user: fail the render so tests catch it.
  if (typeof node !== 'string') throw new Error(`No text for locale key "${key}" in en.json`)
  return node
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * Text for a key, with `{name}` placeholders filled in. Plain values stay text (Nunjucks escapes them on output).
 * A value marked safe in the template (`{ link: linkHtml | safe }`) is kept as HTML, so translators can move a
 * link within a sentence without the locale file holding any markup.
 */
export function t(key: string, vars: Vars = {}): string | nunjucks.runtime.SafeString {
  const template = lookup(key)
  const asHtml = Object.values(vars).some((v) => v instanceof nunjucks.runtime.SafeString)
  // Split on placeholders: even indexes are the sentence, odd ones the names to fill in.
  const parts = template.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return asHtml ? escapeHtml(part) : part
    const v = vars[part]
    if (v === undefined || v === null) throw new Error(`Locale key "${key}" needs a value for {${part}}`)
    if (v instanceof nunjucks.runtime.SafeString) return v.toString()
    return asHtml ? escapeHtml(String(v)) : String(v)
  })
  return asHtml ? new nunjucks.runtime.SafeString(parts.join('')) : parts.join('')
}

/** Plain text for use in TypeScript (page titles, error messages set by routes). */
export function text(key: string, vars: Vars = {}): string {
  return String(t(key, vars))
}

const GOVUK_TEMPLATE = path.join(govukFrontendDir, 'govuk', 'template.njk')

/**
 * govuk/template.njk writes an inline `<script>` to add `js-enabled` to <body>. Our CSP allows scripts from files
 * only, so we drop that line as the template is loaded and let /static/app.js add the classes instead. Patching
 * at load time (rather than copying the template) keeps every other upstream fix; if an upgrade changes the line,
 * we stop with a clear message instead of silently shipping a CSP violation.
 */
class GovukLoader extends nunjucks.FileSystemLoader {
  override getSource(name: string): nunjucks.LoaderSource {
    const source = super.getSource(name)
    if (source && path.resolve(source.path) === GOVUK_TEMPLATE)
      return { ...source, src: withoutInlineScript(source.src) }
    return source
  }
}

export function withoutInlineScript(src: string): string {
  const lines = src.split('\n')
  const inline = lines.filter((l) => /<script\b/.test(l) && l.includes('document.body.className'))
  if (inline.length !== 1 || /<script\b/.test(lines.filter((l) => !inline.includes(l)).join('\n'))) {
    throw new Error('govuk/template.njk changed: update GovukLoader in src/web/nunjucks.ts so no inline script is sent')
  }
  return lines.filter((l) => !inline.includes(l)).join('\n')
}

export interface ViewOptions {
  serviceName: string
  /** The organisation shown in the header, e.g. "Cambridgeshire Constabulary"; a page may pass `controller`. */
  organisationName?: string
  /** Added to CSS and JS URLs so browsers can cache them for a year and still see a new release at once. */
  assetVersion: string
  csrfCookieName: string
  /** Listed on the cookies page: the session cookie that keeps answers between question pages. */
  sessionCookieName?: string
  /** Cache compiled templates (default: NODE_ENV is production); off, edits show without a restart. */
  production?: boolean
}

function isProduction(opts: ViewOptions): boolean {
  return opts.production ?? process.env.NODE_ENV === 'production'
}

export function createEnvironment(opts: ViewOptions): nunjucks.Environment {
  const env = new nunjucks.Environment(new GovukLoader(templateSearchPaths, { noCache: !isProduction(opts) }), {
    autoescape: true,
    throwOnUndefined: false,
  })
  // MoJ components such as the timeline format dates with these filters.
  const mojFilters = (require('@ministryofjustice/frontend/moj/filters/all') as () => Record<string, () => unknown>)()
  for (const [name, filter] of Object.entries(mojFilters)) env.addFilter(name, filter)

  env.addGlobal('t', t)
  env.addGlobal('serviceName', opts.serviceName)
  env.addGlobal('organisationName', opts.organisationName ?? '')
  env.addGlobal('assetPath', '/assets')
  env.addGlobal('assetVersion', opts.assetVersion)
  env.addGlobal('htmlLang', lookup('meta.lang'))
  env.addGlobal('exitUrl', EXIT_URL)
  env.addGlobal('csrfCookieName', opts.csrfCookieName)
  env.addGlobal('sessionCookieName', opts.sessionCookieName ?? 'rd_session')
  return env
}

/** Registers @fastify/view with our Nunjucks environment: `reply.view('public/home/view.njk', data)`. */
export async function registerViews(app: FastifyInstance, opts: ViewOptions): Promise<nunjucks.Environment> {
  const env = createEnvironment(opts)
  // @fastify/view calls `engine.configure(paths, options)`; handing it our own environment keeps the patched loader.
  await app.register(view, {
    engine: { nunjucks: { configure: () => env } },
    templates: templateSearchPaths,
    production: isProduction(opts),
  })
  return env
}
