import type { Queryable } from '../../../persistence/db.js'
import { findUserById } from '../../../persistence/repositories/user-repository.js'
import { renderEmail } from '../../../notifications/letters.js'
import type { AppDeps } from '../../deps.js'
import type { EmailJob } from '../../follow-up-jobs.js'
import type { AdminChange, AdminChangeRequest } from './types.js'

const list = (items: readonly string[]) => (items.length ? items.join(', ') : 'none')
const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'long',
  timeStyle: 'short',
})

/** One sentence and a few detail lines saying what a change does, for the admin pages and the DP manager's email. */
export async function describeChange(
  db: Queryable,
  r: AdminChangeRequest,
): Promise<{ summary: string; details: string[] }> {
  const target = 'targetUserId' in r ? await findUserById(db, r.targetUserId) : null
  const who = target ? `${target.name} (${target.email})` : 'an account that no longer exists'
  switch (r.kind) {
    case 'grant-access':
      return {
        summary: `Change the roles and organisations of ${who}`,
        details: [
          `Roles: ${list(r.before.roles)} → ${list(r.after.roles)}`,
          `Organisations: ${list(r.before.controllerIds)} → ${list(r.after.controllerIds)}`,
        ],
      }
    case 'create-user':
      return {
        summary: `Add an account for ${r.account.name} (${r.account.email})`,
        details: [
          `Roles: ${list(r.account.roles)}`,
          `Organisations: ${list(r.account.controllerIds)}`,
          'They will be emailed a link to choose their own password.',
        ],
      }
    case 'reset-password':
      return {
        summary: `Reset the password of ${who}`,
        details: ['Their password stops working and they are emailed a link to choose a new one.'],
      }
    case 'reset-two-factor':
      return {
        summary: `Remove the authenticator app of ${who}`,
        details: ['If their role needs one, they set up a new app at their next sign-in.'],
      }
    case 'security-settings':
      return {
        summary: 'Change which roles must use an authenticator app to sign in',
        details: [`Roles: ${list(r.before.totpRequiredRoles)} → ${list(r.after.totpRequiredRoles)}`],
      }
  }
}

/**
 * Tells the DP managers of every organisation a change touches that it was proposed, approved, rejected or withdrawn
 * (issue 11), in the caller's transaction: the email goes if and only if the step happened.
 */
export async function notifyDataProtectionManagers(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock' | 'jobs'>,
  change: AdminChange,
  outcome: 'proposed' | 'approved' | 'rejected' | 'withdrawn',
  actorId: string,
): Promise<void> {
  const r = await tx.query<{ email: string }>(
    `SELECT email FROM users WHERE NOT disabled AND 'dp-manager' = ANY(roles) AND controller_ids && $1::text[]
     ORDER BY email`,
    [change.controllerIds],
  )
  if (r.rows.length === 0) return
  const names = await tx.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [
    [actorId, change.proposedBy],
  ])
  const nameOf = (id: string) => names.rows.find((u) => u.id === id)?.name ?? 'an administrator'
  const controllers = await tx.query<{ name: string }>(
    'SELECT name FROM controllers WHERE id = ANY($1) ORDER BY name',
    [change.controllerIds],
  )
  const { summary, details } = await describeChange(tx, change.request)
  const mail = renderEmail('admin-change', {
    summary,
    details,
    outcome,
    actorName: nameOf(actorId),
    proposerName: outcome === 'proposed' ? null : nameOf(change.proposedBy),
    when: londonDateTime.format(deps.clock.now()),
    controllers: controllers.rows.map((c) => c.name).join(' and '),
  })
  const job: EmailJob = { to: r.rows.map((row) => row.email), subject: mail.subject, text: mail.body }
  await deps.jobs.enqueue(tx, 'email-send', job)
}
