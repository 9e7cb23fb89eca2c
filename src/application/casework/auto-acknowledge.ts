import type { Tx } from '../../persistence/db.js'
import { renderLetter } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import type { AppDeps } from '../deps.js'
import { buildLetterContext, privacyUrlFor, recipientOf } from './letter-context.js'
import { sendLetterIn } from './send-letter.js'
import { readSettings, type AutoAcknowledgeChannel } from './settings.js'

/**
 * Seed 002: every request is acknowledged without undue delay. The portal always did it; requests logged by staff
 * or through the API now do too, when the office's setting for that channel says so (on by default). The standard
 * acknowledgement letter goes by email in the same transaction as the case, signed by whoever logged it. With no
 * email address nothing is recorded, so the case still shows that a letter is owed, as for the portal.
 */
export async function autoAcknowledgeIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  logged: CommandOutcome,
  route: AutoAcknowledgeChannel,
): Promise<CommandOutcome> {
  const { autoAcknowledgeChannels } = await readSettings(tx)
  if (!autoAcknowledgeChannels.includes(route) || !recipientOf(logged.state).email) return logged
  const outcome = await applyCommand(deps, tx, actor, logged.state, { type: 'Acknowledge' })
  const { context, controller } = await buildLetterContext(tx, deps, outcome.state, actor)
  await sendLetterIn(
    tx,
    deps,
    actor,
    outcome.state,
    controller,
    { template: 'acknowledgement', ...renderLetter('acknowledgement', context) },
    privacyUrlFor(deps, controller.id),
  )
  return outcome
}
