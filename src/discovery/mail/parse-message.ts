import type { AddressObject } from 'mailparser'
import type * as Mailparser from 'mailparser'
import { lazyRequire } from '../../lazy-require.js'
import { htmlToText } from '../../disclosure/ingest/html-text.js'

const mailparser = lazyRequire<typeof Mailparser>('mailparser')

/** An email as the index needs it: who, when, what, and the text a reader sees. */
export interface ParsedMessage {
  messageId?: string
  date?: Date
  from: string
  to: string
  cc: string
  /** Display names from exports that carry them apart (X-From, X-To, X-cc in Exchange and Lotus exports). */
  displayNames: string
  subject: string
  body: string
  attachmentNames: string[]
}

const HEADER_LINE = /^([!-9;-~]+):[ \t]*(.*)$/

/**
 * Most archived mail is one text part. It is read here directly (headers unfolded, RFC 2047 words, quoted-printable
 * and base64, the declared charset), several times faster than a full MIME parser; anything with parts, HTML or an
 * unknown encoding goes to mailparser, as the disclosure ingest does.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const split = headerEnd(raw)
  const headers = parseHeaders(raw.subarray(0, split.at).toString('latin1'))
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase()
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase()
  const simple =
    type.startsWith('text/plain') && ['7bit', '8bit', 'quoted-printable', 'base64', 'binary'].includes(encoding)
  if (!simple) return parseWithMailparser(raw, headers)
  const charset = /charset="?([^";\s]+)"?/i.exec(type)?.[1] ?? 'us-ascii'
  const bodyBytes = raw.subarray(split.bodyStart)
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(bodyBytes.toString('latin1'))
      : encoding === 'base64'
        ? Buffer.from(bodyBytes.toString('latin1'), 'base64')
        : bodyBytes
  return {
    ...commonFields(headers),
    body: decodeCharset(decoded, charset),
    attachmentNames: [],
  }
}

function headerEnd(raw: Buffer): { at: number; bodyStart: number } {
  const crlf = raw.indexOf('\r\n\r\n')
  const lf = raw.indexOf('\n\n')
  if (lf !== -1 && (crlf === -1 || lf < crlf)) return { at: lf, bodyStart: lf + 2 }
  if (crlf !== -1) return { at: crlf, bodyStart: crlf + 4 }
  return { at: raw.length, bodyStart: raw.length }
}

/** Header name (lower case) → value, unfolded and with encoded words decoded; the first occurrence wins. */
export function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>()
  let name = ''
  let value = ''
  const flush = () => {
    if (name && !out.has(name)) out.set(name, decodeWords(value.trim()))
  }
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      value += ' ' + line.trim()
      continue
    }
    flush()
    const m = HEADER_LINE.exec(line)
    name = m ? (m[1] ?? '').toLowerCase() : ''
    value = m ? (m[2] ?? '') : ''
  }
  flush()
  return out
}

function commonFields(h: Map<string, string>) {
  const date = h.get('date') ? new Date(h.get('date')!.replace(/\s*\([A-Z]{2,5}\)\s*$/, '')) : undefined
  const display = ['x-from', 'x-to', 'x-cc']
    .map((k) => h.get(k))
    .filter(Boolean)
    .join('; ')
  return {
    messageId: h.get('message-id')?.trim() || undefined,
    date: date && !Number.isNaN(date.getTime()) ? date : undefined,
    from: h.get('from') ?? '',
    to: h.get('to') ?? '',
    cc: h.get('cc') ?? '',
    displayNames: display,
    subject: h.get('subject') ?? '',
  }
}

async function parseWithMailparser(raw: Buffer, headers: Map<string, string>): Promise<ParsedMessage> {
  const parsed = await mailparser().simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  })
  const text = parsed.text?.trim() ?? ''
  const fromHtml = parsed.html ? htmlToText(parsed.html) : ''
  return {
    ...commonFields(headers),
    from: addresses(parsed.from) || (headers.get('from') ?? ''),
    to: addresses(parsed.to) || (headers.get('to') ?? ''),
    cc: addresses(parsed.cc) || (headers.get('cc') ?? ''),
    subject: parsed.subject ?? headers.get('subject') ?? '',
    date: parsed.date ?? commonFields(headers).date,
    // The same choice as the disclosure ingest: a stub plain part ("view in HTML") loses to the HTML.
    body: text.length >= fromHtml.length * 0.3 ? text : fromHtml,
    attachmentNames: parsed.attachments.map((a, i) => a.filename ?? `attachment ${i + 1}`),
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return ''
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ')
}

export function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = []
  const s = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(c & 0xff)
  }
  return Buffer.from(bytes)
}

const LATIN1 = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso-8859-1', 'latin1'])

function decodeCharset(bytes: Buffer, charset: string): string {
  const name = charset.toLowerCase()
  if (name === 'utf-8' || name === 'utf8') return bytes.toString('utf8')
  if (LATIN1.has(name)) {
    // Declared ASCII often carries UTF-8 or Windows-1252 bytes in practice; valid UTF-8 is taken as such.
    const utf8 = bytes.toString('utf8')
    return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8
  }
  try {
    return new TextDecoder(name).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** RFC 2047 encoded words: =?utf-8?Q?Jos=C3=A9?= and =?iso-8859-1?B?...?= */
function decodeWords(value: string): string {
  if (!value.includes('=?')) return value
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '))
      return decodeCharset(bytes, charset)
    })
}
