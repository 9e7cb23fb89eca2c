import type { CliCommand } from '../command.js'
import { DEADLINE_USAGE, runDeadlineCommand } from './deadline.js'

export const deadlineCommand: CliCommand = {
  name: 'deadline',
  usage: DEADLINE_USAGE,
  async run(argv) {
    const result = runDeadlineCommand(argv)
    if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`)
    if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`)
    return result.exitCode
  },
}
