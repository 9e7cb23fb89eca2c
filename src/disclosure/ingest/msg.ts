import msgReaderModule, { type FieldsData } from '@kenjiuno/msgreader'
import type { IngestContext } from './context.js'
import { emailDocuments, type EmailContent } from './email-render.js'
import { htmlToText } from './html-text.js'
import { IngestError, type IngestedDocument } from './types.js'

// The package is CommonJS with an ES-style default: Node hands ESM the whole exports object, bundlers the class.
type MsgReaderClass = typeof msgReaderModule.default
const MsgReader: MsgReaderClass =
  (msgReaderModule as { default?: MsgReaderClass }).default ?? (msgReaderModule as unknown as MsgReaderClass)

/** An Outlook message (.msg, a Compound File) and its attachments. */
export async function ingestMsg(
  buf: Buffer,
  source: { sourceName: string; sha256: string },
  ctx: IngestContext,
): Promise<IngestedDocument[]> {
  let reader: InstanceType<MsgReaderClass>
  let data: FieldsData
  try {
    reader = new MsgReader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer)
    data = reader.getFileData()
  } catch (err) {
    throw new IngestError(`the Outlook message cannot be read (${err instanceof Error ? err.message : String(err)})`)
  }
  if (data.error) throw new IngestError(`not an Outlook message (${data.error})`)
  // A damaged or non-message Compound File (an old .doc, say) reads as a message with nothing in it.
  if (!data.subject && !data.body && !data.bodyHtml && !data.html && !data.senderEmail && !data.senderName) {
    throw new IngestError(
      'not a readable Outlook message (no sender, subject or body): it may be damaged, or an old Office file',
    )
  }
  const warnings: string[] = []
  const attachments: EmailContent['attachments'] = []
  for (const att of data.attachments ?? []) {
    const name = att.fileName ?? att.name ?? 'attachment'
    if (att.innerMsgContent) {
      warnings.push(`attachment "${name}" (an embedded Outlook message) not included: save it as a file and add it`)
      continue
    }
    const file = reader.getAttachment(att)
    if (file.content.length > 0) attachments.push({ filename: file.fileName || name, content: file.content })
  }
  const content: EmailContent = {
    from: person(data.senderName, data.senderEmail ?? data.creatorSMTPAddress),
    to: recipients(data, 'to'),
    cc: [recipients(data, 'cc'), recipients(data, 'bcc') && `(Bcc) ${recipients(data, 'bcc')}`]
      .filter(Boolean)
      .join('; '),
    date: parseDate(data.messageDeliveryTime ?? data.clientSubmitTime),
    subject: data.subject,
    body: data.body?.trim() || bodyFromHtml(data),
    attachments,
    messageId: /^Message-ID:\s*(\S+)/im.exec(data.headers ?? '')?.[1],
    warnings,
  }
  return emailDocuments(content, { kind: 'msg', ...source }, ctx)
}

function person(name: string | undefined, email: string | undefined): string | undefined {
  if (name && email && name !== email) return `${name} <${email}>`
  return name ?? email
}

function recipients(data: FieldsData, type: 'to' | 'cc' | 'bcc'): string {
  return (data.recipients ?? [])
    .filter((r) => (r.recipType ?? 'to') === type)
    .map((r) => person(r.name, r.smtpAddress ?? r.email))
    .filter(Boolean)
    .join(', ')
}

function bodyFromHtml(data: FieldsData): string {
  if (data.bodyHtml) return htmlToText(data.bodyHtml)
  if (data.html) return htmlToText(Buffer.from(data.html).toString('utf8'))
  return ''
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
