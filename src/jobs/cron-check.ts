import { createRequire } from 'node:module'

/**
 * pg-boss decides once a minute whether each schedule is due by asking cron-parser for the schedule's previous time
 * and checking it is under a minute ago. For a daily schedule in Europe/London that walks back up to a day, shifting
 * time zones at every step: 40–75 ms a schedule, six schedules, every minute and once at start, on the thread that
 * serves pages. The same question, "does it fire in the minute we are in?", is one step forward from just before
 * the minute with the end of the minute as a limit. Same answer; see cron-check.test.ts.
 */
interface CronParser {
  parseExpression(
    cron: string,
    options: { tz?: string; currentDate?: Date; endDate?: Date },
  ): { hasNext(): boolean; prev(): { getTime(): number } }
}
interface TimekeeperPrototype {
  shouldSendIt(cron: string, tz: string): boolean
  clockSkew?: number
}

// pg-boss's own copies, whatever the rest of node_modules holds.
const fromPgBoss = createRequire(createRequire(import.meta.url).resolve('pg-boss'))
const cronParser = fromPgBoss('cron-parser') as CronParser

/** Whether `cron` (in time zone `tz`) fires during the minute that contains `now`. */
export function firesInMinute(cron: string, tz: string, now: number): boolean {
  const minute = Math.floor(now / 60_000) * 60_000
  return cronParser
    .parseExpression(cron, { tz, currentDate: new Date(minute - 1), endDate: new Date(minute + 59_999) })
    .hasNext()
}

/** pg-boss's own test, for comparison: the previous firing was less than a minute before `now`. */
export function firedUnderAMinuteAgo(cron: string, tz: string, now: number): boolean {
  const prev = cronParser.parseExpression(cron, { tz, currentDate: new Date(now) }).prev()
  return (now - prev.getTime()) / 1000 < 60
}

let installed = false

/** Makes every pg-boss in this process use `firesInMinute` for its schedules. */
export function useQuickCronCheck(): void {
  if (installed) return
  installed = true
  const Timekeeper = fromPgBoss('./timekeeper.js') as { prototype: TimekeeperPrototype }
  Timekeeper.prototype.shouldSendIt = function shouldSendIt(this: TimekeeperPrototype, cron: string, tz: string) {
    return firesInMinute(cron, tz, Date.now() + (this.clockSkew ?? 0))
  }
}
