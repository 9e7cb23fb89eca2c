import { sha256, type IngestContext } from './context.js'
import { ingestEml } from './eml.js'
import { IngestError, type IngestedDocument } from './types.js'

/**
 * An mbox mailbox (mboxo/mboxrd, as written by Thunderbird, Python's mailbox or Google Takeout): each message
 * starts with a "From " line after a blank line; body lines that began with "From " were escaped as ">From ".
 */
export function splitMbox(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const messages: string[] = []
  let current: string[] | undefined
  lines.forEach((line, i) => {
    if (line.startsWith('From ') && (i === 0 || lines[i - 1] === '')) {
      if (current) messages.push(current.join('\n'))
      current = []
      return
    }
    current?.push(line.replace(/^>(>*From )/, '$1'))
  })
  if (current) messages.push(current.join('\n'))
  return messages.filter((m) => m.trim() !== '')
}

export async function ingestMbox(text: string, sourceName: string, ctx: IngestContext): Promise<IngestedDocument[]> {
  const messages = splitMbox(text)
  if (messages.length > ctx.limits.maxDocumentsPerFile) {
    throw new IngestError(
      `the mailbox holds ${messages.length} messages; the limit is ${ctx.limits.maxDocumentsPerFile}`,
    )
  }
  const documents: IngestedDocument[] = []
  for (const [i, message] of messages.entries()) {
    const bytes = Buffer.from(message, 'utf8')
    try {
      documents.push(...(await ingestEml(bytes, { sourceName: `${sourceName} #${i + 1}`, sha256: sha256(bytes) }, ctx)))
    } catch (err) {
      throw new IngestError(`message ${i + 1} of the mailbox: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  return documents
}
