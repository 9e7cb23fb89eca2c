import { parseArgs, type ParseArgsConfig } from 'node:util'
import {
  CALENDAR_NAMES,
  addWorkingDays,
  computeStatutoryDeadline,
  createCalendar,
  isCalendarName,
  parseLocalDate,
  type CalendarName,
  type ClarificationPause,
  type ClockRestart,
  type LocalDate,
  type StatutoryClockInput,
  type WorkingDayCalendar,
} from '../../domain/clock/index.js'

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

const COMMAND = 'rightsdesk deadline'
/** Far beyond any statutory or policy period; stops a typo from walking the calendar for minutes. */
const MAX_WORKING_DAYS = 10_000

export const DEADLINE_USAGE = `Usage:
  ${COMMAND} --received YYYY-MM-DD [--restart YYYY-MM-DD]... [--pause YYYY-MM-DD..YYYY-MM-DD]...
                      [--extended] [--calendar NAME] [--same-day-pause-excludes-none] [--json]
  ${COMMAND} --received YYYY-MM-DD --working-days N [--calendar NAME] [--json]
  ${COMMAND} --help

Prints the last day to respond (end of that day, Europe/London) alone on the first line.

  --received YYYY-MM-DD    the day the request arrived (Europe/London); it counts as day one
  --restart YYYY-MM-DD     the day identity, authority or an Art 12(5) fee arrived: the month starts again
                           from that day (UK GDPR Art 12A(2)); repeat for each
  --pause START..END       a clarification asked on START and answered on END; both days are excluded
                           (Art 12A(5), access requests only); repeat for each
  --extended               an extension notice was given in time: 3 months from the relevant time (Art 12A(3))
  --calendar NAME          ${CALENDAR_NAMES.join(', ')} (default england-and-wales)
  --same-day-pause-excludes-none
                           a clarification asked and answered on the same day excludes nothing (older ICO
                           reading) instead of one day (literal Art 12A(5))
  --working-days N         instead, the Nth working day after receipt (day 1 is the first working day after it)
  --json                   print one JSON object instead of text
`

/** Input the operator got wrong: reported on one stderr line with exit code 2. */
class UsageError extends Error {}

/**
 * \`rightsdesk deadline\`: the statutory deadline of a request (uk-rules.md §1.3) or a working-day date (§2).
 * `argv` is the arguments after `deadline`. Never exits the process; the CLI wrapper prints and exits.
 */
export function runDeadlineCommand(argv: string[]): CommandResult {
  try {
    return run(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return { stdout: '', stderr: `${COMMAND}: ${oneLine(error.message)}\n`, exitCode: 2 }
  }
}

const OPTIONS = {
  received: { type: 'string' },
  restart: { type: 'string', multiple: true },
  pause: { type: 'string', multiple: true },
  extended: { type: 'boolean' },
  json: { type: 'boolean' },
  calendar: { type: 'string' },
  'same-day-pause-excludes-none': { type: 'boolean' },
  'working-days': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/** Which provisions the explanation cites: the saved pre-DUAA rules have no statutory pause or relevant time. */
const CITES = {
  ART12A: {
    relevantTime: 'Art 12A(2)',
    extended: 'Art 12A(3)',
    pause: 'Art 12A(5)',
    notice: 'Art 12A(4)',
    regime: 'ART12A (received on or after 5 February 2026)',
  },
  PRE_DUAA: {
    relevantTime: 'ICO guidance on the old Art 12(3)',
    extended: 'old Art 12(3)',
    pause: "ICO's non-statutory stop-the-clock",
    notice: 'old Art 12(3)',
    regime: 'PRE_DUAA (received before 5 February 2026: old Art 12(3) and DPA s.54 saved by SI 2026/82 reg 4)',
  },
} as const

type Values = ReturnType<typeof parse>

function run(argv: string[]): CommandResult {
  const values = parse(argv)
  if (values.help) return { stdout: DEADLINE_USAGE, stderr: '', exitCode: 0 }
  if (values.received === undefined) throw new UsageError('--received YYYY-MM-DD is required (see --help)')
  const received = dateOption('--received', values.received)
  const calendar = createCalendar(calendarOption(values.calendar ?? 'england-and-wales'))
  if (values['working-days'] !== undefined) return workingDays(values, received, calendar)
  return statutoryDeadline(values, received, calendar)
}

function parse(argv: string[]) {
  const { values, tokens } = parseStrict(argv)
  for (const name of ['received', 'calendar', 'working-days'] as const) {
    // parseArgs keeps the last of a repeated single-valued option; a silent choice of date is worse than an error.
    const count = tokens.filter((t) => t.kind === 'option' && t.name === name).length
    if (count > 1) throw new UsageError(`--${name} may be given only once`)
  }
  return { ...values, restart: values.restart ?? [], pause: values.pause ?? [], extended: values.extended ?? false }
}

function parseStrict(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false, tokens: true })
  } catch (error) {
    // parseArgs explains itself in several sentences; the first names the offending argument.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error)
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1))
  }
}

