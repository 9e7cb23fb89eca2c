import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import Fastify, { type FastifyInstance } from 'fastify'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { registerWebShell } from '../../src/web/shell.js'

/** Debian's Chromium: .ci/run installs it with apt-get; no browser download is needed or possible here. */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const hasChromium = fs.existsSync(CHROMIUM_PATH)

const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots')

/** WCAG 2.2 AA, as the public sector accessibility regulations require. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

// One Chromium per test worker: with `isolate: false` (vitest.config.ts) a worker keeps this module, and so this
// browser, from one e2e file to the next; it goes when the worker exits. Each file sees it through its own handle.
let shared: Promise<Browser> | undefined

/**
 * Chromium for one e2e file: the worker's browser (started by the first file that asks), through a handle whose
 * `close()` closes only the contexts this file opened, so files never see each other's cookies or pages.
 */
export async function launchBrowser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  let browser = await shared
  if (!browser.isConnected()) {
    shared = chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    browser = await shared
  }
  return handleFor(browser)
}

function handleFor(browser: Browser): Browser {
  const mine = new Set<BrowserContext>()
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'close') return async () => void (await Promise.all([...mine].map((c) => c.close())))
      if (prop === 'newContext')
        return async (...args: Parameters<Browser['newContext']>) => {
          const context = await target.newContext(...args)
          mine.add(context)
          context.once('close', () => mine.delete(context))
          return context
        }
      if (prop === 'newPage')
        return async (...args: Parameters<Browser['newPage']>) => {
          const page = await target.newPage(...args)
          mine.add(page.context())
          return page
        }
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** A UK visitor: London time, British English. Pass `javaScriptEnabled: false` to see the no-JS page. */
export function newContext(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: 1024, height: 768 },
  })
}

/**
 * Console errors, uncaught exceptions and CSP violations on a page. A test asserts this stays empty: a blocked
 * inline script only ever shows up here.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text())
  })
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  return problems
}

/** Runs axe for WCAG 2.2 AA and fails with a readable list of every violation and where it is. */
export async function checkA11y(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze()
  if (results.violations.length === 0) return
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`,
      )
      return `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`
    })
    .join('\n')
  throw new Error(`${results.violations.length} accessibility violation(s) on ${page.url()}:\n${report}`)
}

/**
 * axe for the page as a browser without JavaScript renders it. axe cannot run in a `javaScriptEnabled: false`
 * context: timers never fire there, so `axe.run` never finishes. Instead we load the page with scripting on but
 * every script request refused. Our pages have no inline scripts (the CSP forbids them) and /static/app.js is the
 * only thing that adds `js-enabled`, so the DOM and styles are exactly the no-JavaScript ones.
 */
export async function checkA11yWithoutScripts(browser: Browser, url: string): Promise<void> {
  const context = await newContext(browser)
  try {
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    )
    const page = await context.newPage()
    await page.goto(url)
    const classes = await page.locator('body').getAttribute('class')
    if (classes?.includes('js-enabled')) throw new Error(`${url} ran a script although scripts were blocked`)
    await checkA11y(page)
  } finally {
    await context.close()
  }
}

/**
 * Full-page PNG at test-results/screenshots/<name>.png, for people to look at. CI keeps no artefacts and a full-page
 * PNG of every page was a third of the end-to-end time, so under CI=true they are taken only when
 * RIGHTSDESK_SCREENSHOTS=1 asks for them; a developer's run always takes them.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (process.env.CI === 'true' && process.env.RIGHTSDESK_SCREENSHOTS !== '1') return undefined
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

export interface TestServer {
  baseUrl: string
  app: FastifyInstance
  close: () => Promise<void>
}

/**
 * The web shell on a free local port, with no database. `configure` may add routes (for example a page that
 * renders the staff layout) before the server starts.
 */
export async function startTestServer(configure?: (app: FastifyInstance) => void | Promise<void>): Promise<TestServer> {
  const app = Fastify()
  await registerWebShell(app, {
    cookieSecret: Buffer.alloc(32, 9),
    secureCookies: false,
    serviceName: 'Make a data protection request',
    organisationName: 'Example Constabulary',
  })
  await configure?.(app)
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  return { baseUrl: address, app, close: () => app.close() }
}
