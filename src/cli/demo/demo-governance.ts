import { randomUUID } from 'node:crypto'
import { DEFAULT_TRAINING_TYPES, addDays, generatePrivacyNotice } from '../../domain/index.js'
import type { Controller } from '../../domain/index.js'
import { saveTrainingTypeIn } from '../../application/governance/training.js'
import { DEFAULT_REGULATOR } from '../../application/portal/regulator.js'
import type { Tx } from '../../persistence/db.js'
import { DEMO_REGISTER } from './demo-register.js'

/**
 * Register, published privacy notices, training records and consents for the demo office, written
 * directly in the seed's transaction (the use cases open their own transactions).
 */
export async function seedGovernanceIn(
  tx: Tx,
  controllers: readonly Controller[],
  users: { id: string; name: string; email: string }[],
  today: string,
) {
  const at = new Date(`${addDays(today, -200)}T09:00:00Z`)
  for (const c of controllers) {
    const activities = (DEMO_REGISTER[c.id] ?? []).map((a, i) => ({
      ...a,
      id: randomUUID(),
      controllerId: c.id,
      position: i + 1,
    }))
    for (const { id, controllerId, name, position, ...details } of activities) {
      await tx.query(
        'INSERT INTO processing_activities (id, controller_id, name, details, position, updated_by) VALUES ($1,$2,$3,$4,$5,$6)',
        [id, controllerId, name, JSON.stringify(details), position, 'demo'],
      )
    }
    const dpo = { name: 'Data Protection Officer', email: c.contact.email, postalAddress: [...c.contact.postalAddress] }
    const regulator = {
      name: DEFAULT_REGULATOR.name,
      website: DEFAULT_REGULATOR.complaintUrl,
      helpline: DEFAULT_REGULATOR.helpline,
    }
    const content = generatePrivacyNotice(c.name, activities, dpo, regulator)
    await tx.query(
      'INSERT INTO privacy_notice_versions (id, controller_id, version, content, change_summary, published_by, published_at) VALUES ($1,$2,1,$3,$4,$5,$6)',
      [
        randomUUID(),
        c.id,
        JSON.stringify(content),
        'First notice generated from the register of processing',
        'demo',
        at,
      ],
    )
  }
  for (const t of DEFAULT_TRAINING_TYPES) await saveTrainingTypeIn(tx, t)
  const people = [
    ...users.map((u, i) => ({
      name: u.name,
      email: u.email,
      kind: 'staff',
      userId: u.id,
      startedOn: addDays(today, -400 - i * 30),
    })),
    {
      name: 'Ruth Okoye',
      email: 'ruth.okoye@volunteer.example',
      kind: 'volunteer',
      userId: null,
      startedOn: addDays(today, -300),
    },
    { name: 'Dev Sharma', email: null, kind: 'volunteer', userId: null, startedOn: addDays(today, -3) },
  ]
  for (const [i, p] of people.entries()) {
    const id = randomUUID()
    await tx.query(
      'INSERT INTO training_people (id, name, email, kind, user_id, started_on) VALUES ($1,$2,$3,$4,$5,$6)',
      [id, p.name, p.email, p.kind, p.userId, p.startedOn],
    )
    if (p.startedOn > addDays(today, -30)) continue // a new starter: training due now
    // Most are up to date; every third is overdue on the annual face-to-face course.
    const f2f = i % 3 === 2 ? addDays(today, -380) : addDays(today, -100 - i * 20)
    await tx.query(
      'INSERT INTO training_completions (id, person_id, type_id, completed_on, recorded_by) VALUES ($1,$2,$3,$4,$5)',
      [randomUUID(), id, 'dp-face-to-face', f2f, 'demo'],
    )
    if (p.kind === 'staff') {
      await tx.query(
        'INSERT INTO training_completions (id, person_id, type_id, completed_on, recorded_by) VALUES ($1,$2,$3,$4,$5)',
        [randomUUID(), id, 'dp-online-mandatory', addDays(today, -250), 'demo'],
      )
    }
  }
  const consents = [
    {
      c: 'northshire-opcc',
      purpose: 'Newsletter about events and services',
      name: 'Chloe Evans',
      email: 'chloe.evans.3@mail.example',
      given: -320,
      evidence: 'Online sign-up form with unticked box',
    },
    {
      c: 'northshire-opcc',
      purpose: 'Newsletter about events and services',
      name: 'Marcus Bell',
      email: 'marcus.bell@mail.example',
      given: -150,
      evidence: 'Sign-up sheet at a public meeting',
    },
    {
      c: 'northshire-police',
      purpose: 'Referral to the victim and witness hub',
      name: 'Sophie Grant',
      email: 'sophie.grant@mail.example',
      given: -60,
      evidence: 'Recorded verbal consent to the officer, noted on the crime report',
    },
  ]
  for (const x of consents) {
    await tx.query(
      'INSERT INTO consents (id, controller_id, purpose, person_name, email, given_on, evidence, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
      [randomUUID(), x.c, x.purpose, x.name, x.email, addDays(today, x.given), x.evidence, 'demo'],
    )
  }
}
