import { foldForDisplay } from './text-fold.js'

/** Windows-1252 bytes 0x80–0x9F: the only part of WinAnsiEncoding that differs from Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

const TO_BYTE = new Map<string, number>()
for (let b = 0x20; b <= 0x7e; b++) TO_BYTE.set(String.fromCharCode(b), b)
for (let b = 0xa0; b <= 0xff; b++) TO_BYTE.set(String.fromCharCode(b), b)
for (let i = 0; i < CP1252_HIGH.length; i++) {
  const ch = CP1252_HIGH[i]
  if (ch !== undefined && ch.charCodeAt(0) > 0x9f) TO_BYTE.set(ch, 0x80 + i)
}

const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2044': '/',
  '\u00ad': '',
}

export interface EncodedText {
  /** The text as the standard fonts will draw it (after folding and placeholders). */
  text: string
  /** WinAnsi bytes of `text`, one per character. */
  bytes: Uint8Array
  /** Characters that had no WinAnsi or plain-Latin form and were drawn as '?'. */
  unrepresentable: number
}

/** Encodes text for a WinAnsi simple font: Latin-1 and CP1252 as is, other letters folded, the rest as '?'. */
export function encodeWinAnsi(input: string): EncodedText {
  let text = ''
  let unrepresentable = 0
  for (const ch of input) {
    if (ch === '\n') {
      text += ch // line breaks are for the layout; they never reach a content stream
      continue
    }
    if (ch === '\t') {
      text += '    '
      continue
    }
    if (/\p{Cc}/u.test(ch)) continue // other control characters have no glyph and no meaning on paper
    if (TO_BYTE.has(ch)) {
      text += ch
      continue
    }
    const replaced = REPLACEMENTS[ch] ?? foldForDisplay(ch)
    if (replaced !== undefined && [...replaced].every((c) => TO_BYTE.has(c))) {
      text += replaced
    } else {
      text += '?'
      unrepresentable++
    }
  }
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text[i] === '\n' ? 0x0a : (TO_BYTE.get(text[i] as string) ?? 0x3f)
  return { text, bytes, unrepresentable }
}

/** A PDF literal string for WinAnsi bytes: parentheses and backslashes escaped, other bytes kept as bytes. */
export function pdfLiteral(bytes: Uint8Array): string {
  let out = '('
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += '\\' + String.fromCharCode(b)
    else out += String.fromCharCode(b)
  }
  return out + ')'
}
