import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar.js'
import { dayOfWeek } from './local-date.js'
import { computeStatutoryDeadline, extensionAllowed, regimeFor } from './statutory-deadline.js'
import type { ClarificationPause, ClockRestart, LocalDate, StatutoryClockInput } from './types.js'

interface ClockStop {
  type: 'identity' | 'fee' | 'authority' | 'clarification'
  requested: LocalDate
  resolved: LocalDate
}
interface DeadlineVector {
  received: LocalDate
  clockStops: ClockStop[]
  extended: boolean
  expectedDue: LocalDate
  note: string
}

// uk-rules.md §11.4, copied verbatim so the two can be diffed.
// prettier-ignore
const VECTORS: DeadlineVector[] = 
[
  {"received": "2025-09-03", "clockStops": [], "extended": false, "expectedDue": "2025-10-03", "note": "ICO example: received 3 Sept -> due 3 Oct (day of receipt is day 1 / corresponding date)"},
  {"received": "2024-01-01", "clockStops": [], "extended": false, "expectedDue": "2024-02-01", "note": "ICO Dec-2025 example: received 1 Jan (bank holiday) -> period ends end of 1 Feb"},
  {"received": "2024-11-25", "clockStops": [], "extended": false, "expectedDue": "2024-12-27", "note": "ICO Dec-2025 example: Mon 25 Nov -> 25 Dec & 26 Dec bank holidays -> Fri 27 Dec"},
  {"received": "2025-01-31", "clockStops": [], "extended": false, "expectedDue": "2025-02-28", "note": "ICO example: 31 Jan -> 28 Feb (no 31 Feb)"},
  {"received": "2024-01-31", "clockStops": [], "extended": false, "expectedDue": "2024-02-29", "note": "ICO example: 31 Jan in leap year -> 29 Feb"},
  {"received": "2026-01-31", "clockStops": [], "extended": false, "expectedDue": "2026-03-02", "note": "ICO example: 31 Jan -> 28 Feb 2026 is Saturday -> next Monday 2 Mar"},
  {"received": "2025-01-30", "clockStops": [], "extended": false, "expectedDue": "2025-02-28", "note": "30 Jan -> no 30 Feb -> last day of Feb"},
  {"received": "2025-03-31", "clockStops": [], "extended": false, "expectedDue": "2025-04-30", "note": "31 Mar -> 30 Apr (ICO example in earlier guidance)"},
  {"received": "2025-08-31", "clockStops": [], "extended": false, "expectedDue": "2025-09-30", "note": "31 Aug -> 30 Sep"},
  {"received": "2023-04-01", "clockStops": [], "extended": false, "expectedDue": "2023-05-02", "note": "ICO example shape: 1 Apr -> 1 May; 1 May 2023 is Early May bank holiday -> Tue 2 May"},
  {"received": "2025-03-01", "clockStops": [], "extended": false, "expectedDue": "2025-04-01", "note": "Received on a Saturday still counts as day of receipt -> Tue 1 Apr"},
  {"received": "2024-02-29", "clockStops": [], "extended": false, "expectedDue": "2024-04-02", "note": "Leap day receipt -> 29 Mar 2024 = Good Friday; Easter Monday 1 Apr -> Tue 2 Apr"},
  {"received": "2026-03-03", "clockStops": [], "extended": false, "expectedDue": "2026-04-07", "note": "3 Apr 2026 Good Friday, 6 Apr Easter Monday -> Tue 7 Apr"},
  {"received": "2025-11-26", "clockStops": [], "extended": false, "expectedDue": "2025-12-29", "note": "26 Dec 2025 Boxing Day (Fri) -> Mon 29 Dec"},
  {"received": "2026-11-25", "clockStops": [], "extended": false, "expectedDue": "2026-12-29", "note": "25 Dec 2026 Fri, Boxing Day substitute Mon 28 Dec -> Tue 29 Dec"},
  {"received": "2027-11-27", "clockStops": [], "extended": false, "expectedDue": "2027-12-29", "note": "27 Dec 2027 & 28 Dec 2027 are substitute days -> Wed 29 Dec"},
  {"received": "2021-12-03", "clockStops": [], "extended": false, "expectedDue": "2022-01-04", "note": "3 Jan 2022 New Year substitute day -> Tue 4 Jan"},
  {"received": "2023-04-08", "clockStops": [], "extended": false, "expectedDue": "2023-05-09", "note": "8 May 2023 coronation bank holiday -> Tue 9 May"},
  {"received": "2022-05-02", "clockStops": [], "extended": false, "expectedDue": "2022-06-06", "note": "2 Jun 2022 spring BH (moved) + 3 Jun Platinum Jubilee + weekend -> Mon 6 Jun"},
  {"received": "2022-04-30", "clockStops": [], "extended": false, "expectedDue": "2022-05-30", "note": "30 May 2022 was NOT a bank holiday (spring BH moved to 2 Jun) -> due 30 May"},
  {"received": "2022-08-19", "clockStops": [], "extended": false, "expectedDue": "2022-09-20", "note": "19 Sep 2022 State Funeral bank holiday -> Tue 20 Sep"},
  {"received": "2020-04-08", "clockStops": [], "extended": false, "expectedDue": "2020-05-11", "note": "8 May 2020 VE Day bank holiday (Fri) -> Mon 11 May"},
  {"received": "2020-04-04", "clockStops": [], "extended": false, "expectedDue": "2020-05-04", "note": "4 May 2020 was NOT a bank holiday (early May moved to 8 May) -> due Mon 4 May"},
  {"received": "2025-09-03", "clockStops": [], "extended": true, "expectedDue": "2025-12-03", "note": "Extension: 3 months from original start date -> 3 Dec"},
  {"received": "2025-11-30", "clockStops": [], "extended": true, "expectedDue": "2026-03-02", "note": "Extension: 30 Nov + 3 months = 28 Feb 2026 (Sat) -> Mon 2 Mar 2026"},
  {"received": "2026-01-31", "clockStops": [], "extended": true, "expectedDue": "2026-04-30", "note": "Extension from 31 Jan -> 30 Apr (NOT 28 Feb + 2 months = 28 Apr)"},
  {"received": "2023-11-30", "clockStops": [], "extended": true, "expectedDue": "2024-02-29", "note": "Extension into leap Feb -> 29 Feb 2024"},
  {"received": "2024-11-29", "clockStops": [], "extended": true, "expectedDue": "2025-02-28", "note": "Extension: 29 Nov + 3 months -> no 29 Feb 2025 -> 28 Feb 2025"},
  {"received": "2024-02-29", "clockStops": [], "extended": true, "expectedDue": "2024-05-29", "note": "Extension from leap day -> 29 May 2024"},
  {"received": "2026-02-10", "clockStops": [{"type": "identity", "requested": "2026-02-11", "resolved": "2026-02-20"}], "extended": false, "expectedDue": "2026-03-20", "note": "ID requested: clock (re)starts on day ID received (Art 12A(2)(b)) -> 20 Mar"},
  {"received": "2025-06-02", "clockStops": [{"type": "fee", "requested": "2025-06-05", "resolved": "2025-06-16"}], "extended": false, "expectedDue": "2025-07-16", "note": "Fee for manifestly unfounded/excessive request: clock starts when fee paid (Art 12A(2)(c)) -> 16 Jul"},
  {"received": "2026-03-02", "clockStops": [{"type": "clarification", "requested": "2026-03-04", "resolved": "2026-03-10"}], "extended": false, "expectedDue": "2026-04-09", "note": "Art 12A(5) stop-the-clock: 4..10 Mar inclusive = 7 days excluded; 2 Apr + 7 = Thu 9 Apr"},
  {"received": "2026-03-02", "clockStops": [{"type": "clarification", "requested": "2026-03-04", "resolved": "2026-03-04"}], "extended": false, "expectedDue": "2026-04-07", "note": "Same-day clarification: literal statutory reading excludes 1 day -> 3 Apr (Good Friday) -> Tue 7 Apr. INTERPRETIVE"},
  {"received": "2026-01-15", "clockStops": [{"type": "clarification", "requested": "2026-01-20", "resolved": "2026-02-02"}], "extended": true, "expectedDue": "2026-04-29", "note": "Pause (14 days) + extension: 15 Apr + 14 = Wed 29 Apr; extension notice deadline 15 Feb + 14 = 1 Mar (Sun) -> 2 Mar"},
  {"received": "2026-05-05", "clockStops": [{"type": "clarification", "requested": "2026-05-06", "resolved": "2026-05-08"}, {"type": "clarification", "requested": "2026-05-12", "resolved": "2026-05-13"}], "extended": false, "expectedDue": "2026-06-10", "note": "Two pauses: 3 + 2 = 5 days; 5 Jun + 5 = Wed 10 Jun"},
  {"received": "2026-02-10", "clockStops": [{"type": "identity", "requested": "2026-02-11", "resolved": "2026-02-20"}, {"type": "clarification", "requested": "2026-02-23", "resolved": "2026-02-27"}], "extended": false, "expectedDue": "2026-03-25", "note": "ID restart then clarification pause (5 days): 20 Mar + 5 = Wed 25 Mar"},
  {"received": "2025-12-25", "clockStops": [], "extended": false, "expectedDue": "2026-01-26", "note": "Received on Christmas Day: a non-working day still counts as the day of receipt; 25 Jan 2026 is a Sunday -> Mon 26 Jan"},
  {"received": "2026-02-04", "clockStops": [], "extended": false, "expectedDue": "2026-03-04", "note": "Received before Art 12A commenced (5 Feb 2026): pre-DUAA regime applies (SI 2026/82 reg 4); arithmetic is the same -> Wed 4 Mar"},
  {"received": "2024-11-25", "clockStops": [], "extended": true, "expectedDue": "2025-02-25", "note": "ICO 25 Nov example with an extension: 3 months from the start -> Tue 25 Feb 2025"}
]

