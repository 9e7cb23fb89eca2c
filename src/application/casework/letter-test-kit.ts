import { expect } from 'vitest'
import { createCalendar, defaultClockSettings } from '../../domain/index.js'
import type { CaseState, ProcessingRoute, RefusalBasis } from '../../domain/index.js'
import { DEMO_CONTROLLERS } from '../../cli/demo/demo-controllers.js'
import { renderLetter, type LetterTemplateId } from '../../notifications/letters.js'
import type { Queryable } from '../../persistence/db.js'
import { buildLetterContext, type LetterExtras } from './letter-context.js'

/** Shared by the letter tests: a fake database holding the demo controllers and a regulator, and a case to vary. */
export const controller = DEMO_CONTROLLERS[0]!
export const fakeDb: Queryable = {
  query: (async (sql: string, params: unknown[] = []) => {
    if (sql.includes('FROM controllers')) {
      const found = DEMO_CONTROLLERS.find((c) => c.id === params[0]) ?? controller
      return { rows: [{ details: found }], rowCount: 1 }
    }
    if (sql.includes('FROM settings'))
      return {
        rows: [{ key: 'casework.regulator', value: { name: 'Information Commission', phone: '0303 000 0000' } }],
        rowCount: 1,
      }
    return { rows: [], rowCount: 0 }
  }) as Queryable['query'],
}
export const deps = (today: string) => ({
  clock: { now: () => new Date(`${today}T10:00:00Z`) },
  calendar: createCalendar('england-and-wales'),
  clockSettings: defaultClockSettings,
  baseUrl: 'https://rights.example',
})

export function caseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    id: 'c1',
    reference: 'OPCC-2026-00042',
    controllerId: controller.id,
    caseType: 'rights-request',
    right: 'access',
    route: 'UK_GDPR',
    status: 'in-progress',
    channel: 'email',
    receivedOn: '2026-11-02',
    receivedAt: '2026-11-02T10:00:00Z',
    subject: { name: 'Jane Quinn', email: 'jane@example.org' },
    requesterType: 'self',
    request: { description: 'Emails about my complaint', actionWanted: '', reasons: '', details: {} },
    restarts: [],
    pauses: [],
    clarificationQuestions: [],
    links: [],
    deadlineFlags: {},
    version: 3,
    ...overrides,
  }
}

export async function letter(id: LetterTemplateId, state: CaseState, extras: LetterExtras = {}, today = '2026-11-23') {
  const { context } = await buildLetterContext(
    fakeDb,
    deps(today),
    state,
    { name: 'Daniel Okafor', roles: ['dp-manager'] },
    extras,
  )
  return renderLetter(id, context)
}

export const refusal = (basis: RefusalBasis, codes: string[] = []) => ({
  basis,
  exemptionCodes: codes,
  justification: 'The fifth identical request in three months; nothing has changed since our last answer.',
  decidedBy: 'dp',
  decidedOn: '2026-11-20',
})

export const PRIVACY = 'https://rights.example/privacy/'

/** A decision letter offers a review, the regulator and the court, and links the privacy notice (issue 13). */
export function expectDecisionRights(body: string, route: ProcessingRoute) {
  expect(body).toContain('You can ask us to review our decision')
  expect(body).toContain('within 40 working days of the date of this letter')
  expect(body).toContain('reply within 20 working days')
  expect(body).toContain(
    'right to complain to the Information Commission (section 165 of the Data Protection Act 2018)',
  )
  expect(body).toContain('right to seek a judicial remedy')
  expect(body).toContain(route === 'DPA_PART3' ? '(section 167 of the Data' : 'Article 79 of the UK GDPR')
  expect(body).toContain(PRIVACY)
}

export function expectRouteOnly(body: string, route: ProcessingRoute) {
  // A law-enforcement case is governed by DPA 2018 Part 3 alone: no UK GDPR article may be cited to the requester.
  if (route === 'DPA_PART3') expect(body).not.toContain('UK GDPR')
  else expect(body).not.toMatch(/section (45|46|47|48|51|52|53|54)\b/)
}
