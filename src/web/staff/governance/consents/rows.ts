import type { ConsentRecord } from '../../../../application/governance/consents.js'
import { formatLongDate, type Controller } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'

/** One consent as the register and the withdrawal page show it: dates in words, the channel in plain English. */
export function consentRow(c: ConsentRecord, controllers: readonly Controller[]) {
  return {
    ...c,
    controllerName: controllers.find((k) => k.id === c.controllerId)?.name ?? c.controllerId,
    givenText: formatLongDate(c.givenOn),
    evidenceLines: c.evidence.split('\n'),
    withdrawnText: c.withdrawnOn ? formatLongDate(c.withdrawnOn) : '',
    channelText: c.withdrawalChannel ? text(`register.consents.channels.${c.withdrawalChannel}`) : '',
  }
}
