import {
  decisionGroundsFor,
  exemptionsFor,
  isDecidedRight,
  regimeFor,
  restrictionGroundsFor,
} from '../../../domain/index.js'
import type {
  AutomatedSafeguard,
  CaseState,
  ObjectionKind,
  RecipientNoticeMethod,
  RecipientNoticeStatus,
  RectificationMethod,
  RightDecisionResult,
} from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { beforeDraft, str, strs, type ActionContext, type ActionDef, type Item, type Values } from './types.js'

// Issue 13, "Rights with their own steps": the decision on rectification, erasure, restriction, objection or an
// automated decision (UK GDPR Arts 16–22D; DPA 2018 ss.46–50D), Art 19 recipients, and the Art 18(3) notice before
// a restriction is lifted. Each is one form issuing one command; the domain (decide-rights.ts) checks the law.

const is = (right: string) => (s: CaseState) => s.right === right
const word = (k: string) => text(`casework.rightSteps.${k}`)
const options = (prefix: string, values: readonly string[]): Item[] =>
  values.map((value) => ({ value, text: word(`${prefix}.${value}`) }))

/** The article's own grounds first, then the exemptions or Part 3 restrictions that restrict this right. */
export function groundItems(ctx: Pick<ActionContext, 'state'>): Item[] {
  const s = ctx.state
  if (!isDecidedRight(s.right)) return []
  const own = decisionGroundsFor(s.right, s.route, regimeFor(s.receivedOn)).map((g) => ({
    value: g.code,
    text: `${g.shortName} (${g.citation})`,
    hint: g.explanation,
  }))
  const exemptions = exemptionsFor(s.right, s.route)
    .filter((e) => !e.scotlandOnly)
    .map((e) => ({ value: e.code, text: `${e.shortName} (${e.citation})`, hint: e.explanation }))
  return [...own, ...exemptions]
}

function grounds(values: Values) {
  return strs(values, 'grounds').map((code) => ({ code, reason: str(values, `grounds-reason-${code}`) }))
}

function decideRightCommand(values: Values, ctx: ActionContext) {
  const right = ctx.state.right
  const changed = str(values, 'decisionChanged')
  return {
    type: 'DecideRight' as const,
    result: str(values, 'result') as RightDecisionResult,
    summary: str(values, 'summary'),
    grounds: grounds(values),
    ...(right === 'rectification' && str(values, 'method')
      ? {
          rectification: {
            method: str(values, 'method') as RectificationMethod,
            ...(str(values, 'supplementaryStatement')
              ? { supplementaryStatement: str(values, 'supplementaryStatement') }
              : {}),
          },
        }
      : {}),
    ...(right === 'restriction' && str(values, 'restrictionGround')
      ? { restrictionGround: str(values, 'restrictionGround') }
      : {}),
    ...(right === 'objection'
      ? {
          objection: {
            kind: (str(values, 'objectionKind') || 'particular-situation') as ObjectionKind,
            ...(str(values, 'balance') ? { balance: str(values, 'balance') } : {}),
          },
        }
      : {}),
    ...(right === 'automated-decision'
      ? {
          automated: {
            safeguards: strs(values, 'safeguards') as AutomatedSafeguard[],
            ...(str(values, 'reviewer') ? { reviewer: str(values, 'reviewer') } : {}),
            ...(changed ? { decisionChanged: changed === 'yes' } : {}),
          },
        }
      : {}),
  }
}

const notifying = (s: CaseState) =>
  Boolean(
    s.rightDecision &&
    ['rectification', 'erasure', 'restriction'].includes(s.rightDecision.right) &&
    (s.rightDecision.result !== 'declined' || s.processingRestriction),
  )
const restricted = (s: CaseState) => Boolean(s.processingRestriction && !s.processingRestriction.lifted)

