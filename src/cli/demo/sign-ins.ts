import type { SeedResult } from './seed-demo.js'

export type { SeedResult }

/** The demo sign-ins as `npm start` and `rightsdesk seed-demo` print them, with the authenticator-app step. */
export function demoSignIns(seeded: SeedResult, baseUrl?: string): string[] {
  const rows = seeded.users.map((u) =>
    `    ${u.role.padEnd(16)} ${u.email.padEnd(42)}${u.authenticator ? ' + authenticator code' : ''}`.trimEnd(),
  )
  return [
    `Demo sign-ins (password for all: ${seeded.password})${baseUrl ? ` at ${baseUrl}/staff` : ''}:`,
    ...rows,
    `  Authenticator code: add the setup key ${seeded.totpSecret} to an authenticator app,`,
    '  or run `npx rightsdesk demo-code` for the current 6-digit code (demo data only).',
  ]
}
