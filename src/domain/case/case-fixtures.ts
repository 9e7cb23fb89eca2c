// Builders for the case tests: a context at a given day, a request to log, and a small harness that applies
// commands through decide and evolve the way the application layer does. Not part of the public API.
import type { Role } from '../access/roles.js'
import { createCalendar, defaultClockSettings, type LocalDate } from '../clock/index.js'
import type { Result } from '../errors.js'
import type { DocumentSeen } from '../requester/evidence-rules.js'
import type { Command, LogRequest } from './commands.js'
import { decide, type DecideContext } from './decide.js'
import type { CaseEvent } from './events.js'
import { evolve } from './evolve.js'
import type { CaseState } from './types.js'

export const calendar = createCalendar('england-and-wales')

export const ROLES_OF: Record<string, Role[]> = {
  corr: ['correspondence'],
  dp: ['dp-manager'],
  reviewer: ['reviewer'],
  ceo: ['chief-executive'],
}

export function contextOn(today: LocalDate, actorId = 'dp'): DecideContext {
  return {
    now: new Date(`${today}T11:00:00Z`),
    today,
    actorId,
    actorRoles: ROLES_OF[actorId] ?? [],
    calendar,
    clockSettings: defaultClockSettings,
  }
}

export const OWN_ID: DocumentSeen[] = [
  { party: 'subject', documentType: 'passport' },
  { party: 'subject', documentType: 'utility-bill' },
]

export function logCommand(overrides: Partial<LogRequest> = {}): LogRequest {
  return {
    type: 'LogRequest',
    id: 'case-1',
    reference: 'OPCC-2026-0001',
    controllerId: 'northshire-opcc',
    caseType: 'rights-request',
    right: 'access',
    route: 'UK_GDPR',
    channel: 'email',
    receivedAt: '2026-03-02T09:30:00Z',
    subject: { name: 'Alex Example', email: 'alex@example.org' },
    requesterType: 'self',
    request: { description: 'Emails about my complaint', actionWanted: 'A copy', reasons: 'To check', details: {} },
    ...overrides,
  }
}

export interface Harness {
  readonly state: CaseState
  readonly events: CaseEvent[]
  attempt(command: Command, on?: LocalDate, actorId?: string): Result<CaseEvent[]>
  run(command: Command, on?: LocalDate, actorId?: string): CaseEvent[]
}

/** A case driven by commands; `run` fails the test with the DomainError's message when a command is refused. */
export function harness(defaultDay: LocalDate): Harness {
  let state: CaseState | null = null
  const events: CaseEvent[] = []
  const attempt = (command: Command, on = defaultDay, actorId = 'dp') => decide(state, command, contextOn(on, actorId))
  return {
    get state() {
      if (!state) throw new Error('no case logged yet')
      return state
    },
    events,
    attempt,
    run(command, on, actorId) {
      const result = attempt(command, on, actorId)
      if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`)
      for (const event of result.value) {
        state = evolve(state, event)
        events.push(event)
      }
      return result.value
    },
  }
}

/** A logged access request (by default received on Monday 2 March 2026), with identity confirmed that day. */
export function verifiedAccessRequest(overrides: Partial<LogRequest> = {}): Harness {
  const command = logCommand(overrides)
  const day = command.receivedAt.slice(0, 10)
  const h = harness(day)
  h.run(command)
  h.run({ type: 'RecordIdentityVerified', documentsSeen: OWN_ID, verifiedOn: day, verifierId: 'corr', receivedOn: day })
  return h
}
