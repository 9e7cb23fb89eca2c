import { addWorkingDays, clockOf, localDateInLondon } from '../domain/index.js'
import type { CaseState, Command } from '../domain/index.js'
import { withTransaction } from '../persistence/db.js'
import { loadCaseForUpdate } from '../persistence/repositories/case-repository.js'
import { SYSTEM_ACTOR } from './actor.js'
import { applyCommand } from './apply-command.js'
import type { AppDeps } from './deps.js'
import { readSettings } from './casework/settings.js'

export interface SweepResult {
  checked: number
  flagged: { reference: string; kind: string; forDate: string }[]
}

/**
 * The scheduled deadline check: records due-soon, overdue, extension-notice-due and complaint
 * acknowledgement flags as case events (once per date, so reruns add nothing) and queues the reminders.
 */
export async function sweepDeadlines(deps: AppDeps): Promise<SweepResult> {
  const today = localDateInLondon(deps.clock.now())
  // An administrator's setting wins over the DUE_SOON_WORKING_DAYS default from the environment.
  const saved = await deps.pool.query(`SELECT 1 FROM settings WHERE key = 'casework.reminders'`)
  const days = saved.rowCount ? (await readSettings(deps.pool)).reminders.dueSoonWorkingDays : deps.dueSoonWorkingDays
  const horizon = addWorkingDays(today, days, deps.calendar)
  const ids = await deps.pool.query<{ id: string }>(
    `SELECT id FROM cases WHERE status NOT IN ('closed','withdrawn','responded') ORDER BY due_on NULLS LAST`,
  )
  const result: SweepResult = { checked: ids.rows.length, flagged: [] }
  for (const { id } of ids.rows) {
    await withTransaction(deps.pool, async (tx) => {
      const state = await loadCaseForUpdate(tx, id)
      if (!state) return
      for (const command of flagsDue(deps, state, today, horizon)) {
        const current = (await loadCaseForUpdate(tx, id)) ?? state
        if (current.deadlineFlags[command.kind] === command.forDate) continue
        await applyCommand(deps, tx, SYSTEM_ACTOR, current, command)
        result.flagged.push({ reference: state.reference, kind: command.kind, forDate: command.forDate })
      }
    })
  }
  return result
}

type Flag = Extract<Command, { type: 'FlagDeadline' }>

function flagsDue(deps: AppDeps, state: CaseState, today: string, horizon: string): Flag[] {
  const clock = clockOf(state, deps.calendar, deps.clockSettings, today)
  const flags: Flag[] = []
  const flag = (kind: Flag['kind'], forDate: string) => flags.push({ type: 'FlagDeadline', kind, forDate })
  if (clock.due && !clock.paused && !clock.awaitingRestart) {
    if (clock.due < today) flag('overdue', clock.due)
    else if (clock.due <= horizon) flag('due-soon', clock.due)
  }
  const notice = clock.noticeDeadline
  if (state.caseType === 'rights-request' && !state.extension && notice && notice >= today && notice <= horizon) {
    flag('extension-notice-due', notice)
  }
  const ack = clock.acknowledgementDue
  if (state.caseType === 'complaint' && !state.acknowledgedOn && ack && ack <= horizon) flag('acknowledgement-due', ack)
  return flags
}
