import { parseArgs } from 'node:util'
import type { ServerRole } from '../../main.js'
import { wantsHelp, type CliCommand } from '../command.js'

function serverCommand(name: string, role: ServerRole, summary: string): CliCommand {
  const usage = `Usage: rightsdesk ${name}${name === 'start' ? ' [--demo]' : ''}

${summary}.
${name === 'start' ? '  --demo   fill an empty database with demonstration data first (what `npm start` does)\n' : ''}
Configured by environment variables (see the README): PORT, RIGHTSDESK_DATA_DIR, DATABASE_URL, SMTP_URL, ...
`
  return {
    name,
    usage,
    async run(argv) {
      if (wantsHelp(argv)) {
        process.stdout.write(usage)
        return 0
      }
      const { values } = parseArgs({ args: argv, options: { demo: { type: 'boolean', default: false } }, strict: true })
      if (values.demo && name !== 'start') throw new Error('--demo only applies to `rightsdesk start`')
      const { runServer } = await import('../../main.js')
      return runServer(role, { demo: values.demo ?? false })
    },
  }
}

export const startCommand = serverCommand('start', 'both', 'Run the web server and the job worker in one process')
export const webCommand = serverCommand('web', 'web', 'Run only the web server (portal, casework, API)')
export const workerCommand = serverCommand('worker', 'worker', 'Run only the job worker (emails, deadline sweep)')
