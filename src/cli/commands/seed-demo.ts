import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'
import { seedDemoIfEmpty } from '../demo/seed-demo.js'
import { demoSignIns } from '../demo/sign-ins.js'

const usage = `Usage: rightsdesk seed-demo

Fills an EMPTY database with demonstration data: two controllers, one user per role, and about thirty
cases in every state. Does nothing if any user already exists.
`

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    if (argv.length > 0) throw new Error(`unexpected argument ${argv[0]}`)
    const result = await withServices('none', seedDemoIfEmpty)
    if (!result) {
      process.stdout.write('The database already has users: demo data not loaded.\n')
      return 0
    }
    process.stdout.write([`Loaded ${result.cases} demo cases.`, ...demoSignIns(result), ''].join('\n'))
    return 0
  },
}
