import fs from 'node:fs/promises'
import path from 'node:path'
import { buildItem, emailItem, type IndexItem, type PendingItem } from '../index/item.js'
import { parseMessage } from '../mail/parse-message.js'
import type { PlannedUnit, ReadBatch, SourceReader, SourceRef } from './types.js'
import { baseOf, walkFiles } from './walk.js'

const FILES_PER_UNIT = 500

interface FilesCursor {
  files: string[]
  next: number
}

/** Files are planned in batches of 500, each batch a unit, so several workers share a large share. */
async function planFiles(source: SourceRef, accept?: (name: string) => boolean): Promise<PlannedUnit[]> {
  const files = await walkFiles(source.location, accept)
  const units: PlannedUnit[] = []
  for (let i = 0; i < files.length; i += FILES_PER_UNIT) {
    const part = files.slice(i, i + FILES_PER_UNIT)
    units.push({ key: `${part[0]} … ${part[part.length - 1]}`, cursor: { files: part, next: 0 } satisfies FilesCursor })
  }
  return units
}

type Build = (file: string, rel: string, version: string) => Promise<IndexItem | null>

function filesReader(build: Build, accept?: (name: string) => boolean): SourceReader {
  return {
    plan: (source) => planFiles(source, accept),
    async *read(source, unit, batchSize) {
      const base = await baseOf(source.location)
      const cursor = unit.cursor as FilesCursor
      let items: PendingItem[] = []
      for (let i = cursor.next; i < cursor.files.length; i++) {
        const rel = cursor.files[i]!
        const file = path.join(base, rel)
        const stat = await fs.stat(file).catch(() => null)
        // A file gone since the run was planned is not an error: the run's clean-up removes it from the index.
        if (stat) {
          const version = `${stat.size}:${Math.floor(stat.mtimeMs)}`
          items.push({ locator: rel, version, build: () => build(file, rel, version) })
        }
        if (items.length >= batchSize || i === cursor.files.length - 1) {
          yield { items, cursor: { files: cursor.files, next: i + 1 }, problems: [] } satisfies ReadBatch
          items = []
        }
      }
    },
  }
}

const EMAIL_FILE = /\.(eml|msg)$/i

/** A folder of .eml and .msg files (an export of one mailbox, or many). */
export const emailFolderReader = filesReader(
  async (file, rel, version) => {
    const bytes = await fs.readFile(file)
    if (/\.msg$/i.test(rel)) return fileItem(bytes, rel, version)
    return emailItem(await parseMessage(bytes), rel, version)
  },
  (name) => EMAIL_FILE.test(name),
)

/** A folder or file share: every file goes through the disclosure ingest, as uploaded material does. */
export const fileShareReader = filesReader(async (file, rel, version) =>
  fileItem(await fs.readFile(file), rel, version),
)

async function fileItem(bytes: Uint8Array, rel: string, version: string) {
  const { ingestFile } = await import('../../disclosure/ingest/index.js')
  const { readPageTexts } = await import('../../disclosure/pdf/index.js')
  const result = await ingestFile(bytes, path.basename(rel))
  if (result.error !== undefined) throw new Error(result.error)
  const first = result.documents[0]
  const text = result.documents.map((d) => readPageTexts(d.pdf).join('\f')).join('\n\n')
  return buildItem({
    locator: rel,
    kind: 'file',
    version,
    messageId: first?.email?.messageId ?? null,
    title: first?.title ?? path.basename(rel),
    sender: null,
    recipients: null,
    sentAt: null,
    text: `${rel}\n\n${text}`,
  })
}
