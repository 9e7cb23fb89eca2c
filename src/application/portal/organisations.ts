import type { Controller } from '../../domain/index.js'
import { listControllers } from '../../persistence/repositories/controller-repository.js'
import type { AppDeps } from '../deps.js'
import { readRegulator, type Regulator } from './regulator.js'

/** What the public pages show about the deployment: the organisations it serves and the regulator. */
export interface PortalDirectory {
  controllers: Controller[]
  regulator: Regulator
}

export async function portalDirectory(deps: AppDeps): Promise<PortalDirectory> {
  const [controllers, regulator] = await Promise.all([listControllers(deps.pool), readRegulator(deps.pool)])
  return { controllers, regulator }
}
