import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { loadRetentionRules, saveRetentionRule } from '../../../../application/governance/retention-rules.js'
import {
  DomainError,
  OUTCOME_LABELS,
  isDomainError,
  validateRetentionRule,
  type CaseType,
  type Outcome,
  type RetentionAction,
  type RetentionRule,
} from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { caseTypeText, durationText, outcomeText } from './labels.js'

export const CASE_TYPES: readonly CaseType[] = ['rights-request', 'review', 'complaint', 'regulator-case']
const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[]
const ACTIONS: readonly RetentionAction[] = ['delete', 'anonymise']

/** Anyone who takes part in disposal may read the schedule; only the administrator changes it. */
const SCHEDULE_READERS = ['retention:propose', 'retention:approve', 'retention:manage'] as const

const ruleIdOf = (request: FastifyRequest) => (request.params as { ruleId: string }).ruleId

/** The retention schedule (UK GDPR Art 5(1)(e)) and the administrator's forms to change a rule or add one. */
export function registerScheduleRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/retention',
    access: [...SCHEDULE_READERS],
    handler: async (request, reply) => {
      const rules = await loadRetentionRules(deps.pool)
      const saved = (request.query as Record<string, unknown>).saved
      return page(deps, request, reply, 'staff/governance/retention/schedule.njk', {
        pageTitle: text('retention.schedule.title'),
        groups: scheduleGroups(rules),
        identityDays: deps.identityDocumentMaxDays,
        saved: typeof saved === 'string' && rules.some((r) => r.id === saved),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/retention/new',
    access: 'retention:manage',
    handler: (q, r) => ruleForm(deps, q, r, null),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/retention/new',
    access: 'retention:manage',
    handler: (q, r) => saveRule(deps, q, r, null),
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/retention/:ruleId',
    access: 'retention:manage',
    handler: (q, r) => ruleForm(deps, q, r, ruleIdOf(q)),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/retention/:ruleId',
    access: 'retention:manage',
    handler: (q, r) => saveRule(deps, q, r, ruleIdOf(q)),
  })
}

/** One table per case type: the rule for any outcome last, as "any other outcome" when specific ones exist. */
function scheduleGroups(rules: readonly RetentionRule[]) {
  const known = new Set<string>(CASE_TYPES)
  const types = [...CASE_TYPES, ...new Set(rules.map((r) => r.caseType).filter((c) => !known.has(c)))]
  return types.map((caseType) => {
    const ofType = rules.filter((r) => r.caseType === caseType)
    const specific = ofType.filter((r) => r.outcome !== '*')
    const general = ofType.filter((r) => r.outcome === '*')
    return {
      caseType,
      title: caseTypeText(caseType),
      rules: [...specific, ...general].map((r) => ({
        ...r,
        outcomeText: r.outcome === '*' && specific.length ? text('retention.outcomes.other') : outcomeText(r.outcome),
        keptText: durationText(r.months),
        actionText: text(`retention.actions.${r.action}`),
      })),
    }
  })
}

async function existingRule(deps: AppDeps, ruleId: string): Promise<RetentionRule> {
  const rule = (await loadRetentionRules(deps.pool)).find((r) => r.id === ruleId)
  if (!rule) throw new DomainError('not-found', `no retention rule ${ruleId}`)
  return rule
}

async function ruleForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  ruleId: string | null,
  errors?: FormErrors,
) {
  const rule = ruleId ? await existingRule(deps, ruleId) : null
  const posted = request.method === 'POST' ? request.body : null
  const value = (name: keyof RetentionRule | 'changeReason', fallback: string) =>
    posted ? str(posted, name) : fallback
  const caseType = value('caseType', '')
  const outcome = value('outcome', '')
  const action = value('action', rule?.action ?? '')
  return page(
    deps,
    request,
    reply,
    'staff/governance/retention/rule.njk',
    {
      pageTitle: text(rule ? 'retention.rule.editTitle' : 'retention.rule.newTitle'),
      rule: rule
        ? { ...rule, caseTypeText: caseTypeText(rule.caseType), outcomeText: outcomeText(rule.outcome) }
        : null,
      action: rule ? `/staff/governance/retention/${rule.id}` : '/staff/governance/retention/new',
      caseTypes: [
        { value: '', text: text('retention.rule.chooseCaseType') },
        ...CASE_TYPES.map((c) => ({ value: c, text: caseTypeText(c), selected: c === caseType })),
      ],
      outcomes: [
        { value: '', text: text('retention.rule.chooseOutcome') },
        ...['*', ...OUTCOMES].map((o) => ({ value: o, text: outcomeText(o), selected: o === outcome })),
      ],
      actions: ACTIONS.map((a) => ({
        value: a,
        text: text(`retention.actions.${a}`),
        hint: { text: text(`retention.actionHints.${a}`) },
        checked: a === action,
      })),
      months: value('months', rule ? String(rule.months) : ''),
      reason: value('reason', rule?.reason ?? ''),
      changeReason: value('changeReason', ''),
      errors,
    },
    errors ? 422 : 200,
  )
}

/**
 * Checks the whole form at once (the domain's rule checks plus the reason for the change and, for a new rule, that
 * its case type and outcome are not already covered), so the officer sees every problem together and nothing is
 * saved until all is well.
 */
async function saveRule(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, ruleId: string | null) {
  const b = request.body
  const rules = await loadRetentionRules(deps.pool)
  const before = ruleId ? await existingRule(deps, ruleId) : null
  const caseType = (before?.caseType ?? str(b, 'caseType')) as CaseType
  const outcome = (before?.outcome ?? str(b, 'outcome')) as RetentionRule['outcome']
  const monthsText = str(b, 'months')
  const rule: RetentionRule = {
    id: before?.id ?? `${caseType}-${outcome === '*' ? 'any' : outcome}`,
    caseType,
    outcome,
    months: /^\d{1,4}$/.test(monthsText) ? Number(monthsText) : NaN,
    action: str(b, 'action') as RetentionAction,
    reason: str(b, 'reason'),
  }
  const changeReason = str(b, 'changeReason')
  const fields: Record<string, string> = {}
  if (!before) {
    if (!CASE_TYPES.includes(caseType)) fields.caseType = text('retention.rule.errors.caseType')
    if (outcome !== '*' && !OUTCOMES.includes(outcome)) fields.outcome = text('retention.rule.errors.outcome')
    else if (rules.some((r) => r.id === rule.id || (r.caseType === caseType && r.outcome === outcome)))
      fields.outcome = text('retention.rule.errors.duplicate')
  }
  const domain = validateRetentionRule(rule)
  delete domain.id // the id is made from the case type and outcome, which are checked above
  Object.assign(fields, domain)
  if (changeReason.length < 5) fields.changeReason = text('retention.rule.errors.changeReason')
  // Field order follows the form, so the error summary reads top to bottom.
  const order = ['caseType', 'outcome', 'months', 'action', 'reason', 'changeReason']
  const sorted = Object.fromEntries(order.filter((f) => fields[f]).map((f) => [f, fields[f]!]))
  try {
    if (Object.keys(sorted).length) throw new DomainError('validation', 'invalid retention rule', { fields: sorted })
    await saveRetentionRule(deps, staffOf(request), rule, changeReason)
    return reply.redirect(`/staff/governance/retention?saved=${encodeURIComponent(rule.id)}`, 303)
  } catch (error) {
    if (isDomainError(error) && error.code === 'validation')
      return ruleForm(deps, request, reply, ruleId, formErrors(error, { action: 'action', months: 'months' }))
    throw error
  }
}
