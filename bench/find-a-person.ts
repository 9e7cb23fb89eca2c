/**
 * The staff pages at 10,000 cases on the embedded database (issue 14): the staff home (the case list with its work
 * queues), the whole case list, and "find a person" by email, phone and date of birth. The built product runs as a
 * real process on a fresh data directory with the demo. The demo's cases (every state, both organisations) are then
 * copied in SQL, each copy a different person (names that repeat, each person's own email, phone, postcode and date
 * of birth) received up to two years earlier, until there are 10,000; the search columns and indexes are PostgreSQL's
 * own (generated columns), so they are what a real intake would have left. Logging 10,000 through the API takes
 * 40 s on an idle machine but half an hour on a shared, busy one, and the pages are what is measured here. A signed-in
 * correspondence officer then asks for each page RUNS times, one at a time; the p50 and p95 of each are printed.
 * Asserts nothing. Target: p95 well under 300 ms.
 *
 *   npm run build && nice -n 15 npx tsx bench/find-a-person.ts      (BENCH_CASES=2000 for a quick look)
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { personQuery } from '../src/application/casework/person-keys.js'
import { startEmbeddedPostgres } from '../src/persistence/embedded.js'
import { findMatchRows, personSearchCondition } from '../src/persistence/repositories/person-search-sql.js'
import {
  makeDataDir,
  startRightsdesk,
  stopAllRightsdesk,
  stopOrphanedPostgres,
} from '../test/support/rightsdesk-process.js'

const CASES = Number(process.env.BENCH_CASES ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 60)
const OFFICER = 'correspondence@demo.rightsdesk.example'
const PASSWORD = 'Rightsdesk-demo-2026'
const FIRST = ['Aisha', 'Bronwen', 'Callum', 'Deepa', 'Eamon', 'Fiona', 'Gareth', 'Hana', 'Ifor', 'Jasmine', 'Kofi']
const LAST = ['Adeyemi', 'Bellamy', 'Carrick', 'Dunmore', 'Ellwood', 'Fairbairn', 'Gillespie', 'Hartnell', 'Iqbal']

/** Person n of the load, as the SQL below makes them: names repeat (as they do), identifiers are each person's own. */
function person(n: number) {
  return {
    name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}-${n}`,
    email: `person.${n}@mail.example`,
    phone: `07700 ${900000 + n}`,
    dateOfBirth: `${1940 + (n % 60)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
  }
}

/** Copies of the demo's cases until there are `total`, copy n being person n (above), received n % 700 days earlier. */
const COPY_CASES = `
  WITH demo AS (SELECT *, row_number() OVER (ORDER BY reference) - 1 AS k, count(*) OVER () AS size FROM cases),
  copies AS (
    SELECT d.*, g AS n, gen_random_uuid() AS new_id, d.reference || '-B' || g AS new_reference,
      jsonb_build_object(
        'name', ($2::text[])[g % array_length($2, 1) + 1] || ' ' || ($3::text[])[(g / array_length($2, 1)) % array_length($3, 1) + 1] || '-' || g,
        'email', 'person.' || g || '@mail.example',
        'phone', '07700 ' || (900000 + g),
        'address', jsonb_build_object('lines', jsonb_build_array((g % 200 + 1) || ' High Street'),
          'postcode', 'NS' || (g % 9 + 1) || ' ' || (g % 10) || 'AB'),
        'dateOfBirth', to_char(make_date(1940 + g % 60, g % 12 + 1, g % 28 + 1), 'YYYY-MM-DD')) AS subject
    FROM generate_series(0, $1::int - 1) AS g JOIN demo d ON d.k = g % d.size
  )
  INSERT INTO cases (id, reference, controller_id, case_type, "right", status, received_on, due_on, assignee_id,
    requester_name, requester_email, parent_case_id, version, state)
  SELECT new_id, new_reference, controller_id, case_type, "right", status, received_on - (n % 700), due_on - (n % 700),
    assignee_id, subject->>'name', subject->>'email', NULL, version,
    state || jsonb_build_object('id', new_id, 'reference', new_reference, 'subject', subject, 'links', '[]'::jsonb)
  FROM copies`

const dmy = (iso: string) => iso.split('-').reverse().map(Number).join('/')
const reversed = (name: string) => name.split(' ').reverse().join(' ')

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN

