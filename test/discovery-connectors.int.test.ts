import fs from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import {
  approveErasurePlan,
  draftErasurePlan,
  executeErasurePlan,
  exportToCase,
} from '../src/application/discovery/connectors.js'
import { hitsOf } from '../src/application/discovery/hits.js'
import { runDiscovery } from '../src/application/discovery/search.js'
import { registerSource } from '../src/application/discovery/sources.js'
import { logStaffRequest } from '../src/application/casework/log-staff-request.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { indexNow } from './support/discovery.js'

// The machine's own servers (CI has both): PostgreSQL 127.0.0.1:5432 (postgres, trust), MariaDB 127.0.0.1:3306 (root).
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'
const tag = randomBytes(4).toString('hex')
const pgDb = `rd_crm_${tag}`
const pgUrl = PG_ADMIN.replace(/\/[^/]*$/, `/${pgDb}`)

const SUBJECT = { names: ['James Morgan'], emails: ['james.morgan@home.example'], phones: ['07700 900123'] }

function crm(prefix: string, auto: string, date: string) {
  return [
    `CREATE TABLE ${prefix}people (id ${auto} PRIMARY KEY, full_name VARCHAR(100) NOT NULL, email VARCHAR(100), phone VARCHAR(30), dob ${date}, notes VARCHAR(200))`,
    `CREATE TABLE ${prefix}contacts (id ${auto} PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES ${prefix}people(id), channel VARCHAR(20) NOT NULL, summary VARCHAR(200) NOT NULL)`,
    `INSERT INTO ${prefix}people (full_name, email, phone, dob, notes) VALUES
      ('James Morgan', 'James.Morgan@home.example', '+44 7700 900123', '1980-03-12', 'Called about a noise complaint'),
      ('Sam Price', 'sam@else.example', '07700 900999', '1975-01-01', 'Neighbour'),
      ('Jim Morgan', NULL, '07700900123', '1980-03-12', 'Same person, second record')`,
    `INSERT INTO ${prefix}contacts (person_id, channel, summary) VALUES (1, 'phone', 'Reported noise'), (2, 'email', 'Asked about Morgan'), (3, 'letter', 'Follow-up')`,
  ]
}

function dataMap(prefix: string, strategy: 'hash' | 'null') {
  return JSON.stringify({
    tables: [
      {
        table: `${prefix}people`,
        primaryKey: 'id',
        label: 'People',
        columns: { full_name: 'name', email: 'email', phone: 'phone', dob: 'dob', notes: 'text' },
        erasure: { strategy, columns: strategy === 'hash' ? ['full_name', 'email'] : ['full_name'] },
      },
      {
        table: `${prefix}contacts`,
        primaryKey: 'id',
        columns: { summary: 'text' },
        link: { column: 'person_id', table: `${prefix}people` },
        erasure: { strategy: 'delete' },
      },
    ],
  })
}

let h: Harness
let admin: Actor
let dp: Actor
let reviewer: Actor
let caseId: string
let mysqlUp = true

beforeAll(async () => {
  const adminPg = new pg.Client({ connectionString: PG_ADMIN })
  await adminPg.connect()
  await adminPg.query(`CREATE DATABASE ${pgDb}`)
  await adminPg.end()
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  for (const sql of crm('', 'SERIAL', 'DATE')) await c.query(sql)
  await c.end()
  try {
    const m = await mysql.createConnection({ uri: MYSQL_URL })
    for (const sql of crm(`t${tag}_`, 'INTEGER AUTO_INCREMENT', 'DATE')) await m.query(sql)
    await m.end()
  } catch (err) {
    mysqlUp = false
    if (process.env.CI === 'true') throw err
    process.stderr.write(`discovery-connectors: no MariaDB at ${MYSQL_URL}: MySQL tests skipped\n`)
  }
  h = await startHarness()
  admin = await actorFor(h, 'admin')
  dp = await actorFor(h, 'dp-manager')
  reviewer = await actorFor(h, 'reviewer')
  caseId = (await logStaffRequest(h.deps, await actorFor(h, 'correspondence'), NEW_REQUEST, null)).state.id
}, 300_000)

