import { describe, expect, it } from 'vitest'
import { DEADLINE_USAGE, runDeadlineCommand } from './deadline.js'

interface DeadlineVector {
  received: string
  clockStops: { type: 'identity' | 'fee' | 'authority' | 'clarification'; requested: string; resolved: string }[]
  extended: boolean
  expectedDue: string
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

// uk-rules.md §11.2 (E&W calendar; day 1 is the first working day after receipt).
const WORKING_DAY_VECTORS = [
  { received: '2025-12-15', workingDays: 20, expectedDue: '2026-01-15' },
  { received: '2026-03-27', workingDays: 20, expectedDue: '2026-04-28' },
  { received: '2026-08-20', workingDays: 20, expectedDue: '2026-09-18' },
  { received: '2025-04-14', workingDays: 20, expectedDue: '2025-05-15' },
  { received: '2022-05-27', workingDays: 20, expectedDue: '2022-06-28' },
]

/** identity, fee and authority restart the clock on arrival; clarification is an inclusive pause. */
function argvFor(vector: DeadlineVector): string[] {
  const stops = vector.clockStops.flatMap((s) =>
    s.type === 'clarification' ? ['--pause', `${s.requested}..${s.resolved}`] : ['--restart', s.resolved],
  )
  return ['--received', vector.received, ...stops, ...(vector.extended ? ['--extended'] : [])]
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}

describe('rightsdesk deadline: every uk-rules §11.4 vector', () => {
  const cases = VECTORS.map((v) => [`deadline ${argvFor(v).join(' ')} prints ${v.expectedDue}: ${v.note}`, v] as const)
  it.each(cases)('%s', (_title, vector) => {
    const result = runDeadlineCommand(argvFor(vector))
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(firstLine(result.stdout), vector.note).toBe(vector.expectedDue)
  })
})

describe('rightsdesk deadline --working-days: every uk-rules §11.2 vector', () => {
  it.each(WORKING_DAY_VECTORS)(
    'working day $workingDays after receipt on $received is $expectedDue',
    ({ received, workingDays, expectedDue }) => {
      const result = runDeadlineCommand(['--received', received, '--working-days', String(workingDays)])
      expect(result.exitCode).toBe(0)
      expect(firstLine(result.stdout)).toBe(expectedDue)
    },
  )
})

describe('rightsdesk deadline output', () => {
  const vector23 = ['--received', '2026-01-15', '--pause', '2026-01-20..2026-02-02', '--extended']

  it('explains the relevant time, paused days, notice deadline and regime after the due date', () => {
    const { stdout, exitCode } = runDeadlineCommand(vector23)
    expect(exitCode).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('2026-04-29')
    expect(stdout).toContain('Relevant time: 2026-01-15')
    expect(stdout).toContain('14 paused day(s)')
    expect(stdout).toContain('Extension notice deadline: 2026-03-02')
    expect(stdout).toContain('Regime: PRE_DUAA')
    expect(stdout).toContain('Calendar: england-and-wales')
  })

  it('--json prints one JSON object with due, noticeDeadline, regime and pausedDays', () => {
    const { stdout, exitCode } = runDeadlineCommand([...vector23, '--json'])
    expect(exitCode).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(JSON.parse(stdout)).toEqual({
      due: '2026-04-29',
      noticeDeadline: '2026-03-02',
      regime: 'PRE_DUAA',
      pausedDays: 14,
      relevantTime: '2026-01-15',
      extended: true,
      calendar: 'england-and-wales',
    })
  })

  it('--json reports the ART12A regime for a request received on or after 5 February 2026', () => {
    const { stdout } = runDeadlineCommand(['--received', '2026-02-05', '--json'])
    expect(JSON.parse(stdout)).toMatchObject({ due: '2026-03-05', regime: 'ART12A', pausedDays: 0 })
  })

  it('--working-days --json prints due and workingDays', () => {
    const { stdout, exitCode } = runDeadlineCommand(['--received', '2025-12-15', '--working-days', '20', '--json'])
    expect(exitCode).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ due: '2026-01-15', workingDays: 20 })
  })

  it('--calendar changes the roll: 30 Oct 2026 is due 30 Nov in England, 1 Dec in Scotland (St Andrew’s Day)', () => {
    expect(firstLine(runDeadlineCommand(['--received', '2026-10-30']).stdout)).toBe('2026-11-30')
    const scotland = runDeadlineCommand(['--received', '2026-10-30', '--calendar', 'scotland'])
    expect(firstLine(scotland.stdout)).toBe('2026-12-01')
  })

