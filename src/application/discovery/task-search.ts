import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import { taskForActor } from '../casework/search-tasks.js'
import type { AppDeps } from '../deps.js'
import { addKeptToMaterial, hitsOf, runForActor } from './hits.js'
import { runDiscovery, type DiscoveryInput } from './search.js'
import { listSources } from './sources.js'

/** The sources a search task's assignee owns: the only ones they may search (and whose hits they see). */
export async function ownSources(deps: AppDeps, actor: Actor, taskId: string) {
  const task = await taskForActor(deps.pool, actor, taskId)
  const sources = (await listSources(deps, { ...actor, controllerIds: [task.controllerId] }, task.controllerId)).filter(
    (s) => s.ownerId === actor.id,
  )
  return { task, sources }
}

/** A source owner searches their own sources for a task's identifiers (never seeing the case itself). */
export async function runTaskDiscovery(deps: AppDeps, actor: Actor, taskId: string, input: DiscoveryInput) {
  const { task } = await ownSources(deps, actor, taskId)
  if (task.status !== 'open') throw new DomainError('conflict', `task ${taskId} is ${task.status}`)
  return runDiscovery(deps, actor, task.caseId, input, { taskId, onlyOwnedBy: actor.id })
}

/**
 * A search task answered by a saved discovery run: kept hits become the case's material, and the task is returned
 * with where was searched (the run's sources and terms) or as a nil return when nothing was kept.
 */
export async function answerTaskWithRun(deps: AppDeps, actor: Actor, runId: string) {
  const run = await runForActor(deps.pool, actor, runId)
  if (!run.taskId) throw new DomainError('conflict', 'this search was not made for a search task')
  const task = await taskForActor(deps.pool, actor, run.taskId)
  if (task.status !== 'open') throw new DomainError('conflict', `task ${task.id} is ${task.status}`)
  await addKeptToMaterial(deps, actor, runId)
  const hits = await hitsOf(deps.pool, runId)
  const ids = hits.filter((h) => h.documentId).map((h) => h.documentId!)
  const where = `Discovery search ${run.createdAt.toISOString().slice(0, 10)} of ${run.sources.map((s) => s.name).join(', ')}: ${hits.length} found, ${ids.length} kept.`
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      `UPDATE search_tasks SET status = 'returned', nil_return = $2, where_searched = $3, document_ids = $4, returned_at = $5
        WHERE id = $1 AND status = 'open'`,
      [task.id, ids.length === 0, where, ids, deps.clock.now()],
    )
    await recordAudit(tx, deps, actor, {
      caseId: task.caseId,
      command: 'ReturnSearchMaterial',
      eventType: 'SearchTaskReturned',
      payload: { taskId: task.id, nilReturn: ids.length === 0, whereSearched: where, documentCount: ids.length, runId },
    })
  })
}
