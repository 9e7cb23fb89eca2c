import { randomUUID } from 'node:crypto'
import { DomainError, isValidLocalDate, localDateInLondon } from '../../domain/index.js'
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
}

export async function listConsents(db: Queryable, controllerIds: readonly string[] | null): Promise<ConsentRecord[]> {
  const r = await db.query(
    `SELECT * FROM consents WHERE ($1::text[] IS NULL OR controller_id = ANY($1)) ORDER BY given_on DESC, person_name`,
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
  }))
}

/** Records a consent the office relies on (UK GDPR Art 7(1): be able to show it was given): what, when, how. */
export async function recordConsent(
  deps: AppDeps,
  actor: Actor,
  c: { controllerId: string; purpose: string; personName: string; email?: string; givenOn: string; evidence: string },
): Promise<string> {
  requirePermission(actor, 'register:manage')
  requireController(actor, c.controllerId)
  const fields: Record<string, string> = {}
  if (c.purpose.trim() === '') fields.purpose = 'Say what the consent is for'
  if (c.personName.trim() === '') fields.personName = 'Enter the person’s name'
  if (!isValidLocalDate(c.givenOn)) fields.givenOn = 'Enter the date consent was given'
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
): Promise<string> {
  if (via === 'staff') requirePermission(actor, 'register:manage')
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query('SELECT * FROM consents WHERE id = $1 FOR UPDATE', [consentId])
    const c = r.rows[0]
    if (!c) throw new DomainError('not-found', `consent ${consentId}`)
    requireController(actor, c.controller_id)
    if (c.withdrawn_on)
      throw new DomainError('conflict', 'already withdrawn', {
        userMessage: 'This consent has already been withdrawn.',
      })
    return withdrawIn(tx, deps, actor, c)
  })
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

async function withdrawIn(tx: Tx, deps: AppDeps, actor: Actor, c: Record<string, string>): Promise<string> {
  const now = deps.clock.now()
  const { state } = await logRequestIn(tx, deps, actor, {
    controllerId: c.controller_id!,
    caseType: 'rights-request',
    right: 'erasure',
    route: 'UK_GDPR',
    channel: actor.kind === 'public' ? 'portal' : 'email',
    receivedAt: now.toISOString(),
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
    localDateInLondon(now),
    state.id,
  ])
  await appendAudit(tx, [
    {
      caseId: state.id,
      actorId: auditActorId(actor),
      occurredAt: now,
      command: 'WithdrawConsent',
      eventType: 'ConsentWithdrawn',
      payload: { consentId: c.id, erasureCase: state.reference },
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
