const BASE = 'http://rightsdesk.invalid'
const MAX_LENGTH = 2000
// Browsers drop tabs and newlines from URLs and read a backslash as "/": "/\t/evil.example" is "//evil.example".
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\\s\u0000-\u001f\u007f]/

/**
 * The one check for a "return to" address taken from a request (a query string, a form, the session): only a path on
 * this site comes back, and only one that means the same to every browser, or null.
 *
 * Refused: anything not starting with one "/" ("//evil.example" and "https://…" are other sites); backslashes,
 * spaces and control characters (browsers read "/\evil.example" as "//evil.example"); dot segments, also
 * percent-encoded ("/x/..//evil.example" resolves to "//evil.example"); an empty segment ("//") anywhere; percent
 * escapes that do not decode. `under` keeps it inside one area ("/staff").
 */
export function safeReturnPath(value: unknown, opts: { under?: string } = {}): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null
  if (!value.startsWith('/') || UNSAFE.test(value)) return null
  const [rawPath = ''] = value.split(/[?#]/, 1)
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  const segments = path.split('/').slice(1)
  const oddSegment = (s: string, i: number) => s === '.' || s === '..' || (s === '' && i < segments.length - 1)
  if (UNSAFE.test(path) || segments.some(oddSegment)) return null
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return null
  if (opts.under && url.pathname !== opts.under && !url.pathname.startsWith(`${opts.under}/`)) return null
  return url.pathname + url.search
}
