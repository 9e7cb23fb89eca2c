import type { Role, Services } from '../services.js'

/**
 * Opens the database (and, if asked, the job queue) for one admin command, and always closes it. The services are
 * imported here, when a command needs them, so `<command> --help` does not load the database driver.
 */
export async function withServices<T>(role: Role, fn: (services: Services) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { createServices }] = await Promise.all([import('../config.js'), import('../services.js')])
  const services = await createServices(loadConfig(), role)
  try {
    return await fn(services)
  } finally {
    await services.close()
  }
}
