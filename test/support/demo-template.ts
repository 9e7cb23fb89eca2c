import fs from 'node:fs/promises'
import path from 'node:path'
import type { AppDeps } from '../../src/application/deps.js'
import { seedDemo } from '../../src/cli/demo/seed-demo.js'
import { createCalendar, defaultClockSettings, localDateInLondon } from '../../src/domain/index.js'
import { createBlobStore } from '../../src/storage/blob-store.js'
import { inject } from 'vitest'
import { ensureTemplate } from './test-database.js'

/** A job the demo seed asked for, kept with the template so each copy can ask for it again. */
interface SeedJob {
  queue: string
  data: object
  options?: { singletonKey?: string }
}

export interface DemoTemplate {
  /** The template database: migrated, with the demo office loaded. */
  database: string
  /** Its blob store (the demo material), encrypted with `blobKey`: copy it for each harness. */
  blobDir: string
  blobKey: Buffer
  /** What the seed enqueued, in order: replayed into each harness's own queue, which was not there to see it. */
  jobs: SeedJob[]
}

/**
 * The demo office as `seedDemo` leaves it at `seedAt`, loaded once per run (per day, or per fixed instant a test
 * file asks for) and copied for each harness. The seed's data depends on its clock: today's date positions every
 * demo case, so a template is only ever reused for the same London day, or the same fixed instant.
 */
export async function demoTemplate(seedAt: Date, fixedInstant: boolean): Promise<DemoTemplate> {
  const key = fixedInstant ? `at_${seedAt.toISOString()}` : `day_${localDateInLondon(seedAt)}`
  const kind = `demo_${key.toLowerCase().replace(/[^a-z0-9_]/g, '')}`
  const dir = path.join(inject('testTemplateDir'), kind)
  const blobKey = Buffer.from(inject('testTemplateBlobKey'), 'hex')
  const database = await ensureTemplate(kind, async (pool) => {
    const jobs: SeedJob[] = []
    const deps: AppDeps = {
      pool,
      clock: { now: () => seedAt },
      calendar: createCalendar('england-and-wales'),
      clockSettings: defaultClockSettings,
      jobs: { enqueue: async (_tx, queue, data, options) => void jobs.push({ queue, data, options }) },
      dueSoonWorkingDays: 5,
      baseUrl: 'http://rightsdesk.test',
      blobs: createBlobStore(path.join(dir, 'blobs'), blobKey),
      identityDocumentMaxDays: 90,
    }
    await fs.rm(dir, { recursive: true, force: true })
    await fs.mkdir(path.join(dir, 'blobs'), { recursive: true })
    await seedDemo(deps)
    await fs.writeFile(path.join(dir, 'jobs.json'), JSON.stringify(jobs))
  })
  const jobs = JSON.parse(await fs.readFile(path.join(dir, 'jobs.json'), 'utf8')) as SeedJob[]
  return { database, blobDir: path.join(dir, 'blobs'), blobKey, jobs }
}
