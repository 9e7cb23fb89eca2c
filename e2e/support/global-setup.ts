import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from './browser.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** One Chromium for the whole run; each e2e file connects to it (launchBrowser) with contexts of its own. */
    chromiumEndpoint: string
  }
}

/**
 * Starts Chromium once for every end-to-end file instead of once per file (a second or two of CPU each on this
 * two-core machine). Files stay apart: each connects with its own browser contexts, which share no cookies or
 * storage, and closing its connection closes only its contexts.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) {
    project.provide('chromiumEndpoint', '')
    return
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  project.provide('chromiumEndpoint', server.wsEndpoint())
  return () => server.close()
}
