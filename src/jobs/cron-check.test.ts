import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { firedUnderAMinuteAgo, firesInMinute, useQuickCronCheck } from './cron-check.js'

// Rightsdesk's schedules (src/jobs/*.ts, config.ts defaults), all in Europe/London.
const SCHEDULES = ['5 * * * *', '17 3 * * *', '10 7 * * *', '* * * * *', '0 * * * *', '0 6 * * *']
// An ordinary day, the day clocks go forward (01:00 GMT → 02:00 BST) and the day they go back, 2026.
const DAYS = ['2026-06-10', '2026-03-29', '2026-10-25']
const TIMES = ['00:59:59', '01:00:30', '01:05:00', '01:05:40', '02:05:10', '03:16:59', '03:17:01', '03:18:00']
const MORE = ['05:59:30', '06:00:00', '06:00:59', '07:10:20', '07:11:00', '12:04:59', '12:05:30', '23:59:59']

describe('the check of whether a schedule is due', () => {
  it('answers as pg-boss would, for every schedule, across both clock changes (UTC instants)', () => {
    for (const day of DAYS)
      for (const time of [...TIMES, ...MORE]) {
        const now = Date.parse(`${day}T${time}.250Z`)
        for (const cron of SCHEDULES)
          expect([cron, day, time, firesInMinute(cron, 'Europe/London', now)]).toEqual([
            cron,
            day,
            time,
            firedUnderAMinuteAgo(cron, 'Europe/London', now),
          ])
      }
  }, 120_000) // pg-boss's own check is the slow one being replaced: up to 75 ms a call

  it('a daily 07:10 job is due at 07:10 London time in summer, which is 06:10 UTC', () => {
    expect(firesInMinute('10 7 * * *', 'Europe/London', Date.parse('2026-06-10T06:10:45Z'))).toBe(true)
    expect(firesInMinute('10 7 * * *', 'Europe/London', Date.parse('2026-06-10T07:10:45Z'))).toBe(false)
  })

  it('is the check every pg-boss in the process uses once installed', () => {
    useQuickCronCheck()
    const fromPgBoss = createRequire(createRequire(import.meta.url).resolve('pg-boss'))
    const Timekeeper = fromPgBoss('./timekeeper.js') as {
      prototype: { shouldSendIt: (this: { clockSkew: number }, cron: string, tz: string) => boolean }
    }
    const now = Date.now()
    const due = Timekeeper.prototype.shouldSendIt.call({ clockSkew: 0 }, '* * * * *', 'Europe/London')
    expect(due).toBe(true)
    expect(Timekeeper.prototype.shouldSendIt.call({ clockSkew: 0 }, '0 0 1 1 *', 'UTC')).toBe(
      firesInMinute('0 0 1 1 *', 'UTC', now),
    )
  })
})
