import {
  DomainError,
  checkIdentityEvidence,
  evidenceRuleFor,
  isRight,
  rightAvailable,
  rightDefinition,
} from '../../domain/index.js'
import type {
  CaseState,
  Controller,
  DocumentSeen,
  Person,
  Representative,
  RequesterType,
  ResponseChannel,
  Right,
} from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { attachDocuments } from '../../persistence/repositories/document-repository.js'
import { auditActorId, type Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import { acknowledgeIn, applyAsPublic, receiptOf, type CaseReceipt, type EmailText } from './intake-support.js'

/** A file uploaded earlier in the journey, with what the requester said it is. */
export interface UploadedEvidence extends DocumentSeen {
  documentId: string
}

export interface SubmitRequestInput {
  controllerId: string
  rights: readonly Right[]
  requesterType: RequesterType
  subject: Person
  representative?: Representative
  description: string
  reasons: string
  preferredFormat: ResponseChannel
  /** Answers to each right's own questions (rightDefinition(right).requiredDetails), keyed by right then field. */
  details: Partial<Record<Right, Record<string, string>>>
  uploads: readonly UploadedEvidence[]
  /** What the requester said about their evidence, for the caseworker (e.g. "will post"), written by the adapter. */
  evidenceNote: string
  /** They said they will post their identity documents. */
  identityByPost?: boolean
  /** They have none of the listed documents; what they said they can offer instead. */
  identityOffer?: string
  /** Where the acknowledgement goes: the person asking (the representative when there is one). */
  acknowledgementTo?: string
  composeAcknowledgement: (cases: CaseReceipt[]) => EmailText
}

/**
 * The portal's "send" button: one case per right asked for, linked to each other as related, with the uploads
 * attached, the evidence still owed asked for, and the acknowledgement queued, all in ONE transaction through the
 * same logRequest use case the API uses. A failure anywhere leaves nothing behind.
 */
export async function submitRequest(deps: AppDeps, actor: Actor, input: SubmitRequestInput): Promise<CaseReceipt[]> {
  const rights = [...new Set(input.rights)]
  if (rights.length === 0 || !rights.every(isRight)) throw new DomainError('validation', 'no valid right chosen')
  return withTransaction(deps.pool, async (tx) => {
    const controller = await findController(tx, input.controllerId)
    if (!controller) throw new DomainError('validation', `unknown controller ${input.controllerId}`)
    await requireOwnUploads(tx, actor, input.uploads)
    let cases: CaseState[] = []
    for (const right of rights) cases.push(await logOne(tx, deps, actor, controller, right, input))
    cases = await linkAll(tx, deps, actor, cases)
    const lead = cases[0]
    if (lead)
      await attachDocuments(
        tx,
        input.uploads.map((u) => u.documentId),
        lead.id,
      )
    cases = await askForMissingEvidence(tx, deps, actor, cases, input)
    cases = await acknowledgeIn(tx, deps, actor, cases, input.acknowledgementTo, input.composeAcknowledgement)
    return cases.map((state) => receiptOf(deps, state))
  })
}

/** Uploads may only be attached once, to the journey that made them (never someone else's file by guessing its id). */
async function requireOwnUploads(tx: Tx, actor: Actor, uploads: readonly UploadedEvidence[]): Promise<void> {
  if (uploads.length === 0) return
  const ids = uploads.map((u) => u.documentId)
  const r = await tx.query<{ id: string }>(
    `SELECT id FROM documents WHERE id = ANY($1::uuid[]) AND case_id IS NULL AND purged_at IS NULL
       AND uploaded_by = $2 FOR UPDATE`,
    [ids, auditActorId(actor)],
  )
  if (r.rows.length !== new Set(ids).size) throw new DomainError('validation', 'uploads not found for this journey')
}

/**
 * A force's law-enforcement records come under DPA 2018 Part 3, which has no right to portability or to object
 * (uk-rules §9); the same force's other records (HR, licensing, contact with the public) come under the UK GDPR,
 * where both exist. So a right the controller's usual route lacks is logged under the UK GDPR; the caseworker can
 * still change the route.
 */
function routeFor(controller: Controller, right: Right) {
  return rightAvailable(right, controller.defaultRoute) ? controller.defaultRoute : 'UK_GDPR'
}

async function logOne(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  controller: Controller,
  right: Right,
  input: SubmitRequestInput,
): Promise<CaseState> {
  const details = { ...(input.details[right] ?? {}), ...(input.evidenceNote ? { evidence: input.evidenceNote } : {}) }
  const outcome = await logRequestIn(tx, deps, actor, {
    controllerId: controller.id,
    caseType: 'rights-request',
    right,
    route: routeFor(controller, right),
    channel: 'portal',
    receivedAt: deps.clock.now().toISOString(),
    subject: input.subject,
    requesterType: input.requesterType,
    ...(input.representative ? { representative: input.representative } : {}),
    request: {
      description: input.description,
      actionWanted: rightDefinition(right).title,
      reasons: input.reasons,
      preferredFormat: input.preferredFormat,
      details,
    },
  })
  return outcome.state
}

/** Several rights from one person are separate cases with their own clocks, linked both ways so none is missed. */
async function linkAll(tx: Tx, deps: AppDeps, actor: Actor, cases: CaseState[]): Promise<CaseState[]> {
  const linked: CaseState[] = []
  for (const state of cases) {
    let current = state
    for (const other of cases) {
      if (other.id === state.id) continue
      current = await applyAsPublic(tx, deps, actor, current, {
        type: 'LinkCase',
        otherCaseId: other.id,
        relation: 'related',
      })
    }
    linked.push(current)
  }
  return linked
}

/**
 * What the caseworker reads about identity, true to what happened: documents sent but not yet enough is not "not
 * sent", and someone with none of the listed documents said what they can offer instead.
 */
function identityRationale(input: SubmitRequestInput, missing: readonly string[]): string {
  if (input.identityOffer !== undefined)
    return `The requester has none of the listed identity documents. They offered: ${input.identityOffer}`
  if (input.uploads.some((u) => u.party !== 'authority'))
    return `Identity documents were uploaded with the request; still needed: ${missing.join('; ')}`
  if (input.identityByPost) return 'The requester said they will post their identity documents'
  return 'No identity documents were sent with the request made online'
}

/**
 * Seed 002: the office always needs identity documents, and the time limit starts when they arrive (UK GDPR
 * Art 12(6), 12A(2)(b)); a representative must also prove they may act, and the clock waits for that too (ICO,
 * Dec 2025). What the upload did not cover is asked for now, so the clock and the caseworker's list both show it.
 */
async function askForMissingEvidence(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  cases: CaseState[],
  input: SubmitRequestInput,
): Promise<CaseState[]> {
  const identity = checkIdentityEvidence(input.requesterType, input.uploads)
  const identityMissing = !identity.satisfied
  const rule = evidenceRuleFor(input.requesterType)
  const accepted: readonly string[] = rule.authority?.documentTypes ?? []
  const authorityMissing =
    rule.authority !== null && !input.uploads.some((u) => u.party === 'authority' && accepted.includes(u.documentType))
  const out: CaseState[] = []
  for (let state of cases) {
    if (identityMissing) {
      const rationale = identityRationale(input, identity.missing)
      state = await applyAsPublic(tx, deps, actor, state, { type: 'RequestIdentity', rationale })
    }
    if (authorityMissing) {
      const note = 'Proof that the representative may act was not sent with the request made online'
      state = await applyAsPublic(tx, deps, actor, state, { type: 'RequestAuthority', note })
    }
    out.push(state)
  }
  return out
}
