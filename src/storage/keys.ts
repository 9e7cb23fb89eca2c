import fs from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Returns the secret from the environment when given, otherwise one generated once into
 * <data>/keys/<name> (0600), so a demo or small office has working secrets with nothing to set up.
 * Production refuses to start without them (config.ts), because keys on the same disk as the data they
 * protect do not protect it.
 */
export async function loadOrCreateKey(dataDir: string, name: string, fromEnv: string | undefined): Promise<Buffer> {
  if (fromEnv) return /^[0-9a-fA-F]{64}$/.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'utf8')
  const dir = path.join(dataDir, 'keys')
  const file = path.join(dir, name)
  try {
    return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'hex')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  const key = randomBytes(32)
  try {
    await fs.writeFile(file, key.toString('hex'), { mode: 0o600, flag: 'wx' })
    return key
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'hex')
    throw err
  }
}
