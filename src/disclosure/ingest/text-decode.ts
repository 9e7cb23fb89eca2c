/**
 * Text files have no magic number, so they are recognised by what they are not (binary) and decoded by what they
 * carry: a byte-order mark, valid UTF-8, or else Windows-1252 (what older UK office software writes).
 */

const SNIFF_WINDOW = 64 * 1024

export function decodeText(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3)
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2))
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2))
  if (looksBinary(buf)) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    return decodeWindows1252(buf)
  }
}

/** Windows-1252 bytes 0x80–0x9F (Node's TextDecoder decodes this label as Latin-1, losing €, “ ” and the rest). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(buf: Buffer): string {
  return buf.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

/** NUL bytes, or many control characters, in the first 64 KB: not text. */
function looksBinary(buf: Buffer): boolean {
  const window = buf.subarray(0, SNIFF_WINDOW)
  let control = 0
  for (const b of window) {
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  }
  return control > window.length / 100
}

export type TextFormat = 'mbox' | 'email' | 'csv' | 'text'

const KNOWN_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'received',
  'mime-version',
  'return-path',
  'content-type',
  'delivered-to',
  'reply-to',
  'sender',
  'in-reply-to',
  'references',
  'x-mailer',
  'x-from',
  'x-to',
])

/** Tells an email, an mbox, a CSV table and plain text apart by their first lines. */
export function classifyText(text: string): TextFormat {
  const head = text.slice(0, 16 * 1024).replace(/\r\n?/g, '\n')
  if (/^From \S+/.test(head) && looksLikeHeaders(head.slice(head.indexOf('\n') + 1))) return 'mbox'
  if (looksLikeHeaders(head)) return 'email'
  if (looksLikeCsv(head)) return 'csv'
  return 'text'
}

function looksLikeHeaders(head: string): boolean {
  const block = head.split('\n\n', 1)[0] ?? ''
  const lines = block.split('\n')
  let known = 0
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue // folded continuation of the previous header
    const m = /^([!-9;-~]+):/.exec(line)
    if (!m) return false
    if (KNOWN_HEADERS.has((m[1] as string).toLowerCase())) known++
  }
  return known >= 2 && /^(from|received|message-id|date|return-path|delivered-to):/im.test(block)
}

/**
 * The first ten non-empty lines all have the same number of one delimiter: at least two per line, or one per line
 * over three or more lines; and the cells are short. Two sentences that each happen to hold a comma are prose.
 */
function looksLikeCsv(head: string): boolean {
  const lines = head
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 10)
  if (lines.length < 2) return false
  return [',', ';', '\t'].some((d) => {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const first = counts[0] ?? 0
    if (first < 1 || !counts.every((c) => c === first) || (first < 2 && lines.length < 3)) return false
    const cellLength = lines.reduce((n, l) => n + l.length, 0) / (lines.length * (first + 1))
    return cellLength <= 40
  })
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false
  let count = 0
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes
    else if (ch === delimiter && !inQuotes) count++
  }
  return count
}
