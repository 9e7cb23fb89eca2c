import path from 'node:path'
import type { PSTFile, PSTFolder, PSTMessage } from 'pst-extractor'
import type * as Pst from 'pst-extractor'
import { lazyRequire } from '../../lazy-require.js'
import { emailItem, sha1, type PendingItem } from '../index/item.js'
import type { ParsedMessage } from '../mail/parse-message.js'
import type { ReadBatch, SourceReader } from './types.js'
import { baseOf, walkFiles } from './walk.js'

const pstExtractor = lazyRequire<typeof Pst>('pst-extractor')
const PstFile = () => pstExtractor().PSTFile

const PST_FILE = /\.(pst|ost)$/i

interface PstCursor {
  folder: number
  child: number
}

/** Every folder of a PST, depth first, with its path ("Top of Personal Folders/Inbox"). */
export function pstFolders(pst: PSTFile): { path: string; folder: PSTFolder }[] {
  const out: { path: string; folder: PSTFolder }[] = []
  const visit = (folder: PSTFolder, prefix: string) => {
    const here = prefix ? `${prefix}/${folder.displayName}` : folder.displayName || ''
    out.push({ path: here, folder })
    if (folder.hasSubfolders) for (const child of folder.getSubFolders()) visit(child, here)
  }
  visit(pst.getRootFolder(), '')
  return out
}

export function pstMessage(m: PSTMessage): ParsedMessage {
  const from =
    m.senderEmailAddress && m.senderName !== m.senderEmailAddress
      ? `${m.senderName} <${m.senderEmailAddress}>`
      : m.senderName
  const attachmentNames: string[] = []
  for (let i = 0; i < m.numberOfAttachments; i++) {
    const a = m.getAttachment(i)
    attachmentNames.push(a.longFilename || a.filename || `attachment ${i + 1}`)
  }
  return {
    messageId: m.internetMessageId || undefined,
    date: m.messageDeliveryTime ?? m.clientSubmitTime ?? undefined,
    from: from ?? '',
    to: m.displayTo ?? '',
    cc: m.displayCC ?? '',
    displayNames: '',
    subject: m.subject ?? '',
    body: m.body ?? '',
    attachmentNames,
  }
}

/**
 * Outlook data files (.pst, .ost) through pst-extractor: one unit per file; the cursor is the folder and the message
 * within it. A message is found again by its folder path and descriptor node ("Inbox#2097188").
 */
export const pstReader: SourceReader = {
  async plan(source) {
    return (await walkFiles(source.location, (n) => PST_FILE.test(n))).map((f) => ({
      key: f,
      cursor: { folder: 0, child: 0 } satisfies PstCursor,
    }))
  },
  async *read(source, unit, batchSize) {
    const pst = new (PstFile())(path.join(await baseOf(source.location), unit.key))
    try {
      const folders = pstFolders(pst)
      const start = unit.cursor as PstCursor
      for (let f = start.folder; f < folders.length; f++) {
        const { path: folderPath, folder } = folders[f]!
        if (folder.contentCount === 0) continue
        let child = f === start.folder ? start.child : 0
        folder.moveChildCursorTo(child)
        let items: PendingItem[] = []
        for (let m = folder.getNextChild() as PSTMessage | null; m; m = folder.getNextChild() as PSTMessage | null) {
          child++
          const parsed = pstMessage(m)
          const locator = `${unit.key}:${folderPath}#${m.descriptorNodeId.toString()}`
          const version = sha1(`${parsed.subject}\n${parsed.date?.toISOString()}\n${parsed.body}`)
          items.push({ locator, version, build: async () => emailItem(parsed, locator, version) })
          if (items.length >= batchSize) {
            yield { items, cursor: { folder: f, child } satisfies PstCursor, problems: [] } satisfies ReadBatch
            items = []
          }
        }
        yield { items, cursor: { folder: f + 1, child: 0 } satisfies PstCursor, problems: [] }
      }
    } finally {
      // pst-extractor opens the file read-only and keeps the descriptor until close.
      pst.close()
    }
  },
}

/** One message again, for adding to a case: its folder is walked until the descriptor node is found. */
export function findPstMessage(file: string, folderPath: string, nodeId: string): PSTMessage | undefined {
  const pst = new (PstFile())(file)
  const entry = pstFolders(pst).find((f) => f.path === folderPath)
  if (!entry) return undefined
  for (
    let m = entry.folder.getNextChild() as PSTMessage | null;
    m;
    m = entry.folder.getNextChild() as PSTMessage | null
  ) {
    if (m.descriptorNodeId.toString() === nodeId) return m
  }
  return undefined
}
