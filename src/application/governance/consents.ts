import { randomUUID } from 'node:crypto'
import { DomainError, isValidLocalDate, localDateInLondon, type Channel } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'

export interface ConsentRecord {
  id: string
  controllerId: string
  purpose: string
  personName: string
  email: string | null
  givenOn: string
  evidence: string
  withdrawnOn: string | null
  withdrawalCaseId: string | null
  /** How the withdrawal arrived and the erasure case it opened (from that case). */
  withdrawalChannel: Channel | null
  withdrawalCaseReference: string | null
}

/** How a withdrawal reached the office and on which day (Art 7(3): it can come by any route, at any time). */
export interface WithdrawalReceipt {
  channel: Channel
  receivedOn: string
}

export async function listConsents(db: Queryable, controllerIds: readonly string[] | null): Promise<ConsentRecord[]> {
  const r = await db.query(
    `SELECT c.*, k.reference AS case_reference, k.state->>'channel' AS case_channel
     FROM consents c LEFT JOIN cases k ON k.id = c.withdrawal_case_id
     WHERE ($1::text[] IS NULL OR c.controller_id = ANY($1)) ORDER BY c.given_on DESC, c.person_name`,
    [controllerIds],
  )
  return r.rows.map((c) => ({
    id: c.id,
    controllerId: c.controller_id,
    purpose: c.purpose,
    personName: c.person_name,
    email: c.email,
    givenOn: c.given_on,
    evidence: c.evidence,
    withdrawnOn: c.withdrawn_on,
    withdrawalCaseId: c.withdrawal_case_id,
    withdrawalChannel: c.case_channel ?? null,
    withdrawalCaseReference: c.case_reference ?? null,
  }))
}

/** Records a consent the office relies on (UK GDPR Art 7(1): be able to show it was given): what, when, how. */
export async function recordConsent(
  deps: AppDeps,
  actor: Actor,
  c: { controllerId: string; purpose: string; personName: string; email?: string; givenOn: string; evidence: string },
): Promise<string> {
  requirePermission(actor, 'register:manage')
  const fields: Record<string, string> = {}
  if (c.controllerId === '') fields.controllerId = 'Choose the organisation the consent was given to'
  else requireController(actor, c.controllerId)
  if (c.purpose.trim() === '') fields.purpose = 'Say what the consent is for'
  if (c.personName.trim() === '') fields.personName = 'Enter the person’s name'
  if (c.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email))
    fields.email = 'Enter an email address in the correct format, like name@example.com'
  if (!isValidLocalDate(c.givenOn)) fields.givenOn = 'Enter the date consent was given'
  else if (c.givenOn > localDateInLondon(deps.clock.now()))
    fields.givenOn = 'The date consent was given must be today or in the past'
  if (c.evidence.trim() === '') fields.evidence = 'Say how consent was given (for example, the signed referral form)'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid consent', { fields })
  const id = randomUUID()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      'INSERT INTO consents (id, controller_id, purpose, person_name, email, given_on, evidence, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
      [
        id,
        c.controllerId,
        c.purpose.trim(),
        c.personName.trim(),
        c.email?.toLowerCase() ?? null,
        c.givenOn,
        c.evidence.trim(),
        auditActorId(actor),
      ],
    )
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'RecordConsent',
        eventType: 'ConsentRecorded',
        payload: { consentId: id, purpose: c.purpose, givenOn: c.givenOn },
      },
    ])
  })
  return id
}

/**
 * Withdrawal (UK GDPR Art 7(3); seed 004: withdrawal leads to deletion): marks the consent withdrawn and opens an
 * erasure request (Art 17(1)(b)) for the office to act on, in one transaction, so the withdrawal is evidenced
 * and its follow-up cannot be lost.
 */
export async function withdrawConsent(
  deps: AppDeps,
  actor: Actor,
  consentId: string,
  via: 'staff' | 'portal',
  received?: WithdrawalReceipt,
): Promise<string> {
  if (via === 'staff') requirePermission(actor, 'register:manage')
  if (received) checkReceipt(received, localDateInLondon(deps.clock.now()))
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query('SELECT * FROM consents WHERE id = $1 FOR UPDATE', [consentId])
    const c = r.rows[0]
    if (!c) throw new DomainError('not-found', `consent ${consentId}`)
    requireController(actor, c.controller_id)
    if (c.withdrawn_on)
      throw new DomainError('conflict', 'already withdrawn', {
        userMessage: 'This consent has already been withdrawn.',
      })
    if (received && received.receivedOn < c.given_on)
      throw new DomainError('validation', 'withdrawn before given', {
        fields: { receivedOn: 'The withdrawal cannot be before the date consent was given' },
      })
    return withdrawIn(tx, deps, actor, c, received)
  })
}