const englandAndWales = createCalendar('england-and-wales')

function toInput(vector: DeadlineVector): StatutoryClockInput {
  const restarts: ClockRestart[] = []
  const pauses: ClarificationPause[] = []
  for (const stop of vector.clockStops) {
    if (stop.type === 'clarification') pauses.push({ requestedOn: stop.requested, resolvedOn: stop.resolved })
    else restarts.push({ kind: stop.type, requestedOn: stop.requested, resolvedOn: stop.resolved })
  }
  return { receivedOn: vector.received, restarts, pauses, extended: vector.extended }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] // prettier-ignore

function spoken(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} ${MONTHS[(month ?? 1) - 1]} ${year}`
}

const STOP_WORDING = {
  identity: (s: ClockStop) => `identity asked for on ${spoken(s.requested)} arrives on ${spoken(s.resolved)}`,
  authority: (s: ClockStop) => `authority asked for on ${spoken(s.requested)} arrives on ${spoken(s.resolved)}`,
  fee: (s: ClockStop) => `a fee asked for on ${spoken(s.requested)} is paid on ${spoken(s.resolved)}`,
  clarification: (s: ClockStop) =>
    `clarification asked for on ${spoken(s.requested)} is given on ${spoken(s.resolved)}`,
}

/** A sentence of what the law needs, built from the vector and its note. */
function title(v: DeadlineVector): string {
  const stops = v.clockStops.map((s) => STOP_WORDING[s.type](s))
  const conditions = [...stops, ...(v.extended ? ['the period is extended'] : [])]
  const when = conditions.length > 0 ? ` where ${conditions.join(', then ')},` : ''
  return `a request received on ${spoken(v.received)}${when} is due on ${spoken(v.expectedDue)} (${v.note})`
}

describe('statutory deadline: every uk-rules §11.4 vector', () => {
  it.each(VECTORS.map((v) => [title(v), v] as const))('%s', (_title, vector) => {
    const result = computeStatutoryDeadline(toInput(vector), englandAndWales)
    expect(result.due).toBe(vector.expectedDue)
    expect(result.regime).toBe(regimeFor(vector.received))
    expect(result.paused).toBe(false)
    expect(result.awaitingRestart).toBe(false)
  })

  it('covers all 39 vectors of the spec', () => {
    expect(VECTORS).toHaveLength(39)
  })
})

const input = (overrides: Partial<StatutoryClockInput>): StatutoryClockInput => ({
  receivedOn: '2026-03-02',
  restarts: [],
  pauses: [],
  extended: false,
  ...overrides,
})

describe('extension notice deadline (Art 12A(4)-(5))', () => {
  it('with a 14-day pause and an extension is 15 Feb + 14 = Sun 1 Mar 2026, rolled to Mon 2 Mar 2026', () => {
    const result = computeStatutoryDeadline(
      input({
        receivedOn: '2026-01-15',
        pauses: [{ requestedOn: '2026-01-20', resolvedOn: '2026-02-02' }],
        extended: true,
      }),
      englandAndWales,
    )
    expect(result).toMatchObject({ due: '2026-04-29', noticeDeadline: '2026-03-02', pausedDays: 14 })
  })

  it('is one month from the relevant time, the same as the unextended due date', () => {
    const plain = computeStatutoryDeadline(input({ receivedOn: '2025-09-03' }), englandAndWales)
    const extended = computeStatutoryDeadline(input({ receivedOn: '2025-09-03', extended: true }), englandAndWales)
    expect(plain.noticeDeadline).toBe('2025-10-03')
    expect(extended).toMatchObject({ due: '2025-12-03', noticeDeadline: '2025-10-03' })
  })

  it('runs from the relevant time after an identity restart', () => {
    const restarts: ClockRestart[] = [{ kind: 'identity', requestedOn: '2026-02-11', resolvedOn: '2026-02-20' }]
    const result = computeStatutoryDeadline(
      input({ receivedOn: '2026-02-10', restarts, extended: true }),
      englandAndWales,
    )
    expect(result).toMatchObject({ relevantTime: '2026-02-20', due: '2026-05-20', noticeDeadline: '2026-03-20' })
  })
})

describe('open clarification pause (the clock is stopped now)', () => {
  const open: ClarificationPause[] = [{ requestedOn: '2026-03-04', resolvedOn: null }]

  it('is assumed to end on asOf, so asked 4 Mar and still open on 10 Mar excludes 7 days: due Thu 9 Apr', () => {
    const result = computeStatutoryDeadline(input({ pauses: open }), englandAndWales, { asOf: '2026-03-10' })
    expect(result).toMatchObject({ due: '2026-04-09', pausedDays: 7, paused: true })
  })

  it('without asOf runs only to the day it was asked: 1 day, 3 Apr Good Friday, so Tue 7 Apr', () => {
    const result = computeStatutoryDeadline(input({ pauses: open }), englandAndWales)
    expect(result).toMatchObject({ due: '2026-04-07', pausedDays: 1, paused: true })
  })

  it('never runs backwards when asOf is before the request for clarification', () => {
    const result = computeStatutoryDeadline(input({ pauses: open }), englandAndWales, { asOf: '2026-03-03' })
    expect(result.pausedDays).toBe(1)
  })
})

describe('awaiting identity, authority or a fee (Art 12(6), Art 12A(2))', () => {
  it('flags the clock as not running and counts from the latest date already known', () => {
    const restarts: ClockRestart[] = [{ kind: 'identity', requestedOn: '2026-02-11', resolvedOn: null }]
    const result = computeStatutoryDeadline(input({ receivedOn: '2026-02-10', restarts }), englandAndWales)
    expect(result).toMatchObject({ awaitingRestart: true, relevantTime: '2026-02-10', due: '2026-03-10' })
  })

  it('restarts from the latest arrival when identity, authority and a fee all arrive', () => {
    const restarts: ClockRestart[] = [
      { kind: 'fee', requestedOn: '2026-03-03', resolvedOn: '2026-03-20' },
      { kind: 'identity', requestedOn: '2026-03-03', resolvedOn: '2026-03-09' },
      { kind: 'authority', requestedOn: '2026-03-03', resolvedOn: '2026-03-12' },
    ]
    const result = computeStatutoryDeadline(input({ restarts }), englandAndWales)
    expect(result).toMatchObject({ relevantTime: '2026-03-20', due: '2026-04-20', awaitingRestart: false })
  })
})

describe('which clarification days are excluded (Art 12A(5))', () => {
  it('a same-day clarification excludes nothing when the older ICO reading is configured: due Thu 2 Apr', () => {
    const pauses = [{ requestedOn: '2026-03-04', resolvedOn: '2026-03-04' }]
    const settings = { sameDayClarificationExcludesOneDay: false }
    const result = computeStatutoryDeadline(input({ pauses }), englandAndWales, { settings })
    expect(result).toMatchObject({ due: '2026-04-02', pausedDays: 0 })
  })

  it('the older ICO reading still excludes every day of a pause that spans several days', () => {
    const pauses = [{ requestedOn: '2026-03-04', resolvedOn: '2026-03-10' }]
    const settings = { sameDayClarificationExcludesOneDay: false }
    expect(computeStatutoryDeadline(input({ pauses }), englandAndWales, { settings }).pausedDays).toBe(7)
  })

  it('overlapping pauses are a union: 4..10 and 8..12 March exclude 9 days, not 12', () => {
    const pauses = [
      { requestedOn: '2026-03-04', resolvedOn: '2026-03-10' },
      { requestedOn: '2026-03-08', resolvedOn: '2026-03-12' },
    ]
    const result = computeStatutoryDeadline(input({ pauses }), englandAndWales)
    expect(result).toMatchObject({ pausedDays: 9, due: '2026-04-13' })
  })

  it('days before a later relevant time are not excluded: the restart already gave them back', () => {
    const restarts: ClockRestart[] = [{ kind: 'identity', requestedOn: '2026-02-11', resolvedOn: '2026-02-20' }]
    const before = [{ requestedOn: '2026-02-12', resolvedOn: '2026-02-15' }]
    const straddling = [{ requestedOn: '2026-02-18', resolvedOn: '2026-02-22' }]
    const base = { receivedOn: '2026-02-10', restarts }
    expect(computeStatutoryDeadline(input({ ...base, pauses: before }), englandAndWales).pausedDays).toBe(0)
    expect(computeStatutoryDeadline(input({ ...base, pauses: straddling }), englandAndWales).pausedDays).toBe(3)
  })
})

describe('regime and extensions (SI 2026/82 reg 4)', () => {
  it('a request received on 4 February 2026 is PRE_DUAA; one received on 5 February 2026 is ART12A', () => {
    expect(regimeFor('2026-02-04')).toBe('PRE_DUAA')
    expect(regimeFor('2026-02-05')).toBe('ART12A')
    expect(computeStatutoryDeadline(input({ receivedOn: '2026-02-04' }), englandAndWales).regime).toBe('PRE_DUAA')
  })

  it('the regime follows receipt, not a later restart', () => {
    const restarts: ClockRestart[] = [{ kind: 'fee', requestedOn: '2026-02-02', resolvedOn: '2026-02-09' }]
    expect(computeStatutoryDeadline(input({ receivedOn: '2026-02-01', restarts }), englandAndWales).regime).toBe(
      'PRE_DUAA',
    )
  })

  it('a Part 3 request received before 5 February 2026 cannot be extended; every other case can', () => {
    expect(extensionAllowed('PRE_DUAA', 'DPA_PART3')).toBe(false)
    expect(extensionAllowed('PRE_DUAA', 'UK_GDPR')).toBe(true)
    expect(extensionAllowed('ART12A', 'DPA_PART3')).toBe(true)
    expect(extensionAllowed('ART12A', 'UK_GDPR')).toBe(true)
  })
})

describe('calendar choice', () => {
  it('a request received on 30 October 2026 is due Mon 30 November in England, Tue 1 December in Scotland', () => {
    const request = input({ receivedOn: '2026-10-30' })
    expect(computeStatutoryDeadline(request, englandAndWales).due).toBe('2026-11-30')
    expect(computeStatutoryDeadline(request, createCalendar('scotland')).due).toBe('2026-12-01')
  })
})

describe('malformed input', () => {
  it('rejects impossible dates and pauses or restarts that end before they start', () => {
    expect(() => computeStatutoryDeadline(input({ receivedOn: '2026-02-30' }), englandAndWales)).toThrow(RangeError)
    const pauses = [{ requestedOn: '2026-03-10', resolvedOn: '2026-03-04' }]
    expect(() => computeStatutoryDeadline(input({ pauses }), englandAndWales)).toThrow('before it was requested')
    const restarts: ClockRestart[] = [{ kind: 'fee', requestedOn: '2026-03-10', resolvedOn: '2026-03-04' }]
    expect(() => computeStatutoryDeadline(input({ restarts }), englandAndWales)).toThrow(RangeError)
    expect(() => computeStatutoryDeadline(input({}), englandAndWales, { asOf: '2026-3-1' })).toThrow(RangeError)
  })
})
