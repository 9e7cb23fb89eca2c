import { ConfigError } from '../config.js'
import { fail, type CliCommand } from './command.js'
import { serverCommands } from './commands/server.js'
import { migrateCommand } from './commands/migrate.js'
import { seedDemoCommand } from './commands/seed-demo.js'
import { createUserCommand } from './commands/create-user.js'
import { tokenCommand } from './commands/token.js'
import { deadlineCommand } from './commands/deadline-cli.js'
import { auditCommand } from './commands/audit.js'
import { holidayCommand } from './commands/holiday.js'
import { detectCommand } from './commands/detect.js'
import { redactCommand } from './commands/redact.js'
import { materialCommand } from './commands/material.js'

const commands: CliCommand[] = [
  ...serverCommands,
  migrateCommand,
  seedDemoCommand,
  createUserCommand,
  tokenCommand,
  deadlineCommand,
  auditCommand,
  holidayCommand,
  detectCommand,
  redactCommand,
  materialCommand,
]

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: rightsdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `rightsdesk <command> --help` for a command’s options.',
    '',
  ].join('\n')
}

/** Entry point of the `rightsdesk` executable. Returns the exit code; errors become one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) return fail(name, `unknown command. Run \`rightsdesk --help\` for the list.`, 2)
  try {
    return await command.run(rest)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return fail(name, message.split('\n')[0] ?? message, err instanceof ConfigError ? 2 : 1)
  }
}
