import fs from 'node:fs/promises'
import path from 'node:path'
import type MailComposerClass from 'nodemailer/lib/mail-composer'
import type { PSTMessage } from 'pst-extractor'
import { readMboxMessage } from '../mail/mbox-reader.js'
import { dataMapSchema } from '../connectors/data-map.js'
import { openConnector } from '../connectors/open.js'
import { findPstMessage, pstMessage } from './pst-source.js'
import type { SourceRef } from './types.js'
import { baseOf } from './walk.js'
import { lazyRequire } from '../../lazy-require.js'

// Only an Outlook message shown as an original needs it: not loaded with the web server (issue 12).
const mailComposer = lazyRequire<typeof MailComposerClass>('nodemailer/lib/mail-composer')

/** The item as it is in the source, to become case material: an email as .eml, a file as itself, a row as JSON. */
export interface Original {
  filename: string
  bytes: Uint8Array
}

const safe = (s: string) =>
  s
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .trim()
    .slice(0, 80) || 'item'

/** Reads one item again from its source by its locator. Reading only: the source is never changed. */
export async function readOriginal(source: SourceRef, locator: string, title: string): Promise<Original> {
  const base = source.kind === 'postgres' || source.kind === 'mysql' ? '' : await baseOf(source.location)
  const inside = (rel: string) => {
    const file = path.resolve(base, rel)
    // A locator comes from our own index, but a path must still never leave the source's folder.
    if (!file.startsWith(path.resolve(base) + path.sep)) throw new Error(`${rel} is outside the source`)
    return file
  }
  switch (source.kind) {
    case 'mbox': {
      const at = locator.lastIndexOf('@')
      const bytes = await readMboxMessage(inside(locator.slice(0, at)), Number(locator.slice(at + 1)))
      return { filename: `${safe(title)}.eml`, bytes }
    }
    case 'email-folder':
    case 'file-share':
      return { filename: path.basename(locator), bytes: new Uint8Array(await fs.readFile(inside(locator))) }
    case 'pst': {
      const colon = locator.indexOf(':')
      const hash = locator.lastIndexOf('#')
      const m = findPstMessage(inside(locator.slice(0, colon)), locator.slice(colon + 1, hash), locator.slice(hash + 1))
      if (!m) throw new Error(`the message ${locator} is no longer in the PST file`)
      return { filename: `${safe(title)}.eml`, bytes: await pstToEml(m) }
    }
    case 'postgres':
    case 'mysql':
      return { filename: `${safe(locator.replace('#', ' '))}.json`, bytes: Buffer.from(await readRow(source, locator)) }
  }
}

async function pstToEml(m: PSTMessage): Promise<Uint8Array> {
  const p = pstMessage(m)
  const attachments = []
  for (let i = 0; i < m.numberOfAttachments; i++) {
    const a = m.getAttachment(i)
    const stream = a.fileInputStream
    if (!stream) continue
    const chunks: Buffer[] = []
    const buffer = Buffer.alloc(8176)
    for (let n = stream.read(buffer); n > 0; n = stream.read(buffer)) chunks.push(Buffer.from(buffer.subarray(0, n)))
    attachments.push({
      filename: a.longFilename || a.filename || `attachment ${i + 1}`,
      content: Buffer.concat(chunks),
    })
  }
  const MailComposer = mailComposer()
  const mail = new MailComposer({
    from: p.from,
    to: p.to,
    cc: p.cc,
    subject: p.subject,
    date: p.date,
    messageId: p.messageId,
    text: p.body,
    attachments,
  })
  return new Promise((resolve, reject) => mail.compile().build((err, out) => (err ? reject(err) : resolve(out))))
}

async function readRow(source: SourceRef, locator: string): Promise<string> {
  const hash = locator.indexOf('#')
  const table = locator.slice(0, hash)
  const key = locator.slice(hash + 1)
  const t = dataMapSchema.parse(source.dataMap).tables.find((x) => x.table === table)
  if (!t || !source.connection || (source.kind !== 'postgres' && source.kind !== 'mysql'))
    throw new Error('no such table')
  const db = openConnector(source.kind, source.connection)
  try {
    const d = db.dialect
    const rows = await db.readOnly((s) =>
      s.query(`SELECT * FROM ${d.quote(t.table)} WHERE ${d.asText(t.primaryKey)} = $1`, [key]),
    )
    if (rows.length === 0) throw new Error(`${locator} is no longer in the database`)
    return JSON.stringify({ table: t.label ?? t.table, row: rows[0] }, null, 2)
  } finally {
    await db.close()
  }
}
