import { safeFilename } from '../application/file-name.js'

// RFC 8187 attr-char: encodeURIComponent leaves ' ( ) * as they are, which the header's syntax does not allow.
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The one Content-Disposition for every file we send (RFC 6266): the name cleaned as when it was stored (no
 * bidirectional overrides or control characters, which could make "passport<RLO>fdp.exe" save as an .exe), an ASCII
 * fallback and, when it differs, the UTF-8 name. Never a header injection, whatever the name held.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = safeFilename(filename)
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  // The UTF-8 form only when the plain one had to change: RFC 6266 s.4.3 has senders add it for names ASCII cannot
  // carry, and a header that says the same name twice is noise to every client.
  if (ascii === name) return `${disposition}; filename="${ascii}"`
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`
}
