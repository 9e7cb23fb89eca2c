import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createBlobStore } from './blob-store.js'

const roots: string[] = []
async function store() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-blobs-'))
  roots.push(root)
  return { root, blobs: createBlobStore(root, randomBytes(32)) }
}
afterAll(async () => Promise.all(roots.map((r) => fs.rm(r, { recursive: true, force: true }))))

async function allFileBytes(root: string): Promise<Buffer> {
  const parts: Buffer[] = []
  for (const dir of await fs.readdir(root)) {
    for (const f of await fs.readdir(path.join(root, dir))) parts.push(await fs.readFile(path.join(root, dir, f)))
  }
  return Buffer.concat(parts)
}

describe('the encrypted blob store', () => {
  it('gives back exactly what was stored', async () => {
    const { blobs } = await store()
    const bytes = randomBytes(5000)
    const key = await blobs.put(bytes)
    expect((await blobs.get(key)).equals(bytes)).toBe(true)
  })

  it('never writes the plain bytes to disk', async () => {
    const { root, blobs } = await store()
    await blobs.put(Buffer.from('PASSPORT NUMBER 123456789 JANE DOE'))
    expect((await allFileBytes(root)).includes(Buffer.from('JANE DOE'))).toBe(false)
  })

  it('refuses a blob that was tampered with', async () => {
    const { root, blobs } = await store()
    const key = await blobs.put(Buffer.from('identity document'))
    const file = path.join(root, key.slice(0, 2), key)
    const raw = await fs.readFile(file)
    raw[20] = raw[20]! ^ 0xff
    await fs.writeFile(file, raw)
    await expect(blobs.get(key)).rejects.toThrow()
  })

  it('deletes a blob so that nothing of it is left, and deleting twice is fine', async () => {
    const { root, blobs } = await store()
    const key = await blobs.put(Buffer.from('utility bill'))
    await blobs.delete(key)
    await blobs.delete(key)
    expect(await blobs.exists(key)).toBe(false)
    expect((await allFileBytes(root)).length).toBe(0)
  })

  it('rejects keys that could escape the store', async () => {
    const { blobs } = await store()
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow('not a blob key')
  })
})
