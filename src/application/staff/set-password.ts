import { createHash, randomBytes } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { renderEmail } from '../../notifications/letters.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { passwordProblem } from './password-policy.js'
import { unblockAccount } from './throttle.js'

/** A set-password link works for a day (long enough to read the email next morning, short enough to go stale). */
export const SET_PASSWORD_LINK_HOURS = 24

export const SET_PASSWORD_TOKEN = /^[A-Za-z0-9_-]{43}$/
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Emails a person a one-time link to choose their own password (after an approved reset, or for a new account), in
 * the caller's transaction. Nobody else ever sees a password: only the token's SHA-256 is stored, and the email is
 * marked secret so the outbox view hides it from administrators. An earlier unused link stops working.
 */
export async function issueSetPasswordLink(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock' | 'jobs' | 'baseUrl'>,
  user: { id: string; email: string; name: string },
  newAccount: boolean,
): Promise<void> {
  const now = deps.clock.now()
  const token = randomBytes(32).toString('base64url')
  await tx.query('UPDATE password_set_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, now])
  await tx.query(
    'INSERT INTO password_set_tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), user.id, now, new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000)],
  )
  const mail = renderEmail('set-password', {
    name: user.name,
    newAccount,
    link: `${deps.baseUrl}/staff/set-password/${token}`,
  })
  const job: EmailJob = { to: [user.email], subject: mail.subject, text: mail.body, secret: 'set-password-link' }
  await deps.jobs.enqueue(tx, 'email-send', job)
}

/** The account a link is for, while it is unused and in date. */
export async function accountForSetPasswordLink(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ userId: string; email: string; name: string } | null> {
  if (!SET_PASSWORD_TOKEN.test(token)) return null
  const r = await db.query<{ user_id: string; email: string; name: string }>(
    `SELECT t.user_id, u.email, u.name FROM password_set_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND NOT u.disabled`,
    [hashToken(token), now],
  )
  const row = r.rows[0]
  return row ? { userId: row.user_id, email: row.email, name: row.name } : null
}

/** Sets the password from a link: checked against the policy, the link used up, every session of theirs ended. */
export async function setPasswordWithLink(
  deps: AppDeps,
  token: string,
  input: { next: string; confirm: string },
): Promise<{ userId: string }> {
  const account = await accountForSetPasswordLink(deps.pool, token, deps.clock.now())
  if (!account) throw new DomainError('not-found', 'set-password link unknown, used or expired')
  const weak = passwordProblem(input.next, account.email)
  const fields: Record<string, string> = {}
  if (weak) fields.next = weak
  else if (input.next !== input.confirm) fields.confirm = 'The two passwords are not the same'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'password not set', { fields })
  const passwordHash = await hash(input.next)
  await withTransaction(deps.pool, async (tx) => {
    const used = await tx.query(
      'UPDATE password_set_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [hashToken(token), deps.clock.now()],
    )
    if (used.rowCount !== 1) throw new DomainError('not-found', 'set-password link used meanwhile')
    await tx.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [
      account.userId,
      passwordHash,
    ])
    await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [account.userId])
    await unblockAccount(tx, account.email)
    await recordAudit(tx, deps, `user:${account.userId}`, {
      command: 'SetPassword',
      eventType: 'PasswordSetFromLink',
      payload: { userId: account.userId },
    })
  })
  return { userId: account.userId }
}
