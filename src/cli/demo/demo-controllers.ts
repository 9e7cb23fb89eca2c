import type { Controller } from '../../domain/index.js'

/**
 * Two fictional controllers sharing one information rights unit, as many OPCCs and forces do (seed 004).
 * Addresses use the reserved .example domain so demo mail can never reach a real person.
 */
export const DEMO_CONTROLLERS: Controller[] = [
  {
    id: 'northshire-opcc',
    name: 'Office of the Police and Crime Commissioner for Northshire',
    shortName: 'OPCC',
    kind: 'opcc',
    defaultRoute: 'UK_GDPR',
    contact: {
      email: 'dataprotection@opcc.northshire.example',
      phone: '0300 123 4567',
      postalAddress: ['Office of the Police and Crime Commissioner', 'PO Box 100', 'Northtown', 'NT1 1AA'],
    },
    signpost: {
      name: 'Northshire Police',
      url: 'https://police.northshire.example/access-your-information',
      note: 'Police records, such as crime reports and intelligence, are held by Northshire Police, not by this office.',
    },
    // Seed 002: appeals go to the Chief Executive and are concluded within 20 working days.
    review: { reviewer: 'Our Chief Executive', askWithinWorkingDays: 40, replyWithinWorkingDays: 20 },
    // The OPCC's letters are signed by whoever wrote them, except the appeal outcome: the Chief Executive decides it.
    signing: {
      byLetter: {
        'appeal-outcome': {
          name: 'Helen Ashworth',
          role: 'Chief Executive',
          office: 'Office of the Police and Crime Commissioner for Northshire',
        },
      },
    },
  },
  {
    id: 'northshire-police',
    name: 'Northshire Police',
    shortName: 'NP',
    kind: 'police-force',
    defaultRoute: 'DPA_PART3',
    contact: {
      email: 'information.rights@police.northshire.example',
      phone: '0300 765 4321',
      postalAddress: ['Information Rights Unit', 'Northshire Police Headquarters', 'Northtown', 'NT2 2BB'],
    },
    review: { reviewer: 'Our Head of Information Management', askWithinWorkingDays: 40, replyWithinWorkingDays: 20 },
    // The force's letters are signed by its own data protection officer, whoever in the shared unit drafted them.
    signing: {
      default: { name: 'Alex Brennan', role: 'Data Protection Officer', office: 'Northshire Police' },
    },
  },
]

export const DEMO_PASSWORD = 'Rightsdesk-demo-2026'

export const DEMO_USERS = [
  { role: 'correspondence', name: 'Carys Morgan' },
  { role: 'dp-manager', name: 'Daniel Okafor' },
  { role: 'reviewer', name: 'Priya Raman' },
  { role: 'chief-executive', name: 'Helen Ashworth' },
  { role: 'staff', name: 'Tom Fletcher' },
  { role: 'copy-recipient', name: 'Grace Liu' },
  { role: 'admin', name: 'Sam Adeyemi' },
] as const

export function demoEmail(role: string): string {
  return `${role}@demo.rightsdesk.example`
}

/**
 * A second administrator, so the demo can show one admin proposing a change and another approving it (issue 11).
 */
export const DEMO_SECOND_ADMIN = {
  role: 'admin',
  name: 'Jo Whitfield',
  email: 'second-admin@demo.rightsdesk.example',
} as const

/**
 * The authenticator-app secret every demo account whose role must use one is set up with (admin, DP manager,
 * reviewer, Chief Executive, and the second admin), so the demo signs in without a phone: add it to an app, or run
 * `rightsdesk demo-code` for the current code. Printed by `npm start` and in the README. Demo data only: a real
 * account's secret is made at random when its owner sets up their app.
 */
export const DEMO_TOTP_SECRET = 'RIGHTSDESKDEMOTOTPKEYNOTFORREAL2'
