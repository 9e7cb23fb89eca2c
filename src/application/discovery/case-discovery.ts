import type { SearchSubject } from '../../discovery/match/index.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { runsOfCase } from './hits.js'
import { listSources } from './sources.js'

/** What the case's discovery page starts from: the subject as the case knows them, its sources, earlier searches. */
export async function caseDiscovery(deps: AppDeps, actor: Actor, caseId: string) {
  requirePermission(actor, 'case:work')
  const state = await caseInScope(deps.pool, actor, caseId)
  const s = state.subject
  const subject: SearchSubject = {
    names: [s.name],
    aliases: s.otherNames ?? [],
    emails: s.email ? [s.email] : [],
    phones: s.phone ? [s.phone] : [],
    datesOfBirth: s.dateOfBirth ? [s.dateOfBirth] : [],
    postcodes: s.address?.postcode ? [s.address.postcode] : [],
    addresses: s.address?.lines.length ? [s.address.lines.join(', ')] : [],
  }
  return {
    caseId: state.id,
    reference: state.reference,
    requesterName: s.name,
    controllerId: state.controllerId,
    subject,
    sources: await listSources(deps, actor, state.controllerId),
    runs: await runsOfCase(deps, actor, caseId),
  }
}
