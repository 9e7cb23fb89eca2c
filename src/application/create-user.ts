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

/** Creates a staff account. Passwords are stored only as argon2id hashes (@node-rs/argon2's default). */
export async function createUser(deps: AppDeps, actor: Actor, input: NewUser): Promise<{ id: string }> {
  requirePermission(actor, 'user:admin')
  const fields: Record<string, string> = {}
  if (!EMAIL.test(input.email)) fields.email = 'Enter an email address like name@example.org'
  if (input.name.trim() === '') fields.name = 'Enter the person’s name'
  if (input.roles.length === 0 || input.roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    fields.roles = `Choose at least one role from: ${ROLES.join(', ')}`
  }
  if (input.password.length < 12) fields.password = 'Use a password of at least 12 characters'
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
