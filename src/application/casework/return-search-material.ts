import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { storeDocumentIn } from '../store-document.js'
import { recordAudit } from './audit.js'
import { taskForActor } from './search-tasks.js'
import { checkStaffUpload, type UploadedFile } from './staff-upload.js'
import { notifyStaffIn } from './notify-staff.js'

export interface SearchReturn {
  nilReturn: boolean
  whereSearched: string
  files: UploadedFile[]
}

/**
 * A member of staff answers a search task: the material they found (uploaded to the case, for the DP manager only),
 * or a nil return saying where they looked (seed 002: all reasonable efforts, live, closed and archived records).
 */
export async function returnSearchMaterial(deps: AppDeps, actor: Actor, taskId: string, input: SearchReturn) {
  requirePermission(actor, 'task:answer')
  const fields: Record<string, string> = {}
  if (input.whereSearched.trim().length < 5) fields.whereSearched = 'Say where you searched'
  if (!input.nilReturn && input.files.length === 0)
    fields.files = 'Choose the files you found, or say you found nothing'
  if (input.nilReturn && input.files.length > 0) fields.files = 'Remove the files, or say you found something'
  const checks = await Promise.all(input.files.map((f) => checkStaffUpload(f, { scanner: deps.virusScanner })))
  const bad = checks.find((c) => !c.ok)
  if (bad && !bad.ok) fields.files = bad.message
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid search return', { fields })
  return withTransaction(deps.pool, async (tx) => {
    const task = await taskForActor(tx, actor, taskId, true)
    if (task.status !== 'open') throw new DomainError('conflict', `task ${taskId} is ${task.status}`)
    const ids: string[] = []
    for (const [i, file] of input.files.entries()) {
      const check = checks[i]
      if (!check?.ok) continue
      const doc = await storeDocumentIn(tx, deps, actor, {
        caseId: task.caseId,
        kind: 'material',
        filename: file.filename,
        contentType: check.contentType,
        bytes: file.bytes,
      })
      ids.push(doc.id)
    }
    await tx.query(
      `UPDATE search_tasks SET status = 'returned', nil_return = $2, where_searched = $3, document_ids = $4,
         returned_at = $5 WHERE id = $1`,
      [taskId, input.nilReturn, input.whereSearched.trim(), ids, deps.clock.now()],
    )
    await recordAudit(tx, deps, actor, {
      caseId: task.caseId,
      command: 'ReturnSearchMaterial',
      eventType: 'SearchTaskReturned',
      payload: {
        taskId,
        nilReturn: input.nilReturn,
        whereSearched: input.whereSearched.trim(),
        documentCount: ids.length,
      },
    })
    // Issue 14: whoever set the task is told it came back, at once or in their daily digest.
    await notifyStaffIn(tx, deps, {
      userIds: [task.createdBy],
      caseId: task.caseId,
      reference: task.caseReference,
      kind: 'task-returned',
    })
    return { documentIds: ids }
  })
}
