import { randomUUID } from 'node:crypto'
import { DomainError } from '../../../domain/index.js'
import type { Tx } from '../../../persistence/db.js'
import { findUserByEmail, findUserById, insertUser } from '../../../persistence/repositories/user-repository.js'
import type { Actor } from '../../actor.js'
import { recordAudit } from '../../casework/audit.js'
import { readSettings, writeSetting } from '../../casework/settings.js'
import type { AppDeps } from '../../deps.js'
import { issueSetPasswordLink } from '../set-password.js'
import { unblockAccount } from '../throttle.js'
import type { AdminChange } from './types.js'

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

const moved = () =>
  new DomainError('conflict', 'changed since it was proposed', {
    userMessage: 'This has changed since the change was proposed. Reject it and propose it again',
  })

/** Carries out an approved change, in the approval's transaction, audited as the approver's act. */
export async function applyChange(tx: Tx, deps: AppDeps, change: AdminChange, approver: Actor): Promise<void> {
  const r = change.request
  const approved = { approvedChangeId: change.id, proposedBy: change.proposedBy }
  const audit = (command: string, eventType: string, payload: object) =>
    recordAudit(tx, deps, approver, { command, eventType, payload: { ...payload, ...approved } })
  if (r.kind === 'security-settings') {
    const before = (await readSettings(tx)).totpRequiredRoles
    if (!sameSet(before, r.before.totpRequiredRoles)) throw moved()
    await writeSetting(tx, 'totpRequiredRoles', r.after.totpRequiredRoles, `user:${approver.id}`, deps.clock.now())
    await audit('UpdateSettings', 'SettingsChanged', {
      keys: ['totpRequiredRoles'],
      before: { totpRequiredRoles: before },
      after: { totpRequiredRoles: r.after.totpRequiredRoles },
    })
    return
  }
  if (r.kind === 'create-user') {
    if (await findUserByEmail(tx, r.account.email)) {
      throw new DomainError('conflict', 'duplicate email', {
        userMessage: 'An account with this email address was added meanwhile. Reject this change',
      })
    }
    const id = randomUUID()
    await insertUser(tx, { ...r.account, id, passwordHash: null, totpSecret: null })
    if (r.account.team) await tx.query('UPDATE users SET team = $2 WHERE id = $1', [id, r.account.team])
    await audit('CreateUser', 'UserCreated', {
      userId: id,
      email: r.account.email,
      roles: r.account.roles,
      controllerIds: r.account.controllerIds,
    })
    await issueSetPasswordLink(tx, deps, { id, email: r.account.email, name: r.account.name }, true)
    return
  }
  const target = await findUserById(tx, r.targetUserId)
  if (!target) throw new DomainError('not-found', `no user ${r.targetUserId}`)
  await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [target.id])
  switch (r.kind) {
    case 'grant-access': {
      if (!sameSet(target.roles, r.before.roles) || !sameSet(target.controllerIds, r.before.controllerIds))
        throw moved()
      await tx.query('UPDATE users SET roles = $2, controller_ids = $3 WHERE id = $1', [
        target.id,
        r.after.roles,
        r.after.controllerIds,
      ])
      await audit('UpdateUser', 'UserUpdated', { userId: target.id, before: r.before, after: r.after })
      return
    }
    case 'reset-password': {
      // The old password stops working now; nobody but the person ever learns the new one.
      await tx.query('UPDATE users SET password_hash = NULL, must_change_password = false WHERE id = $1', [target.id])
      await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [target.id])
      await unblockAccount(tx, target.email)
      await audit('ResetPassword', 'PasswordReset', { userId: target.id })
      await issueSetPasswordLink(tx, deps, target, false)
      return
    }
    case 'reset-two-factor': {
      await tx.query(
        `UPDATE users SET totp_secret = NULL, totp_last_step = NULL, totp_recovery_codes = '{}'::text[] WHERE id = $1`,
        [target.id],
      )
      await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [target.id])
      await audit('ResetTwoFactor', 'TwoFactorReset', { userId: target.id })
      return
    }
  }
}
