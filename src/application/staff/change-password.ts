import { hash, verify } from '@node-rs/argon2'
import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { passwordProblem } from './password-policy.js'

/** A person sets their own password: after an administrator's reset, or whenever they choose. */
export async function changePassword(
  deps: AppDeps,
  userId: string,
  input: { current: string; next: string; confirm: string },
): Promise<void> {
  const user = await findUserById(deps.pool, userId)
  if (!user?.passwordHash) throw new DomainError('not-found', `no user ${userId}`)
  const fields: Record<string, string> = {}
  if (!(await verify(user.passwordHash, input.current).catch(() => false)))
    fields.current = 'Your current password is not right'
  const weak = passwordProblem(input.next, user.email)
  if (weak) fields.next = weak
  else if (input.next !== input.confirm) fields.confirm = 'The two new passwords are not the same'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'password not changed', { fields })
  const passwordHash = await hash(input.next)
  await withTransaction(deps.pool, async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [
      userId,
      passwordHash,
    ])
    // Anyone else signed in as this person (a stolen session, a forgotten browser) is signed out.
    await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])
    await recordAudit(tx, deps, `user:${userId}`, {
      command: 'ChangePassword',
      eventType: 'PasswordChanged',
      payload: { userId },
    })
  })
}
