import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import { SYSTEM_ACTOR } from '../../application/actor.js'
import { createUser } from '../../application/create-user.js'
import type { Role } from '../../domain/index.js'
import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'

const usage = `Usage: rightsdesk create-user --email EMAIL --name NAME --role ROLE [--role ROLE]... --controller ID [--controller ID]... [--password PASSWORD]

Creates a staff account. Roles: correspondence, dp-manager, reviewer, chief-executive, staff, copy-recipient, admin.
Without --password a strong random password is generated and printed once.
`

export const createUserCommand: CliCommand = {
  name: 'create-user',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        controller: { type: 'string', multiple: true },
        password: { type: 'string' },
      },
    })
    if (!values.email || !values.name || !values.role?.length || !values.controller?.length) {
      throw new Error('--email, --name, at least one --role and at least one --controller are required')
    }
    const password = values.password ?? randomBytes(15).toString('base64url')
    const input = {
      email: values.email,
      name: values.name,
      roles: values.role as Role[],
      controllerIds: values.controller,
      password,
    }
    const { id } = await withServices('none', (s) => createUser(s.app, SYSTEM_ACTOR, input))
    process.stdout.write(`Created user ${values.email} (${id}).\n`)
    if (!values.password) process.stdout.write(`Password (shown once): ${password}\n`)
    return 0
  },
}
