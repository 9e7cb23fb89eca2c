import fs from 'node:fs/promises'
import path from 'node:path'
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto'

/**
 * Encrypted file store for documents (identity evidence, request material, letters, bundles).
 * Each blob is one file: "RDB1" ‖ 12-byte IV ‖ AES-256-GCM ciphertext ‖ 16-byte tag, with the blob key
 * as associated data so a file cannot be swapped for another undetected. Files are written to a temp
 * name and renamed, so a crash never leaves half a blob under a real key.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<string>
  get(key: string): Promise<Buffer>
  /** Deletes the blob; resolves even if it was already gone (a purge must be repeatable). */
  delete(key: string): Promise<void>
  exists(key: string): Promise<boolean>
}

const MAGIC = Buffer.from('RDB1')
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function createBlobStore(root: string, masterKey: Buffer): BlobStore {
  if (masterKey.length !== 32) throw new Error('the blob encryption key must be 32 bytes (AES-256)')
  const fileOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a blob key: ${key}`)
    return path.join(root, key.slice(0, 2), key)
  }
  return {
    async put(bytes) {
      const key = randomUUID()
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv)
      cipher.setAAD(Buffer.from(key))
      const body = Buffer.concat([cipher.update(bytes), cipher.final()])
      const file = fileOf(key)
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
      const tmp = `${file}.tmp-${process.pid}`
      const handle = await fs.open(tmp, 'w', 0o600)
      try {
        await handle.writeFile(Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(tmp, file)
      return key
    },
    async get(key) {
      const raw = await fs.readFile(fileOf(key))
      if (raw.length < 32 || !raw.subarray(0, 4).equals(MAGIC)) throw new Error(`blob ${key} is not a Rightsdesk blob`)
      const decipher = createDecipheriv('aes-256-gcm', masterKey, raw.subarray(4, 16))
      decipher.setAAD(Buffer.from(key))
      decipher.setAuthTag(raw.subarray(raw.length - 16))
      return Buffer.concat([decipher.update(raw.subarray(16, raw.length - 16)), decipher.final()])
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true })
    },
    async exists(key) {
      return fs.access(fileOf(key)).then(
        () => true,
        () => false,
      )
    },
  }
}
