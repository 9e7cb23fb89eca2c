import { addDays, localDateInLondon } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { SYSTEM_ACTOR } from '../actor.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { overdueOpenTasks } from './search-task-repository.js'
import { emailTask } from './search-tasks.js'
import { readSettings } from './settings.js'

/**
 * Chases staff whose search task is past its due date (issue: Reminders; seed 002: staff respond within the
 * timeframe the DP manager sets), at most once every `taskChaseIntervalDays`. Run by the worker after each sweep.
 */
export async function chaseOverdueTasks(deps: AppDeps): Promise<{ chased: string[] }> {
  const { reminders } = await readSettings(deps.pool)
  if (!reminders.chaseOverdueTasks) return { chased: [] }
  const today = localDateInLondon(deps.clock.now())
  const chased: string[] = []
  for (const candidate of await overdueOpenTasks(deps.pool, today)) {
    await withTransaction(deps.pool, async (tx) => {
      // Re-read under lock: two workers sweeping at once must not both chase.
      const r = await tx.query<{ last_chased_on: string | null; status: string }>(
        'SELECT last_chased_on, status FROM search_tasks WHERE id = $1 FOR UPDATE',
        [candidate.id],
      )
      const row = r.rows[0]
      if (!row || row.status !== 'open') return
      if (row.last_chased_on && addDays(row.last_chased_on, reminders.taskChaseIntervalDays) > today) return
      await emailTask(tx, deps, candidate, 'task-chase')
      await tx.query('UPDATE search_tasks SET last_chased_on = $2 WHERE id = $1', [candidate.id, today])
      const who = await tx.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [candidate.assigneeId])
      await recordAudit(tx, deps, SYSTEM_ACTOR, {
        caseId: candidate.caseId,
        command: 'ChaseSearchTask',
        eventType: 'SearchTaskChased',
        payload: {
          taskId: candidate.id,
          assigneeName: who.rows[0]?.name ?? '',
          team: candidate.team ?? '',
          dueOn: candidate.dueOn,
        },
      })
      chased.push(candidate.id)
    })
  }
  return { chased }
}
