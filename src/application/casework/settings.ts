import type { Channel, Role } from '../../domain/index.js'
import { ROLES } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { REGULATOR_SETTING_KEY, readRegulator, type Regulator } from '../portal/regulator.js'

/** Someone told about every new request (seed 002's copy list); `userId` links a Rightsdesk account if there is one. */
export interface CopyRecipient {
  name: string
  role: string
  email: string
}

/** Who is reminded of what, and when (issue: Reminders). Defaults follow the issue; an admin can change them. */
export interface ReminderSettings {
  /** Remind the assignee when a case is due within this many working days. */
  dueSoonWorkingDays: number
  remindAssigneeDueSoon: boolean
  remindAssigneeExtensionNotice: boolean
  /** Roles told when a case is overdue (the DP manager and the reviewer by default). */
  overdueRoles: Role[]
  /** Chase staff whose search task is past its due date, at most once every this many days. */
  chaseOverdueTasks: boolean
  taskChaseIntervalDays: number
}

/** The regulator named in letters: configurable because the ICO is becoming the Information Commission (uk-rules §0). */
export interface RegulatorDetails {
  name: string
  address: string[]
  phone: string
  website: string
}

export interface CaseworkSettings {
  /** Roles that must use a second factor (TOTP) to sign in; relaxing it takes two administrators. */
  totpRequiredRoles: Role[]
  copyList: CopyRecipient[]
  reminders: ReminderSettings
  regulator: RegulatorDetails
  /** The hourly rate a manifestly unfounded or excessive fee is worked out from (Art 12(5): administrative costs). */
  feeHourlyRatePence: number
  /** Requests logged by staff (per channel) or through the API that are acknowledged automatically (issue 14). */
  autoAcknowledgeChannels: AutoAcknowledgeChannel[]
  /** Another request of the same person within this many months is pointed out as a possible repeat (issue 14). */
  repeatRequestMonths: number
}

export type AutoAcknowledgeChannel = Exclude<Channel, 'portal'>
export const AUTO_ACKNOWLEDGE_CHANNELS: readonly AutoAcknowledgeChannel[] = [
  'email',
  'post',
  'phone',
  'in-person',
  'api',
]

/** Defaults for the settings kept under `casework.*`; the regulator is the portal's setting (portal/regulator.ts). */
export const DEFAULT_SETTINGS: Omit<CaseworkSettings, 'regulator'> = {
  // NCSC and OWASP ASVS L2: the roles that can see every case, approve disclosures or manage accounts use a second
  // factor unless two administrators agree otherwise (issue 11).
  totpRequiredRoles: ['admin', 'dp-manager', 'reviewer', 'chief-executive'],
  copyList: [],
  reminders: {
    dueSoonWorkingDays: 5,
    remindAssigneeDueSoon: true,
    remindAssigneeExtensionNotice: true,
    overdueRoles: ['dp-manager', 'reviewer'],
    chaseOverdueTasks: true,
    taskChaseIntervalDays: 2,
  },
  feeHourlyRatePence: 2500,
  autoAcknowledgeChannels: [...AUTO_ACKNOWLEDGE_CHANNELS],
  // uk-rules §5: "largely repeats earlier requests without a reasonable interval"; the law names no interval, so the
  // office chooses how far back staff are shown earlier requests. Six months is a starting point, not a rule.
  repeatRequestMonths: 6,
}

export const SETTING_KEYS = [
  'totpRequiredRoles',
  'copyList',
  'reminders',
  'regulator',
  'feeHourlyRatePence',
  'autoAcknowledgeChannels',
  'repeatRequestMonths',
] as const
export type SettingKey = (typeof SETTING_KEYS)[number]

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r)

/** Every setting, with the default for any not saved yet. Stored under `casework.<key>` in the settings table. */
export async function readSettings(db: Queryable): Promise<CaseworkSettings> {
  const r = await db.query<{ key: string; value: unknown }>(
    `SELECT key, value FROM settings WHERE key LIKE 'casework.%'`,
  )
  const saved = new Map(r.rows.map((row) => [row.key.slice('casework.'.length), row.value]))
  const reminders = { ...DEFAULT_SETTINGS.reminders, ...(saved.get('reminders') as Partial<ReminderSettings>) }
  return {
    totpRequiredRoles: ((saved.get('totpRequiredRoles') as unknown[]) ?? DEFAULT_SETTINGS.totpRequiredRoles).filter(
      isRole,
    ),
    copyList: (saved.get('copyList') as CopyRecipient[]) ?? DEFAULT_SETTINGS.copyList,
    reminders: { ...reminders, overdueRoles: reminders.overdueRoles.filter(isRole) },
    // One regulator for the whole deployment: letters name the same body, address and helpline as the public pages.
    regulator: regulatorForLetters(await readRegulator(db)),
    feeHourlyRatePence: Number(saved.get('feeHourlyRatePence') ?? DEFAULT_SETTINGS.feeHourlyRatePence),
    autoAcknowledgeChannels: (
      (saved.get('autoAcknowledgeChannels') as unknown[]) ?? DEFAULT_SETTINGS.autoAcknowledgeChannels
    ).filter((c): c is AutoAcknowledgeChannel => AUTO_ACKNOWLEDGE_CHANNELS.includes(c as AutoAcknowledgeChannel)),
    repeatRequestMonths: Number(saved.get('repeatRequestMonths') ?? DEFAULT_SETTINGS.repeatRequestMonths),
  }
}

function regulatorForLetters(r: Regulator): RegulatorDetails {
  return { name: r.name, address: [...r.address], phone: r.helpline, website: r.complaintUrl }
}

export async function writeSetting(db: Queryable, key: SettingKey, value: unknown, updatedBy: string, at: Date) {
  if (key === 'regulator') {
    // Stored where the portal reads it (REGULATOR_SETTING_KEY), in the portal's shape.
    const r = value as RegulatorDetails
    const stored = { name: r.name, address: r.address, helpline: r.phone, complaintUrl: r.website }
    await db.query(
      `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [REGULATOR_SETTING_KEY, JSON.stringify(stored), updatedBy, at],
    )
    return
  }
  await db.query(
    `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [`casework.${key}`, JSON.stringify(value), updatedBy, at],
  )
}