afterAll(async () => {
  await h?.close()
  const adminPg = new pg.Client({ connectionString: PG_ADMIN })
  await adminPg.connect()
  await adminPg.query(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`)
  await adminPg.end()
  if (mysqlUp) {
    const m = await mysql.createConnection({ uri: MYSQL_URL })
    await m.query(`DROP TABLE IF EXISTS t${tag}_contacts, t${tag}_people`)
    await m.end()
  }
})

for (const dialect of ['postgres', 'mysql'] as const) {
  describe(`a ${dialect} system through its data map (issue 16)`, () => {
    const prefix = dialect === 'postgres' ? '' : `t${tag}_`
    const url = dialect === 'postgres' ? pgUrl : MYSQL_URL
    let sourceId: string

    it('is indexed read-only and searched like any other source', async (ctx) => {
      if (!mysqlUp && dialect === 'mysql') return ctx.skip()
      const s = await registerSource(h.deps, admin, {
        controllerId: 'northshire-opcc',
        kind: dialect,
        name: `CRM (${dialect})`,
        location: `${dialect} CRM`,
        ownerId: dp.id,
        retentionNote: 'Six years after last contact',
        connection: url,
        dataMap: dataMap(prefix, dialect === 'postgres' ? 'hash' : 'null'),
      })
      sourceId = s.id
      expect(await indexNow(h.deps, admin, s.id)).toMatchObject({ status: 'done', itemsAdded: 6 })
      const runId = await runDiscovery(h.deps, dp, caseId, { subject: SUBJECT, sourceIds: [s.id], scopeNote: '' })
      const hits = await hitsOf(h.db.pool, runId)
      expect(hits.map((x) => x.title).sort()).toEqual(['People 1', 'People 3'])
    })

    it('exports the subject’s rows, linked rows included, as JSON and CSV on the case', async (ctx) => {
      if (!mysqlUp && dialect === 'mysql') return ctx.skip()
      const counts = await exportToCase(h.deps, dp, caseId, sourceId, SUBJECT)
      expect(counts).toEqual({ [`${prefix}people`]: 2, [`${prefix}contacts`]: 2 })
      const docs = await h.db.pool.query<{ filename: string }>(
        `SELECT filename FROM documents WHERE case_id = $1 AND filename LIKE $2 ORDER BY filename`,
        [caseId, `crm-${dialect}%`],
      )
      expect(docs.rows.map((d) => d.filename)).toEqual([
        `crm-${dialect}-${prefix}contacts.csv`,
        `crm-${dialect}-${prefix}people.csv`,
        `crm-${dialect}.json`,
      ])
    })

    it('erases only after a second person approves, in one transaction, with a dry run and a log first', async (ctx) => {
      if (!mysqlUp && dialect === 'mysql') return ctx.skip()
      const plan = await draftErasurePlan(h.deps, dp, caseId, sourceId, SUBJECT)
      expect(plan.dryRun!.map((t) => [t.table, t.strategy, t.rows])).toEqual([
        [`${prefix}people`, dialect === 'postgres' ? 'hash' : 'null', 2],
        [`${prefix}contacts`, 'delete', 2],
      ])
      if (dialect === 'mysql') {
        // full_name is NOT NULL: the dry run says so and the plan cannot be approved.
        expect(plan.dryRun![0]!.problems).toEqual(['column full_name cannot be empty (NOT NULL)'])
        await expect(approveErasurePlan(h.deps, reviewer, plan.id)).rejects.toMatchObject({ code: 'conflict' })
        return
      }
      await expect(executeErasurePlan(h.deps, dp, plan.id)).rejects.toMatchObject({ code: 'conflict' })
      await expect(approveErasurePlan(h.deps, dp, plan.id)).rejects.toMatchObject({ code: 'not-permitted' })
      await approveErasurePlan(h.deps, reviewer, plan.id)
      const log = await executeErasurePlan(h.deps, dp, plan.id)
      expect(log).toEqual([
        { table: 'people', action: 'hash', columns: ['full_name', 'email'], keys: ['1', '3'], rows: 2 },
        { table: 'contacts', action: 'delete', columns: [], keys: ['1', '3'], rows: 2 },
      ])
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      const people = await c.query('SELECT id, full_name, email FROM people ORDER BY id')
      const contacts = await c.query('SELECT id FROM contacts ORDER BY id')
      await c.end()
      expect(people.rows[1]).toEqual({ id: 2, full_name: 'Sam Price', email: 'sam@else.example' })
      expect(people.rows[0].full_name).toMatch(/^[0-9a-f]{64}$/)
      expect(people.rows[0].full_name).not.toBe(people.rows[2].full_name)
      expect(contacts.rows).toEqual([{ id: 2 }])
    })
  })
}
void fs
