/**
 * One `rightsdesk` subcommand: its help text and what it does. `run` returns the exit code. Its one-line summary
 * for `rightsdesk --help` is in src/cli/index.ts, beside the import that loads it.
 */
export interface CliCommand {
  name: string
  usage: string
  run(argv: string[]): Promise<number>
}

export class UsageError extends Error {
  override name = 'UsageError'
}

/** Prints one line to stderr, as every CLI failure should: no stack traces for operators. */
export function fail(command: string, message: string, code = 1): number {
  process.stderr.write(`rightsdesk ${command}: ${message}\n`)
  return code
}

export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h')
}
