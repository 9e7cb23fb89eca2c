// The one rule for a file name that came from outside (a requester's upload, a colleague's, a folder on disk),
// applied where a name is stored (storeDocumentIn) and again where one is sent (the web's Content-Disposition), so
// a name stored before this rule existed is cleaned on its way out too.

// Characters that change how a name reads without being seen: C0 and C1 controls and DEL; bidirectional
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and marks (U+200E/F, U+061C), with which
// "passport<RLO>fdp.exe" shows as "passportexe.pdf"; zero-width characters and the byte-order mark.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
// Characters no file system or download header takes in a name (Windows' reserved set and path separators).
const RESERVED = /["<>|:*?]/g
// Half of a UTF-16 surrogate pair on its own is not a character; it cannot be stored or sent.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const MAX_LENGTH = 120

/** A display name with no path, no invisible or control characters, at most 120 characters. */
export function safeFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '')
    .trim()
  // Cut by code point, so the limit never splits an emoji into half a surrogate pair.
  const cut = Array.from(base).slice(0, MAX_LENGTH).join('').trim()
  return cut === '' || /^\.+$/.test(cut) ? 'document' : cut
}

const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/heic': ['heic', 'heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'message/rfc822': ['eml'],
}

/**
 * The name to keep for a file whose type is known from its content: cleaned, and ending in what the file really is
 * (a PDF sent as "passport.exe" is kept as "passport.pdf"), so the name a caseworker sees never misleads them.
 */
export function storedFilename(name: string, contentType: string): string {
  const safe = safeFilename(name)
  const allowed = EXTENSIONS[contentType.split(';')[0]!.trim()]
  if (!allowed) return safe
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(safe)?.[1]?.toLowerCase()
  if (extension && allowed.includes(extension)) return safe
  return withExtension(safe, allowed[0]!)
}

/** The name ending in `extension` instead of whatever it ended in (a JPEG sent as "scan.pdf" becomes "scan.jpg"). */
export function withExtension(filename: string, extension: string): string {
  const base = filename.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'document'
  return `${base}.${extension}`
}