function workingDays(values: Values, received: LocalDate, calendar: WorkingDayCalendar): CommandResult {
  const mixed = values.extended || values.pause.length > 0 || values.restart.length > 0
  if (mixed || values['same-day-pause-excludes-none'] === true) {
    throw new UsageError('--working-days cannot be combined with --extended, --pause, --restart or a pause setting')
  }
  const raw = values['working-days'] ?? ''
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= 1 && n <= MAX_WORKING_DAYS)) {
    throw new UsageError(`--working-days must be a whole number from 1 to ${MAX_WORKING_DAYS}, got '${raw}'`)
  }
  const due = addWorkingDays(received, n, calendar)
  if (values.json) return ok(JSON.stringify({ due, workingDays: n, received, calendar: calendar.name }))
  return ok(
    [
      due,
      `Working day ${n} after receipt on ${received}: day 1 is the first working day after the day of receipt.`,
      `Calendar: ${calendar.name} (Saturdays, Sundays and bank holidays are not working days).`,
    ].join('\n'),
  )
}

function statutoryDeadline(values: Values, received: LocalDate, calendar: WorkingDayCalendar): CommandResult {
  const input: StatutoryClockInput = {
    receivedOn: received,
    restarts: values.restart.map((raw) => restartOption(raw, received)),
    pauses: values.pause.map((raw) => pauseOption(raw, received)),
    extended: values.extended,
  }
  const settings = { sameDayClarificationExcludesOneDay: !values['same-day-pause-excludes-none'] }
  const result = computeStatutoryDeadline(input, calendar, { settings })
  const { due, noticeDeadline, regime, pausedDays, relevantTime } = result
  if (values.json) {
    const json = { due, noticeDeadline, regime, pausedDays, relevantTime, extended: input.extended }
    return ok(JSON.stringify({ ...json, calendar: calendar.name }))
  }
  const cite = CITES[regime]
  const period = input.extended ? `3 months from it (extended, ${cite.extended})` : '1 month from it'
  return ok(
    [
      due,
      `Relevant time: ${relevantTime} (the latest of receipt and any identity, authority or fee arrival, ${cite.relevantTime}).`,
      `Period: ${period}, plus ${pausedDays} paused day(s) for clarification (${cite.pause}).`,
      `Extension notice deadline: ${noticeDeadline} (${cite.notice}).`,
      `Regime: ${cite.regime}.`,
      `Calendar: ${calendar.name} (a deadline on a weekend or bank holiday moves to the next working day).`,
    ].join('\n'),
  )
}

function restartOption(raw: string, received: LocalDate): ClockRestart {
  const date = dateOption('--restart', raw)
  if (date < received) throw new UsageError(`--restart ${date} is before the request was received (${received})`)
  // Only the arrival date drives the clock (uk-rules §1.3); the kind does not change the arithmetic.
  return { kind: 'identity', requestedOn: date, resolvedOn: date }
}

function pauseOption(raw: string, received: LocalDate): ClarificationPause {
  const match = /^(.*)\.\.(.*)$/.exec(raw)
  if (!match) throw new UsageError(`--pause '${raw}' must be START..END, e.g. 2026-03-04..2026-03-10`)
  const start = dateOption('--pause', match[1] ?? '')
  const end = dateOption('--pause', match[2] ?? '')
  if (end < start) throw new UsageError(`--pause ${raw} ends before it starts`)
  if (start < received) throw new UsageError(`--pause ${raw} starts before the request was received (${received})`)
  return { requestedOn: start, resolvedOn: end }
}

function dateOption(option: string, raw: string): LocalDate {
  try {
    return parseLocalDate(raw)
  } catch (error) {
    throw new UsageError(`${option} ${error instanceof Error ? error.message : String(error)}`)
  }
}

function calendarOption(raw: string): CalendarName {
  if (!isCalendarName(raw)) throw new UsageError(`--calendar '${raw}' is not one of ${CALENDAR_NAMES.join(', ')}`)
  return raw
}

function ok(text: string): CommandResult {
  return { stdout: `${text}\n`, stderr: '', exitCode: 0 }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
