import { parseArgs } from 'node:util'
import { SYSTEM_ACTOR } from '../../application/actor.js'
import { createApiToken } from '../../application/create-api-token.js'
import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'

const usage = `Usage: rightsdesk token create --user EMAIL [--controller ID]... [--label TEXT]

Creates an API bearer token for the user and prints it once. Only a hash is stored.
The token acts only for the controllers given (each one the user works for); by default, all of the user's.
Use it as: Authorization: Bearer <token>
`

export const tokenCommand: CliCommand = {
  name: 'token',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    const [sub, ...rest] = argv
    if (sub !== 'create') throw new Error('expected `rightsdesk token create --user EMAIL`')
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: { user: { type: 'string' }, label: { type: 'string' }, controller: { type: 'string', multiple: true } },
    })
    if (!values.user) throw new Error('--user EMAIL is required')
    const input = {
      email: values.user,
      label: values.label ?? 'created with rightsdesk token create',
      ...(values.controller?.length ? { controllerIds: values.controller } : {}),
    }
    const { token } = await withServices('none', (s) => createApiToken(s.app, SYSTEM_ACTOR, input))
    process.stdout.write(`${token}\n`)
    return 0
  },
}
