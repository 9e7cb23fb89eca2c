import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'
import { verifyAuditChain } from '../../persistence/audit-verify.js'

const usage = `Usage: rightsdesk audit verify

Recomputes the audit trail's hash chain from the first event to the last.
Exit 0 with the number of events when intact; exit 1 naming the first bad event when any event was
edited, deleted or reordered.
`

export const auditCommand: CliCommand = {
  name: 'audit',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    if (argv[0] !== 'verify' || argv.length > 1) throw new Error('expected `rightsdesk audit verify`')
    const result = await withServices('none', (s) => verifyAuditChain(s.db.pool))
    if (result.ok) {
      process.stdout.write(`Audit trail intact: ${result.count} events verified.\n`)
      return 0
    }
    const which =
      result.firstBadSeq === null
        ? 'the chain head'
        : `event ${result.firstBadSeq}${result.firstBadId ? ` (${result.firstBadId})` : ''}`
    process.stderr.write(`rightsdesk audit: audit trail broken at ${which}: ${result.reason}\n`)
    return 1
  },
}