const WITHDRAWAL_CHANNELS: readonly Channel[] = ['email', 'post', 'phone', 'in-person', 'portal']

function checkReceipt(r: WithdrawalReceipt, today: string): void {
  const fields: Record<string, string> = {}
  if (!WITHDRAWAL_CHANNELS.includes(r.channel)) fields.channel = 'Choose how the withdrawal was received'
  if (!isValidLocalDate(r.receivedOn)) fields.receivedOn = 'Enter the date the withdrawal was received'
  else if (r.receivedOn > today) fields.receivedOn = 'The date the withdrawal was received must be today or in the past'
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid withdrawal', { fields })
}

/** Used by the portal's withdraw-consent form: every consent held for that email at that controller. */
export async function withdrawConsentsByEmailIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  controllerId: string,
  email: string,
): Promise<string[]> {
  const r = await tx.query(
    'SELECT * FROM consents WHERE controller_id = $1 AND email = $2 AND withdrawn_on IS NULL FOR UPDATE',
    [controllerId, email.toLowerCase()],
  )
  const cases: string[] = []
  for (const c of r.rows) cases.push(await withdrawIn(tx, deps, actor, c))
  return cases
}

async function withdrawIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  c: Record<string, string>,
  received?: WithdrawalReceipt,
): Promise<string> {
  const now = deps.clock.now()
  const today = localDateInLondon(now)
  // The erasure request's month runs from the day the withdrawal was received (Art 12(3)); midday UTC is always on
  // that same London date, and today means now (a case cannot arrive in the future).
  const receivedAt = !received || received.receivedOn === today ? now : new Date(`${received.receivedOn}T12:00:00Z`)
  const { state } = await logRequestIn(tx, deps, actor, {
    controllerId: c.controller_id!,
    caseType: 'rights-request',
    right: 'erasure',
    route: 'UK_GDPR',
    channel: received?.channel ?? (actor.kind === 'public' ? 'portal' : 'email'),
    receivedAt: receivedAt.toISOString(),
    subject: { name: c.person_name!, ...(c.email ? { email: c.email } : {}) },
    requesterType: 'self',
    request: {
      description: `Information held because of consent to: ${c.purpose}`,
      actionWanted: 'Stop using and delete the information',
      reasons: 'Consent withdrawn',
      details: {
        dataToErase: c.purpose!,
        grounds: 'Consent withdrawn and no other lawful basis (UK GDPR Art 17(1)(b))',
      },
    },
  })
  await tx.query('UPDATE consents SET withdrawn_on = $2, withdrawal_case_id = $3 WHERE id = $1', [
    c.id,
    localDateInLondon(receivedAt),
    state.id,
  ])
  await appendAudit(tx, [
    {
      caseId: state.id,
      actorId: auditActorId(actor),
      occurredAt: now,
      command: 'WithdrawConsent',
      eventType: 'ConsentWithdrawn',
      payload: { consentId: c.id, erasureCase: state.reference, channel: state.channel, receivedOn: state.receivedOn },
    },
  ])
  return state.id
}

/** Marks a person's consents at a controller withdrawn, pointing at the case that already records the withdrawal. */
export async function markConsentsWithdrawnIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  input: { controllerId: string; email: string; caseId: string },
): Promise<number> {
  const now = deps.clock.now()
  const r = await tx.query<{ id: string }>(
    `UPDATE consents SET withdrawn_on = $4, withdrawal_case_id = $3
     WHERE controller_id = $1 AND email = $2 AND withdrawn_on IS NULL RETURNING id`,
    [input.controllerId, input.email.toLowerCase(), input.caseId, localDateInLondon(now)],
  )
  for (const { id } of r.rows) {
    await appendAudit(tx, [
      {
        caseId: input.caseId,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'WithdrawConsent',
        eventType: 'ConsentWithdrawn',
        payload: { consentId: id },
      },
    ])
  }
  return r.rows.length
}
