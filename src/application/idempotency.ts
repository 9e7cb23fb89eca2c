import { createHash } from 'node:crypto'
import { DomainError } from '../domain/index.js'
import { canonicalJson } from '../persistence/canonical-json.js'
import type { Tx } from '../persistence/db.js'

/**
 * Idempotency keys for API calls that create (issue 11; IETF draft-ietf-httpapi-idempotency-key-header). A client
 * that never saw the answer to `POST /cases` (a timeout, a dropped connection) sends it again with the same key and
 * gets the first answer, not a second case. Keys are the sending token's own; a key reused for a different request
 * is refused (422) rather than answered with someone else's result.
 */
export interface IdempotencyKey {
  tokenId: string
  key: string
  /** SHA-256 of the request (method, path and canonical body), to tell a retry from a different request. */
  requestSha256: string
}

/** The stored answer to the first request with a key. */
export interface StoredAnswer<T> {
  body: T
  replayed: boolean
}

const KEY = /^[\x21-\x7e]{1,255}$/

/** A key as a client sent it in the `Idempotency-Key` header: visible ASCII, at most 255 characters. */
export function idempotencyKey(
  tokenId: string,
  header: string,
  request: { method: string; path: string; body: unknown },
): IdempotencyKey {
  // A structured-field string ("…") per the draft; a bare token is accepted as well.
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header
  if (!KEY.test(key))
    throw new DomainError('validation', 'bad Idempotency-Key', {
      fields: { 'Idempotency-Key': 'Send 1 to 255 visible ASCII characters' },
    })
  const requestSha256 = createHash('sha256')
    .update(canonicalJson({ method: request.method, path: request.path, body: request.body }))
    .digest('hex')
  return { tokenId, key, requestSha256 }
}

/**
 * Runs `create` at most once per key, in the caller's transaction: the key row is inserted first, so a second request
 * with the same key waits on the unique key until the first commits, then reads its answer. Nothing is stored when
 * `create` fails (the transaction rolls back), so a refused request can be corrected and sent again with the same key.
 */
export async function once<T>(tx: Tx, key: IdempotencyKey, create: () => Promise<T>): Promise<StoredAnswer<T>> {
  const claimed = await tx.query(
    `INSERT INTO api_idempotency_keys (token_id, key, request_sha256) VALUES ($1, $2, $3)
     ON CONFLICT (token_id, key) DO NOTHING RETURNING key`,
    [key.tokenId, key.key, key.requestSha256],
  )
  if (claimed.rowCount === 1) {
    const body = await create()
    await tx.query(
      'UPDATE api_idempotency_keys SET response_status = 201, response_body = $3 WHERE token_id = $1 AND key = $2',
      [key.tokenId, key.key, JSON.stringify(body)],
    )
    return { body, replayed: false }
  }
  const stored = await tx.query<{ request_sha256: string; response_body: T }>(
    'SELECT request_sha256, response_body FROM api_idempotency_keys WHERE token_id = $1 AND key = $2',
    [key.tokenId, key.key],
  )
  const row = stored.rows[0]
  if (!row || row.request_sha256 !== key.requestSha256)
    throw new DomainError('validation', `Idempotency-Key ${key.key} reused for a different request`, {
      fields: { 'Idempotency-Key': 'This key was used for a different request: use a new key for a new request' },
      userMessage: 'This Idempotency-Key was already used for a different request.',
    })
  return { body: row.response_body, replayed: true }
}
