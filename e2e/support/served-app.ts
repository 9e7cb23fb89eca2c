import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { startHarness, type Harness } from '../../test/support/app-harness.js'
import { hasChromium, launchBrowser } from './browser.js'

export interface ServedApp {
  h: Harness
  browser: Browser
  /** http://127.0.0.1:PORT, no trailing slash. */
  base: string
}

/**
 * For one e2e file: the demo office on a real port and Chromium beside it, started before the file's tests and
 * stopped after them. `ready` receives them once started (nothing is started without Chromium).
 */
export function serveForBrowser(ready: (app: ServedApp) => void): void {
  let app: Partial<ServedApp> = {}
  beforeAll(async () => {
    if (!hasChromium) return
    const h = await startHarness()
    app = { h, base: (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '') }
    app.browser = await launchBrowser()
    ready(app as ServedApp)
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.h?.close()
  })
}
