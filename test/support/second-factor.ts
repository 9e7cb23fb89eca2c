import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../src/application/deps.js'
import { DEFAULT_SETTINGS } from '../../src/application/casework/settings.js'
import { currentCode } from '../../src/application/staff/totp.js'
import { DEMO_SECOND_ADMIN, DEMO_TOTP_SECRET, DEMO_USERS, demoEmail } from '../../src/cli/demo/demo-controllers.js'
import type { Role } from '../../src/domain/index.js'

/**
 * What the test clients need to pass the authenticator-app step of signing in: the app's dependencies (its clock,
 * its database) by app or by address, and the secret of each account — the demo's published one, or one a client
 * set up through the set-up page.
 */
const depsByApp = new Map<FastifyInstance, AppDeps>()
const secrets = new Map<string, string>()

export function rememberApp(app: FastifyInstance, deps: AppDeps): void {
  depsByApp.set(app, deps)
  app.addHook('onClose', async () => void depsByApp.delete(app))
}

/** The harness behind an app, or behind the address a browser test reaches it at (http://127.0.0.1:PORT). */
export function depsOf(appOrBase: FastifyInstance | string): AppDeps {
  const port = typeof appOrBase === 'string' ? Number(new URL(appOrBase).port) : null
  for (const [app, deps] of depsByApp) {
    const address = app.server.address()
    if (app === appOrBase || (port !== null && typeof address === 'object' && address?.port === port)) return deps
  }
  throw new Error('no harness is known for this app: start it with startHarness()')
}

export function rememberSecret(email: string, secret: string): void {
  secrets.set(email.toLowerCase(), secret)
}

const DEMO_WITH_APP = new Set<string>([
  DEMO_SECOND_ADMIN.email,
  ...DEMO_USERS.filter((u) => DEFAULT_SETTINGS.totpRequiredRoles.includes(u.role as Role)).map((u) =>
    demoEmail(u.role),
  ),
])

export function secretOf(email: string): string | undefined {
  const e = email.toLowerCase()
  return secrets.get(e) ?? (DEMO_WITH_APP.has(e) ? DEMO_TOTP_SECRET : undefined)
}

/**
 * The code the person's app shows now, by the app's clock. Each code works once per account (the server keeps the
 * last step used), and a person signing in again within 30 seconds waits for the next one; a test cannot wait, so
 * this forgets the last step used instead. Tests of the replay rule itself sign in by hand.
 */
export async function codeFor(deps: AppDeps, email: string): Promise<string> {
  const secret = secretOf(email)
  if (!secret) throw new Error(`no authenticator secret known for ${email}`)
  await deps.pool.query('UPDATE users SET totp_last_step = NULL WHERE email = $1', [email.toLowerCase()])
  return currentCode(secret, deps.clock.now()).code
}
