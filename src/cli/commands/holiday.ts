import { parseArgs } from 'node:util'
import { isValidLocalDate } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { listExtraHolidays } from '../../persistence/repositories/controller-repository.js'
import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'

const usage = `Usage: rightsdesk holiday add YYYY-MM-DD --name NAME
       rightsdesk holiday list

Adds a non-working day that the built-in calendar does not know, such as a one-off bank holiday
proclaimed after this release (Banking and Financial Dealings Act 1971 s.1(3)). Deadlines that end on it
roll to the next working day. Restart Rightsdesk for running processes to use it.
`

export const holidayCommand: CliCommand = {
  name: 'holiday',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    const [sub, ...rest] = argv
    if (sub === 'list') {
      const days = await withServices('none', (s) => listExtraHolidays(s.db.pool))
      process.stdout.write(days.length ? `${days.join('\n')}\n` : 'No extra holidays.\n')
      return 0
    }
    if (sub !== 'add') throw new Error('expected `holiday add YYYY-MM-DD --name NAME` or `holiday list`')
    const { values, positionals } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: true,
      options: { name: { type: 'string' } },
    })
    const day = positionals[0]
    if (!day || !isValidLocalDate(day) || positionals.length > 1) throw new Error('give one real date as YYYY-MM-DD')
    if (!values.name?.trim()) throw new Error('--name is required')
    await withServices('none', (s) =>
      withTransaction(s.db.pool, async (tx) => {
        await tx.query(
          'INSERT INTO extra_holidays (day, name) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET name = $2',
          [day, values.name],
        )
        await appendAudit(tx, [
          {
            caseId: null,
            actorId: 'cli',
            occurredAt: new Date(),
            command: 'AddHoliday',
            eventType: 'HolidayAdded',
            payload: { day, name: values.name },
          },
        ])
      }),
    )
    process.stdout.write(`Added ${day} (${values.name}) as a non-working day.\n`)
    return 0
  },
}
