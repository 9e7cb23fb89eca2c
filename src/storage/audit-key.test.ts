import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.js'
import { auditKeysFrom, sealMatches, sealOf } from '../persistence/audit-seal.js'
import { AUDIT_PUBLIC_KEY_FILE, auditKeyPath, loadAuditSigningKey, parseAuditSigningKey } from './audit-key.js'

const ed25519 = generateKeyPairSync('ed25519').privateKey
const pem = ed25519.export({ format: 'pem', type: 'pkcs8' }).toString()
const base64 = ed25519.export({ format: 'der', type: 'pkcs8' }).toString('base64')
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString()
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  BLOB_ENCRYPTION_KEY: 'ab'.repeat(32),
  RIGHTSDESK_BASE_URL: 'https://rightsdesk.example',
}

let dir = ''
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-audit-key-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('the audit signing key (ADR 0008)', () => {
  it('is read as PEM or base64 PKCS#8, and must be Ed25519', () => {
    expect(parseAuditSigningKey(pem).asymmetricKeyType).toBe('ed25519')
    expect(auditKeysFrom(parseAuditSigningKey(base64)).keyId).toBe(auditKeysFrom(ed25519).keyId)
    expect(() => parseAuditSigningKey(rsaPem)).toThrow(/is a rsa key, not Ed25519/)
    expect(() => parseAuditSigningKey('not a key')).toThrow(/is not a private key/)
  })

  it('seals an event hash so that only the same key matches it', () => {
    const keys = auditKeysFrom(ed25519)
    const other = auditKeysFrom(generateKeyPairSync('ed25519').privateKey)
    const hash = 'a'.repeat(64)
    expect(sealMatches(keys, hash, sealOf(keys, hash))).toBe(true)
    expect(sealMatches(keys, 'b'.repeat(64), sealOf(keys, hash))).toBe(false)
    expect(sealMatches(keys, hash, sealOf(other, hash))).toBe(false)
    expect(sealMatches(keys, hash, null)).toBe(false)
  })

  it('is generated once into <data>/keys in development, with its public half beside it', async () => {
    const dataDir = path.join(dir, 'dev')
    const first = await loadAuditSigningKey(dataDir, undefined, { generate: true })
    const again = await loadAuditSigningKey(dataDir, undefined, { generate: true })
    expect(auditKeysFrom(again).keyId).toBe(auditKeysFrom(first).keyId)
    expect((await fs.stat(auditKeyPath(dataDir))).mode & 0o777).toBe(0o600)
    await expect(fs.readFile(path.join(dataDir, 'keys', AUDIT_PUBLIC_KEY_FILE), 'utf8')).resolves.toMatch(
      /BEGIN PUBLIC KEY/,
    )
    await expect(loadAuditSigningKey(path.join(dir, 'none'), undefined, { generate: false })).rejects.toThrow(
      /no audit signing key/,
    )
  })

  it('is required in production, from AUDIT_SIGNING_KEY or a key file placed in the keys directory', async () => {
    const dataDir = path.join(dir, 'prod')
    expect(() => loadConfig({ ...production, RIGHTSDESK_DATA_DIR: dataDir })).toThrow(
      /AUDIT_SIGNING_KEY must be set .* when NODE_ENV=production/,
    )
    expect(loadConfig({ ...production, RIGHTSDESK_DATA_DIR: dataDir, AUDIT_SIGNING_KEY: base64 }).NODE_ENV).toBe(
      'production',
    )
    await fs.mkdir(path.join(dataDir, 'keys'), { recursive: true })
    await fs.writeFile(auditKeyPath(dataDir), pem, { mode: 0o600 })
    expect(loadConfig({ ...production, RIGHTSDESK_DATA_DIR: dataDir }).NODE_ENV).toBe('production')
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: rsaPem })).toThrow(/AUDIT_SIGNING_KEY is a rsa key, not Ed25519/)
    expect(() => loadConfig({ AUDIT_CHECKPOINT_EMAIL: 'nobody' })).toThrow(/AUDIT_CHECKPOINT_EMAIL must be an email/)
  })
})
