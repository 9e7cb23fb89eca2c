import { createCalendar, defaultClockSettings } from '../../domain/index.js'
import type { CaseState, RefusalBasis } from '../../domain/index.js'
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