/** A browser's worth of sign-in: the session cookie from the real sign-in form. */
async function signIn(baseUrl: string): Promise<string> {
  const form = await fetch(`${baseUrl}/staff/sign-in`)
  const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0])
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const res = await fetch(`${baseUrl}/staff/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email: OFFICER, password: PASSWORD }).toString(),
  })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0])
  return [...cookies, ...session].join('; ')
}

async function measure(baseUrl: string, cookie: string, url: string, expect: string) {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const res = await fetch(`${baseUrl}${url}`, { headers: { cookie } })
    const body = await res.text()
    times.push(performance.now() - started)
    if (res.status !== 200 || !body.includes(expect)) throw new Error(`${url}: ${res.status}, no "${expect}"`)
  }
  const sorted = times.sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }
}

/** The searches a search officer makes, as typed. */
function searches(p: ReturnType<typeof person>): [string, string][] {
  return [
    ['email', p.email],
    ['phone (+44 form)', p.phone.replace(/^0/, '+44 ')],
    ['date of birth (d/m/yyyy)', dmy(p.dateOfBirth)],
    ['name (words in another order)', reversed(p.name)],
  ]
}

/** Each search's SQL (the case list's condition) and the intake match query, timed in PostgreSQL alone. */
async function sqlTimings(db: pg.Pool, p: ReturnType<typeof person>): Promise<string[]> {
  const both = ['northshire-opcc', 'northshire-police']
  const rows: string[] = []
  const time = async (what: string, run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      await run()
      times.push(performance.now() - started)
    }
    const sorted = times.sort((a, b) => a - b)
    rows.push(`| ${what} | ${percentile(sorted, 50).toFixed(2)} ms | ${percentile(sorted, 95).toFixed(2)} ms |`)
  }
  for (const [what, q] of searches(p)) {
    const values: unknown[] = [both]
    const where = personSearchCondition(personQuery(q), (v) => `$${values.push(v)}`)
    const sql = `SELECT id FROM cases WHERE controller_id = ANY($1) AND ${where} ORDER BY due_on LIMIT 50`
    await time(`search by ${what}`, () => db.query(sql, values))
  }
  const probe = {
    caseId: '00000000-0000-4000-8000-000000000000',
    controllerIds: both,
    emailKey: `email:${p.email}`,
    phoneKey: `phone:${p.phone.replace(/^0/, '+44').replace(/\s/g, '')}`,
    dobKey: `dob:${p.dateOfBirth}`,
    name: p.name.toLowerCase(),
    right: 'access',
    description: 'my records about the incident',
    recentFrom: '2024-01-01',
    recentTo: '2027-01-01',
    exclude: [],
  }
  await time('intake: possible earlier requests of one person', () => findMatchRows(db, probe))
  return rows
}

async function main() {
  const dataDir = await makeDataDir('rightsdesk-bench-find-')
  try {
    const first = await startRightsdesk({ dataDir, demo: true })
    await first.stop()
    const started = performance.now()
    const server = await startEmbeddedPostgres({ dataDir, log: () => undefined })
    const db = new pg.Pool({ connectionString: server.url, max: 1 })
    const demo = Number((await db.query('SELECT count(*) AS n FROM cases')).rows[0].n)
    await db.query(COPY_CASES, [CASES - demo, FIRST, LAST])
    await db.query('ANALYZE cases')
    const loadSeconds = (performance.now() - started) / 1000
    const sqlRows = await sqlTimings(db, person(Math.floor(CASES / 2) + 321))
    console.log(`\n| the query alone (${RUNS} runs each, PostgreSQL only, 10,000 cases) | p50 | p95 |\n|---|---:|---:|`)
    for (const row of sqlRows) console.log(row)
    await db.end()
    await server.stop()
    const app = await startRightsdesk({ dataDir })
    const cookie = await signIn(app.baseUrl)
    const probe = person(Math.floor(CASES / 2) + 321)
    const find = (q: string) => `/staff/cases?show=all&search=${encodeURIComponent(q)}`
    const pages: [string, string, string][] = [
      ['staff home (case list with work queues)', '/staff/cases', 'Cases'],
      ['case list, open and finished, all organisations', '/staff/cases?show=all', 'Cases'],
      ['work queue: due in 5 working days', '/staff/cases?queue=due-soon', 'Cases'],
      ...searches(probe).map(([what, q]): [string, string, string] => [`find by ${what}`, find(q), probe.name]),
    ]
    console.log(
      `\n${CASES} cases (${CASES - demo} of them copies made in SQL in ${loadSeconds.toFixed(0)} s); load ${os.loadavg()[0]?.toFixed(2)}`,
    )
    console.log(`\n| page (${RUNS} requests each, one at a time) | p50 | p95 |\n|---|---:|---:|`)
    for (const [what, url, expect] of pages) {
      const { p50, p95 } = await measure(app.baseUrl, cookie, url, expect)
      console.log(`| ${what} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms |`)
    }
    console.log(
      `\nload average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    await app.stop()
  } finally {
    await stopAllRightsdesk()
    await stopOrphanedPostgres(dataDir)
  }
}

await main()
