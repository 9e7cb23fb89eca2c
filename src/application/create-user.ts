import { randomUUID } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import { DomainError, ROLES } from '../domain/index.js'
import type { Role } from '../domain/index.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { findController } from '../persistence/repositories/controller-repository.js'
import { findUserByEmail, insertUser } from '../persistence/repositories/user-repository.js'
import { auditActorId, type Actor } from './actor.js'
import { requirePermission } from './authorise.js'
import type { AppDeps } from './deps.js'
import { isCommonPassword, MIN_PASSWORD_LENGTH } from './staff/password-policy.js'

export interface NewUser {
  email: string
  name: string
  roles: Role[]
  controllerIds: string[]
  password: string
  /** A team search tasks can be sent to. */
  team?: string
  /** An account an administrator created: the person picks their own password at first sign-in. */
  mustChangePassword?: boolean
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Creates a staff account for an operator (`rightsdesk create-user`) or the demo seed. Passwords are stored only as
 * argon2id hashes (@node-rs/argon2's default). A person never creates accounts directly: an administrator proposes
 * one and a second approves it (admin-changes/), and the new colleague chooses their own password from a link.
 */
export async function createUser(deps: AppDeps, actor: Actor, input: NewUser): Promise<{ id: string }> {
  requirePermission(actor, 'user:admin')
  if (actor.kind === 'user')
    throw new DomainError('not-permitted', 'an account is added by one administrator and approved by another')
  const fields: Record<string, string> = {}
  if (!EMAIL.test(input.email)) fields.email = 'Enter an email address like name@example.org'
  if (input.name.trim() === '') fields.name = 'Enter the person’s name'
  if (input.roles.length === 0 || input.roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    fields.roles = `Choose at least one role from: ${ROLES.join(', ')}`
  }
  if (input.password.length < MIN_PASSWORD_LENGTH)
    fields.password = `Use a password of at least ${MIN_PASSWORD_LENGTH} characters`
  else if (isCommonPassword(input.password)) fields.password = 'This password is too common and easy to guess'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid user', { fields })
  const passwordHash = await hash(input.password)
  return withTransaction(deps.pool, async (tx) => {
    for (const c of input.controllerIds) {
      if (!(await findController(tx, c))) {
        throw new DomainError('validation', `unknown controller ${c}`, {
          fields: { controllerIds: `No controller ${c}` },
        })
      }
    }
    if (await findUserByEmail(tx, input.email)) {
      throw new DomainError('conflict', 'duplicate email', {
        fields: { email: 'A user with this email already exists' },
      })
    }
    const id = randomUUID()
    await insertUser(tx, {
      id,
      email: input.email,
      name: input.name.trim(),
      roles: input.roles,
      controllerIds: input.controllerIds,
      passwordHash,
      totpSecret: null,
    })
    if (input.team?.trim() || input.mustChangePassword) {
      await tx.query('UPDATE users SET team = $2, must_change_password = $3 WHERE id = $1', [
        id,
        input.team?.trim() || null,
        input.mustChangePassword === true,
      ])
    }
    const payload = {
      userId: id,
      email: input.email.toLowerCase(),
      roles: input.roles,
      controllerIds: input.controllerIds,
    }
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'CreateUser',
        eventType: 'UserCreated',
        payload,
      },
    ])
    return { id }
  })
}
