import { loadConfig } from '../config.js'
import { createServices, type Role, type Services } from '../services.js'

/** Opens the database (and, if asked, the job queue) for one admin command, and always closes it. */
export async function withServices<T>(role: Role, fn: (services: Services) => Promise<T>): Promise<T> {
  const services = await createServices(loadConfig(), role)
  try {
    return await fn(services)
  } finally {
    await services.close()
  }
}
