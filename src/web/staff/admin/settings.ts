import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  AUTO_ACKNOWLEDGE_CHANNELS,
  readSettings,
  type AutoAcknowledgeChannel,
  type CaseworkSettings,
  type CopyRecipient,
} from '../../../application/casework/settings.js'
import { updateSettings } from '../../../application/staff/update-settings.js'
import { DomainError, ROLES, isDomainError } from '../../../domain/index.js'
import type { Role } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'

/** "Name | role | email" per line: the copy list as an administrator types it. */
function parseCopyList(raw: string): CopyRecipient[] {
  return raw
    .split('\n')
    .map((l) => l.split('|').map((p) => p.trim()))
    .filter((p) => p.some(Boolean))
    .map(([name = '', role = '', email = '']) => ({ name, role, email }))
}

function parse(body: unknown): Partial<CaseworkSettings> {
  const fields: Record<string, string> = {}
  const copyList = parseCopyList(str(body, 'copyList'))
  if (copyList.some((r) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email)))
    fields.copyList = text('casework.settings.copyListInvalid')
  const days = Number(str(body, 'dueSoonWorkingDays'))
  if (!Number.isInteger(days) || days < 1 || days > 20)
    fields.dueSoonWorkingDays = text('casework.settings.daysInvalid')
  const interval = Number(str(body, 'taskChaseIntervalDays'))
  if (!Number.isInteger(interval) || interval < 1 || interval > 30)
    fields.taskChaseIntervalDays = text('casework.settings.daysInvalid')
  const rate = Math.round(Number(str(body, 'feeHourlyRate').replace(/[£,]/g, '')) * 100)
  if (!Number.isFinite(rate) || rate <= 0) fields.feeHourlyRate = text('casework.settings.rateInvalid')
  const months = Number(str(body, 'repeatRequestMonths'))
  if (!Number.isInteger(months) || months < 1 || months > 36) fields.repeatRequestMonths = text('find.settings.invalid')
  if (!str(body, 'regulatorName')) fields.regulatorName = text('casework.settings.regulatorMissing')
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid settings', { fields })
  const checked = list(body, 'reminderOptions')
  return {
    totpRequiredRoles: list(body, 'totpRequiredRoles').filter((r): r is Role => ROLES.includes(r as Role)),
    copyList,
    reminders: {
      dueSoonWorkingDays: days,
      remindAssigneeDueSoon: checked.includes('dueSoon'),
      remindAssigneeExtensionNotice: checked.includes('extensionNotice'),
      chaseOverdueTasks: checked.includes('chaseTasks'),
      overdueRoles: list(body, 'overdueRoles').filter((r): r is Role => ROLES.includes(r as Role)),
      taskChaseIntervalDays: interval,
    },
    regulator: {
      name: str(body, 'regulatorName'),
      address: str(body, 'regulatorAddress')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      phone: str(body, 'regulatorPhone'),
      website: str(body, 'regulatorWebsite'),
    },
    feeHourlyRatePence: rate,
    autoAcknowledgeChannels: list(body, 'autoAcknowledgeChannels').filter((c): c is AutoAcknowledgeChannel =>
      AUTO_ACKNOWLEDGE_CHANNELS.includes(c as AutoAcknowledgeChannel),
    ),
    repeatRequestMonths: months,
  }
}

/** Deployment settings: who must use a second factor, the copy list, reminders, the regulator's details, the fee rate. */
export function registerSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin/settings',
    access: 'settings:admin',
    handler: (q, r) => form(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/settings',
    access: 'settings:admin',
    handler: async (request, reply) => {
      try {
        const { pendingChangeId } = await updateSettings(deps, staffOf(request), parse(request.body))
        return reply.redirect(`/staff/admin/settings?${pendingChangeId ? 'proposed' : 'saved'}=1`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation') return form(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function form(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const s = await readSettings(deps.pool)
  const roleItems = (chosen: string[]) =>
    ROLES.map((r) => ({ value: r, text: text(`casework.roles.${r}`), checked: chosen.includes(r) }))
  const b = errors ? request.body : null
  return page(
    deps,
    request,
    reply,
    'staff/admin/settings.njk',
    {
      pageTitle: text('casework.settings.title'),
      s,
      totpItems: roleItems(b ? list(b, 'totpRequiredRoles') : s.totpRequiredRoles),
      overdueItems: roleItems(b ? list(b, 'overdueRoles') : s.reminders.overdueRoles),
      reminderItems: [
        { value: 'dueSoon', text: text('casework.settings.remindDueSoon'), checked: s.reminders.remindAssigneeDueSoon },
        {
          value: 'extensionNotice',
          text: text('casework.settings.remindExtension'),
          checked: s.reminders.remindAssigneeExtensionNotice,
        },
        { value: 'chaseTasks', text: text('casework.settings.chaseTasks'), checked: s.reminders.chaseOverdueTasks },
      ],
      copyListText: b ? str(b, 'copyList') : s.copyList.map((r) => `${r.name} | ${r.role} | ${r.email}`).join('\n'),
      acknowledgeItems: AUTO_ACKNOWLEDGE_CHANNELS.map((c) => ({
        value: c,
        text: text(`casework.settings.acknowledgeChannels.${c}`),
        checked: (b ? list(b, 'autoAcknowledgeChannels') : s.autoAcknowledgeChannels).includes(c),
      })),
      repeatMonths: b ? str(b, 'repeatRequestMonths') : String(s.repeatRequestMonths),
      feeRate: b ? str(b, 'feeHourlyRate') : (s.feeHourlyRatePence / 100).toFixed(2),
      saved: (request.query as Record<string, unknown>).saved === '1',
      proposed: (request.query as Record<string, unknown>).proposed === '1',
      errors,
    },
    errors ? 400 : 200,
  )
}
