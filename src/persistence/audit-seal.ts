import { createHash, createHmac, createPublicKey, hkdfSync, sign, timingSafeEqual, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

/**
 * The keys that make the audit trail prove itself (docs/adr/0008-audit-checkpoints.md). One Ed25519 key, never in
 * the database, gives:
 * - the checkpoint signature: Ed25519 over each checkpoint of the chain head, checkable with the public key alone;
 * - the event seal key: HKDF-SHA256 of the private key, for an HMAC of every event's chain hash. Without it nobody
 *   can recompute a chain (a consistent rewrite) or extend it (a forged append) so that it still verifies.
 */
export interface AuditKeys {
  privateKey: KeyObject
  publicKey: KeyObject
  /** First 16 hex digits of SHA-256 of the raw public key: names the key a checkpoint was signed with. */
  keyId: string
  sealKey: Buffer
}

export function auditKeysFrom(privateKey: KeyObject): AuditKeys {
  const jwk = privateKey.export({ format: 'jwk' })
  if (jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x) throw new Error('the audit signing key must be Ed25519')
  const seed = Buffer.from(jwk.d, 'base64url')
  const sealKey = Buffer.from(hkdfSync('sha256', seed, 'rightsdesk audit', 'event seal v1', 32))
  const keyId = createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16)
  return { privateKey, publicKey: createPublicKey(privateKey), keyId, sealKey }
}

let active: AuditKeys | null = null

/**
 * Sets the keys every append in this process seals with (the composition root does, once). A process without keys
 * writes unsealed events: only tests that build their own services do, and `audit verify` refuses such events once
 * the trail has a checkpoint.
 */
export function useAuditKeys(keys: AuditKeys | null): void {
  active = keys
}

export function activeAuditKeys(): AuditKeys | null {
  return active
}

/** The seal of one event: HMAC-SHA256 of its chain hash (which already commits to every event before it). */
export function sealOf(keys: AuditKeys, hash: string): string {
  return createHmac('sha256', keys.sealKey).update(hash, 'utf8').digest('hex')
}

export function sealMatches(keys: AuditKeys, hash: string, seal: string | null): boolean {
  if (seal === null || !/^[0-9a-f]{64}$/.test(seal)) return false
  return timingSafeEqual(Buffer.from(sealOf(keys, hash), 'hex'), Buffer.from(seal, 'hex'))
}

export function signText(keys: AuditKeys, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), keys.privateKey).toString('base64')
}

export function signatureMatches(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