export const RIGHTS_ACTIONS: ActionDef[] = [
  {
    slug: 'decide-right',
    command: 'DecideRight',
    fields: [
      { name: 'result', kind: 'radios', items: () => options('results', ['in-full', 'in-part', 'declined']) },
      {
        name: 'method',
        kind: 'radios',
        optional: true,
        showIf: is('rectification'),
        items: (ctx) =>
          options('methods', ['corrected', 'completed', 'supplementary-statement', 'restricted-instead']).filter(
            (i) => i.value !== 'restricted-instead' || ctx.state.route === 'DPA_PART3',
          ),
      },
      { name: 'supplementaryStatement', kind: 'textarea', optional: true, showIf: is('rectification') },
      {
        name: 'restrictionGround',
        kind: 'radios',
        optional: true,
        showIf: is('restriction'),
        items: (ctx) =>
          restrictionGroundsFor(ctx.state.route).map((g) => ({
            value: g.code,
            text: `${g.shortName} (${g.citation})`,
          })),
      },
      {
        name: 'objectionKind',
        kind: 'radios',
        showIf: is('objection'),
        items: () => options('objectionKinds', ['particular-situation', 'direct-marketing']),
      },
      { name: 'balance', kind: 'textarea', optional: true, showIf: is('objection') },
      {
        name: 'safeguards',
        kind: 'checkboxes',
        optional: true,
        showIf: is('automated-decision'),
        items: () => options('safeguards', ['information', 'representations', 'human-intervention', 'contest']),
      },
      { name: 'reviewer', kind: 'text', optional: true, showIf: is('automated-decision') },
      {
        name: 'decisionChanged',
        kind: 'radios',
        optional: true,
        showIf: is('automated-decision'),
        items: () => options('changed', ['yes', 'no']),
      },
      { name: 'grounds', kind: 'checkboxes', optional: true, reasonPerItem: true, items: groundItems },
      { name: 'summary', kind: 'textarea' },
    ],
    available: (s) =>
      s.caseType === 'rights-request' &&
      isDecidedRight(s.right) &&
      beforeDraft(s) &&
      !s.rightDecision &&
      !s.refusal &&
      !s.redirect,
    toCommand: decideRightCommand,
  },
  {
    slug: 'notify-recipient',
    command: 'NotifyRecipient',
    fields: [
      { name: 'recipient', kind: 'text', width: 'govuk-input--width-30' },
      {
        name: 'status',
        kind: 'radios',
        items: () => options('noticeStatuses', ['notified', 'impossible', 'disproportionate']),
      },
      {
        name: 'method',
        kind: 'radios',
        optional: true,
        items: () => options('noticeMethods', ['email', 'post', 'phone', 'secure-transfer', 'system-update']),
      },
      { name: 'on', kind: 'date', defaultToday: true },
      { name: 'reason', kind: 'textarea', optional: true },
    ],
    available: notifying,
    toCommand: (v) => ({
      type: 'NotifyRecipient',
      recipient: str(v, 'recipient'),
      status: str(v, 'status') as RecipientNoticeStatus,
      on: str(v, 'on'),
      ...(str(v, 'method') ? { method: str(v, 'method') as RecipientNoticeMethod } : {}),
      ...(str(v, 'reason') ? { reason: str(v, 'reason') } : {}),
    }),
  },
  {
    // Art 18(3): the notice goes to the requester before the restriction is lifted; lifting is a separate step.
    slug: 'restriction-lift-notice',
    command: 'GiveRestrictionLiftNotice',
    fields: [{ name: 'reason', kind: 'textarea' }],
    available: (s) => restricted(s) && !s.processingRestriction?.liftNotice,
    toCommand: (v) => ({ type: 'GiveRestrictionLiftNotice', reason: str(v, 'reason') }),
    notice: () => 'restriction-lift-notice',
  },
  {
    slug: 'lift-restriction',
    command: 'LiftProcessingRestriction',
    fields: [{ name: 'reason', kind: 'textarea' }],
    // Offered once the notice is recorded; the domain refuses it before then in any case.
    available: (s) => restricted(s) && Boolean(s.processingRestriction?.liftNotice),
    toCommand: (v) => ({ type: 'LiftProcessingRestriction', reason: str(v, 'reason') }),
  },
]
