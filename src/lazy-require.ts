import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * A CommonJS package loaded the first time it is used rather than when the module that names it loads. The web
 * server's start-up (issue 12: /ready within 1.5 s of start on an existing data directory) paid for MySQL, PST,
 * IMAP, mail-parsing, HTML-sanitising and PDF-writing libraries that only a few pages and jobs ever call; loading
 * them on first use keeps start-up to what serving a page needs. Synchronous, so callers keep their signatures.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(id) as T)
}
