import { currentCode } from '../../application/staff/totp.js'
import { DEMO_TOTP_SECRET } from '../demo/demo-controllers.js'
import { wantsHelp, type CliCommand } from '../command.js'

const usage = `Usage: rightsdesk demo-code

Prints the current 6-digit authenticator code of the demo accounts that must use one (admin, second admin,
DP manager, reviewer, Chief Executive), from the demo's published setup key. It works only for demo data:
real accounts each have their own secret.
`

export const demoCodeCommand: CliCommand = {
  name: 'demo-code',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    if (argv.length > 0) throw new Error(`unexpected argument ${argv[0]}`)
    // Wall-clock time on purpose: the code must match what the running server expects now.
    const { code, secondsLeft } = currentCode(DEMO_TOTP_SECRET, new Date())
    process.stdout.write(`${code}  (changes in ${secondsLeft} s; each code signs one account in once)\n`)
    return 0
  },
}
