/**
 * Ports the application layer implements for the domain's sake (DESIGN §3). Interfaces only: adapters live
 * outside src/domain, and nothing here names a database, a framework or a file system.
 */

/** The only source of the current time. Tests pass a fixed clock; production passes the system clock. */
export interface Clock {
  now(): Date
}

/** New case and event identifiers (for example UUIDs). Injected so tests can predict them. */
export interface IdGenerator {
  newId(): string
}
