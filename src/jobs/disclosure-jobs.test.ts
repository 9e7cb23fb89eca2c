import { describe, expect, it } from 'vitest'
import type { AppDeps } from '../application/deps.js'
import { registerDisclosureJobs } from './disclosure-jobs.js'
import { QUEUES, type Jobs } from './queue.js'

describe('disclosure jobs', () => {
  it('a reviewer\'s "Read the material" or "Build the bundle" is picked up within half a second', async () => {
    const polling = new Map<string, number | undefined>()
    const boss = {
      work: async (queue: string, options: { pollingIntervalSeconds?: number }) => {
        polling.set(queue, options.pollingIntervalSeconds)
        return queue
      },
    }
    // No run is left over from a stopped worker: resuming finds nothing to queue.
    const pool = { connect: async () => ({ query: async () => ({ rows: [] }), release: () => undefined }) }
    const app = { pool, jobs: { enqueue: async () => undefined } } as unknown as AppDeps
    await registerDisclosureJobs({ boss } as unknown as Jobs, app, { info: () => undefined, warn: () => undefined })
    // pg-boss looks for new jobs every 2 s unless told otherwise: most of the time three short documents took.
    expect(polling.get(QUEUES.disclosurePrepare)).toBeLessThanOrEqual(0.5)
    expect(polling.get(QUEUES.disclosureBundle)).toBeLessThanOrEqual(0.5)
  })
})
