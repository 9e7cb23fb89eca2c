import { fail, type CliCommand } from './command.js'

/**
 * Every command, with what `rightsdesk --help` says of it, and how to load it. Each command's module is loaded
 * only when that command runs, so `deadline` and `--help` start in a few tens of milliseconds instead of paying
 * for Fastify, MuPDF and the database driver they never use.
 */
interface CommandEntry {
  name: string
  summary: string
  load(): Promise<CliCommand>
}

const server = () => import('./commands/server.js')

const commands: CommandEntry[] = [
  {
    name: 'start',
    summary: 'Run the web server and the job worker in one process',
    load: () => server().then((m) => m.startCommand),
  },
  {
    name: 'web',
    summary: 'Run only the web server (portal, casework, API)',
    load: () => server().then((m) => m.webCommand),
  },
  {
    name: 'worker',
    summary: 'Run only the job worker (emails, deadline sweep)',
    load: () => server().then((m) => m.workerCommand),
  },
  {
    name: 'migrate',
    summary: 'Apply database migrations',
    load: () => import('./commands/migrate.js').then((m) => m.migrateCommand),
  },
  {
    name: 'seed-demo',
    summary: 'Load demonstration data into an empty database',
    load: () => import('./commands/seed-demo.js').then((m) => m.seedDemoCommand),
  },
  {
    name: 'create-user',
    summary: 'Create a staff account',
    load: () => import('./commands/create-user.js').then((m) => m.createUserCommand),
  },
  {
    name: 'demo-code',
    summary: 'Print the current authenticator code for the demo accounts (demo data only)',
    load: () => import('./commands/demo-code.js').then((m) => m.demoCodeCommand),
  },
  {
    name: 'token',
    summary: 'Create an API token (token create --user EMAIL)',
    load: () => import('./commands/token.js').then((m) => m.tokenCommand),
  },
  {
    name: 'deadline',
    summary: 'Work out when a request is due (statutory clock or working days)',
    load: () => import('./commands/deadline-cli.js').then((m) => m.deadlineCommand),
  },
  {
    name: 'audit',
    summary:
      'Verify the audit trail against its seals and signed checkpoints, or write a checkpoint now (audit verify | audit checkpoint)',
    load: () => import('./commands/audit.js').then((m) => m.auditCommand),
  },
  {
    name: 'holiday',
    summary: 'Add or list extra bank holidays (holiday add DATE --name NAME)',
    load: () => import('./commands/holiday.js').then((m) => m.holidayCommand),
  },
  {
    name: 'detect',
    summary: 'Find personal data in files (names, contact details, identifiers) as JSON lines',
    load: () => import('./commands/detect.js').then((m) => m.detectCommand),
  },
  {
    name: 'redact',
    summary: 'Build a redacted, verified disclosure bundle from files',
    load: () => import('./commands/redact.js').then((m) => m.redactCommand),
  },
  {
    name: 'material',
    summary: "Add a folder of files to a case's disclosure material (material add REF PATH...)",
    load: () => import('./commands/material.js').then((m) => m.materialCommand),
  },
  {
    name: 'discover',
    summary: 'Find every mention of one person in files and folders (names, nicknames, identifiers) as JSON lines',
    load: () => import('./commands/discover.js').then((m) => m.discoverCommand),
  },
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
  const entry = commands.find((c) => c.name === name)
  if (!entry) return fail(name, `unknown command. Run \`rightsdesk --help\` for the list.`, 2)
  try {
    const command = await entry.load()
    return await command.run(rest)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    // By name, not instanceof: importing config.js (and zod) here would slow every command's start.
    const configProblem = err instanceof Error && err.name === 'ConfigError'
    return fail(name, message.split('\n')[0] ?? message, configProblem ? 2 : 1)
  }
}
