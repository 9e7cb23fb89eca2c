import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import type { IngestContext } from './context.js'
import { emailDocuments, type EmailContent } from './email-render.js'
import { htmlToText } from './html-text.js'
import { IngestError, type IngestedDocument } from './types.js'

/** An RFC 822 / MIME email (.eml) and, through emailDocuments, its attachments. */
export async function ingestEml(
  buf: Buffer,
  source: { sourceName: string; sha256: string },
  ctx: IngestContext,
): Promise<IngestedDocument[]> {
  let parsed: ParsedMail
  try {
    // skipHtmlToText: an HTML-only body is converted by our sanitising converter, never mailparser's own.
    parsed = await simpleParser(buf, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true })
  } catch (err) {
    throw new IngestError(`the email cannot be parsed (${err instanceof Error ? err.message : String(err)})`)
  }
  assertComplete(buf, parsed)
  return emailDocuments(toContent(parsed), { kind: 'email', ...source }, ctx)
}

function toContent(parsed: ParsedMail): EmailContent {
  const warnings: string[] = []
  const text = parsed.text?.trim() ?? ''
  const fromHtml = parsed.html ? htmlToText(parsed.html) : ''
  // Some senders put a stub in the plain part ("view this message in HTML"): use the HTML when it says much more.
  const body = text.length >= fromHtml.length * 0.3 ? text : fromHtml
  return {
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: [addresses(parsed.cc), addresses(parsed.bcc) && `(Bcc) ${addresses(parsed.bcc)}`].filter(Boolean).join('; '),
    date: parsed.date,
    subject: parsed.subject,
    body,
    attachments: parsed.attachments
      .filter((a) => a.content.length > 0)
      .map((a, i) => ({ filename: a.filename ?? `attachment ${i + 1}`, content: new Uint8Array(a.content) })),
    messageId: parsed.messageId,
    warnings,
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!value) return undefined
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ')
}

/**
 * A multipart message cut short has no closing boundary. mailparser would quietly return what it could read; the
 * reader would never know an attachment or the rest of the body was lost, so refuse it instead.
 */
function assertComplete(buf: Buffer, parsed: ParsedMail): void {
  const type = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined
  const boundary = type?.params?.boundary
  if (type?.value?.startsWith('multipart/') && boundary && !buf.includes(`--${boundary}--`)) {
    throw new IngestError('the email is truncated: its MIME parts end before the closing boundary')
  }
}