  it('--calendar uk-any-part skips St Patrick’s Day when counting working days (FOIA s.10(6))', () => {
    const args = ['--received', '2026-03-16', '--working-days', '1']
    expect(firstLine(runDeadlineCommand(args).stdout)).toBe('2026-03-17')
    expect(firstLine(runDeadlineCommand([...args, '--calendar', 'uk-any-part']).stdout)).toBe('2026-03-18')
  })

  it('--same-day-pause-excludes-none follows the older ICO reading: a same-day answer stops nothing', () => {
    const args = ['--received', '2026-03-02', '--pause', '2026-03-04..2026-03-04']
    expect(firstLine(runDeadlineCommand(args).stdout)).toBe('2026-04-07')
    expect(firstLine(runDeadlineCommand([...args, '--same-day-pause-excludes-none']).stdout)).toBe('2026-04-02')
  })

  it('--help prints the usage on stdout and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      expect(runDeadlineCommand([flag])).toEqual({ stdout: DEADLINE_USAGE, stderr: '', exitCode: 0 })
    }
    expect(DEADLINE_USAGE).toContain('--working-days N')
  })
})

describe('rightsdesk deadline rejects bad input with one stderr line and exit code 2', () => {
  it.each([
    ['missing --received', [], '--received'],
    ['missing --received with other flags', ['--extended'], '--received'],
    ['--received without a value', ['--received'], "'--received"],
    ['an impossible date', ['--received', '2026-02-30'], 'not a real calendar date'],
    ['a malformed date', ['--received', '2026-2-3'], 'YYYY-MM-DD'],
    ['a UK-style date', ['--received', '03/02/2026'], 'YYYY-MM-DD'],
    ['--received twice', ['--received', '2026-03-02', '--received', '2026-03-03'], 'only once'],
    ['an unknown flag', ['--received', '2026-03-02', '--urgent'], "'--urgent'"],
    ['a positional argument', ['--received', '2026-03-02', 'extra'], "'extra'"],
    ['a value on a boolean flag', ['--received', '2026-03-02', '--extended=yes'], "'--extended'"],
    ['an unknown calendar', ['--received', '2026-03-02', '--calendar', 'wales'], "'wales'"],
    [
      'a pause ending before it starts',
      ['--received', '2026-03-02', '--pause', '2026-03-10..2026-03-04'],
      'ends before it starts',
    ],
    [
      'a pause before receipt',
      ['--received', '2026-03-02', '--pause', '2026-03-01..2026-03-04'],
      'before the request was received',
    ],
    ['a pause without ..', ['--received', '2026-03-02', '--pause', '2026-03-04'], 'START..END'],
    [
      'a pause with an impossible end',
      ['--received', '2026-03-02', '--pause', '2026-03-04..2026-03-32'],
      'not a real calendar date',
    ],
    [
      'a restart before receipt',
      ['--received', '2026-03-02', '--restart', '2026-03-01'],
      'before the request was received',
    ],
    ['a malformed restart', ['--received', '2026-03-02', '--restart', 'tomorrow'], 'YYYY-MM-DD'],
    ['--working-days 0', ['--received', '2026-03-02', '--working-days', '0'], 'whole number'],
    ['--working-days -5', ['--received', '2026-03-02', '--working-days=-5'], 'whole number'],
    ['--working-days 2.5', ['--received', '2026-03-02', '--working-days', '2.5'], 'whole number'],
    ['--working-days twenty', ['--received', '2026-03-02', '--working-days', 'twenty'], 'whole number'],
    [
      '--working-days with --extended',
      ['--received', '2026-03-02', '--working-days', '20', '--extended'],
      'cannot be combined',
    ],
    [
      '--working-days with --pause',
      ['--received', '2026-03-02', '--working-days', '20', '--pause', '2026-03-04..2026-03-05'],
      'cannot be combined',
    ],
    [
      '--working-days with --restart',
      ['--received', '2026-03-02', '--working-days', '20', '--restart', '2026-03-04'],
      'cannot be combined',
    ],
  ])('%s', (_name, argv, mentions) => {
    const result = runDeadlineCommand(argv)
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.endsWith('\n')).toBe(true)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^rightsdesk deadline: /)
    expect(lines[0]).toContain(mentions)
  })
})
