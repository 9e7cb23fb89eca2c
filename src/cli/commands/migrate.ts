import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'

const usage = `Usage: rightsdesk migrate

Applies the database migrations (they also run at every start). Safe to run repeatedly.
`

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    if (argv.length > 0) throw new Error(`unexpected argument ${argv[0]}`)
    await withServices('none', async (s) => {
      process.stdout.write(
        `Migrations applied (${s.db.mode === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'}).\n`,
      )
    })
    return 0
  },
}
