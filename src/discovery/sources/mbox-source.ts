import fs from 'node:fs/promises'
import path from 'node:path'
import { emailItem, sha1, type PendingItem } from '../index/item.js'
import { parseMessage } from '../mail/parse-message.js'
import { readMbox } from '../mail/mbox-reader.js'
import type { ReadBatch, SourceReader } from './types.js'
import { baseOf, walkFiles } from './walk.js'

/** True when a file starts like an mbox (its first line a "From " separator). */
async function looksLikeMbox(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r')
  try {
    const head = Buffer.alloc(5)
    await handle.read(head, 0, 5, 0)
    return head.toString('latin1') === 'From '
  } finally {
    await handle.close()
  }
}

/**
 * Mailbox exports in mbox form (Thunderbird, Google Takeout, Python's mailbox): one unit per file; the cursor is the
 * byte offset of the next message, and each message is found again by its offset ("inbox.mbox@123456").
 */
export const mboxReader: SourceReader = {
  async plan(source) {
    const base = await baseOf(source.location)
    const files = await walkFiles(source.location)
    const units = []
    for (const f of files) if (await looksLikeMbox(path.join(base, f))) units.push({ key: f, cursor: { offset: 0 } })
    return units
  },
  async *read(source, unit, batchSize) {
    const file = path.join(await baseOf(source.location), unit.key)
    let batch: PendingItem[] = []
    let next = (unit.cursor as { offset: number }).offset
    for await (const m of readMbox(file, next)) {
      const version = sha1(m.raw)
      const locator = `${unit.key}@${m.offset}`
      batch.push({ locator, version, build: async () => emailItem(await parseMessage(m.raw), locator, version) })
      next = m.offset + m.length
      if (batch.length >= batchSize) {
        yield { items: batch, cursor: { offset: next }, problems: [] } satisfies ReadBatch
        batch = []
      }
    }
    if (batch.length > 0) yield { items: batch, cursor: { offset: next }, problems: [] }
  },
}
