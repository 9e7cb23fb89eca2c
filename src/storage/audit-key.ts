import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'

/** Where a generated (development, demo) or operator-placed audit signing key lives: <data>/keys/<this>. */
export const AUDIT_KEY_FILE = 'audit-signing-key.pem'
/** Its public half, written beside it for whoever checks checkpoints without the private key (an auditor). */
export const AUDIT_PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem'

/**
 * Reads an Ed25519 private key given as PEM or as base64 of its PKCS#8 DER encoding (what `openssl genpkey
 * -algorithm ed25519` writes, with or without the armour). Throws a one-line message for anything else.
 */
export function parseAuditSigningKey(text: string): KeyObject {
  const trimmed = text.trim()
  let key: KeyObject
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' })
  } catch {
    throw new Error('is not a private key (expected Ed25519, PEM or base64 PKCS#8)')
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`)
  return key
}

export function auditKeyPath(dataDir: string): string {
  return path.join(dataDir, 'keys', AUDIT_KEY_FILE)
}

/** Whether a key file has been placed in the keys directory (production accepts that instead of the variable). */
export function auditKeyFileExists(dataDir: string): boolean {
  return existsSync(auditKeyPath(dataDir))
}

/**
 * The audit signing key: AUDIT_SIGNING_KEY when set, else <data>/keys/audit-signing-key.pem. With neither, one is
 * generated there (0600) unless `generate` is false (production: config.ts has already refused to start). The
 * public half is written beside it so that checkpoints can be checked by someone who must not hold the private key.
 */
export async function loadAuditSigningKey(
  dataDir: string,
  fromEnv: string | undefined,
  options: { generate: boolean },
): Promise<KeyObject> {
  if (fromEnv) return parseAuditSigningKey(fromEnv)
  const file = auditKeyPath(dataDir)
  try {
    return parseKeyFile(file, await fs.readFile(file, 'utf8'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  if (!options.generate) throw new Error(`no audit signing key: set AUDIT_SIGNING_KEY or place ${file}`)
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  try {
    await fs.writeFile(file, pem, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseKeyFile(file, await fs.readFile(file, 'utf8'))
    throw err
  }
  const pub = publicKey.export({ format: 'pem', type: 'spki' }).toString()
  await fs.writeFile(path.join(path.dirname(file), AUDIT_PUBLIC_KEY_FILE), pub, { mode: 0o644 })
  return privateKey
}

function parseKeyFile(file: string, text: string): KeyObject {
  try {
    return parseAuditSigningKey(text)
  } catch (err) {
    throw new Error(`${file} ${(err as Error).message}`, { cause: err })
  }
}
