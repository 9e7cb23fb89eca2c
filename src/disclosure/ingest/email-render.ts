import { renderTextPdf, type TextBlock } from '../pdf/index.js'
import { sha256, type IngestContext } from './context.js'
import type { DocumentKind, IngestedDocument } from './types.js'

/** An email reduced to what a reader sees: the header block, the body as text, and its attachments. */
export interface EmailContent {
  from?: string
  to?: string
  cc?: string
  date?: Date
  subject?: string
  body: string
  attachments: { filename: string; content: Uint8Array }[]
  messageId?: string
  warnings: string[]
}

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'full',
  timeStyle: 'long',
  timeZone: 'Europe/London',
})

/**
 * The email as a document (header block: From, To, Cc, Date, Subject; then the body) followed by one document
 * per attachment, each ingested like an uploaded file. An attachment that cannot be used is named in a warning
 * on the email and the email is marked for manual review, so nothing disappears silently.
 */
export async function emailDocuments(
  email: EmailContent,
  source: { kind: DocumentKind; sourceName: string; sha256: string },
  ctx: IngestContext,
): Promise<IngestedDocument[]> {
  const warnings = [...email.warnings]
  const attached: IngestedDocument[] = []
  for (const a of email.attachments) {
    if (ctx.depth + 1 > ctx.limits.maxAttachmentDepth) {
      warnings.push(`attachment "${a.filename}" not included: attachments are nested too deeply`)
      continue
    }
    const result = await ctx.nested(a.content, `${source.sourceName} › ${a.filename}`, ctx.depth + 1)
    if (result.error) warnings.push(`attachment "${a.filename}" not included: ${result.error}`)
    attached.push(...result.documents)
  }
  const rendered = renderTextPdf(emailBlocks(email))
  if (rendered.unrepresentable > 0) {
    warnings.push(`${rendered.unrepresentable} characters cannot be shown in the standard font and appear as "?"`)
  }
  const document: IngestedDocument = {
    title: email.subject?.trim() || '(no subject)',
    kind: source.kind,
    sourceName: source.sourceName,
    sha256: source.sha256,
    pdf: rendered.pdf,
    pageCount: rendered.pageCount,
    needsManualReview: warnings.length > 0,
    warnings,
    email: { messageId: email.messageId, contentHash: contentHash(email) },
  }
  return [document, ...attached]
}

function emailBlocks(email: EmailContent): TextBlock[] {
  const blocks: TextBlock[] = [{ text: email.subject?.trim() || '(no subject)', font: 'bold', size: 13 }]
  const field = (label: string, value: string | undefined, spaceBefore = 0) => {
    if (value && value.trim() !== '') blocks.push({ label, text: value.trim(), spaceBefore })
  }
  field('From:', email.from, 8)
  field('To:', email.to)
  field('Cc:', email.cc)
  field('Date:', email.date && !Number.isNaN(email.date.getTime()) ? LONDON_DATE.format(email.date) : undefined)
  field('Subject:', email.subject)
  if (email.attachments.length > 0) field('Attachments:', email.attachments.map((a) => a.filename).join(', '))
  blocks.push({ rule: true, text: '', spaceBefore: 4 })
  blocks.push({ text: email.body.replace(/\r\n?/g, '\n').trimEnd() || '(no text)', spaceBefore: 4 })
  return blocks
}

/** The same message copied into several mailboxes has the same subject and body, whatever its envelope says. */
function contentHash(email: EmailContent): string {
  const fold = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim()
  return sha256(`${fold(email.subject)}\n${fold(email.body)}`)
}
