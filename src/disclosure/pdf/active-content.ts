import type * as mupdf from 'mupdf'

/** What makes a PDF do something by itself when a viewer opens it. We never run any of it; we refuse the file. */
export type ActiveContentKind =
  'javascript' | 'launch' | 'submit-form' | 'import-data' | 'remote-go-to' | 'rich-media' | 'xfa' | 'embedded-file'

export interface ActiveContent {
  kind: ActiveContentKind
  /** The indirect object it was found in (0: the trailer). */
  objectNumber: number
}

export interface ActiveContentOptions {
  /** Attachments are refused in identity evidence; search material may carry them (the bundle drops them). */
  embeddedFiles: 'allow' | 'refuse'
}

// Action types (ISO 32000-2 §12.6.4) that run code, start programs, send or fetch data, or open another file.
// GoTo, URI (a plain link) and named actions stay: ordinary letters and bills use them.
const ACTIONS: Record<string, ActiveContentKind> = {
  JavaScript: 'javascript',
  Rendition: 'javascript', // a rendition action may carry a /JS script of its own
  Launch: 'launch',
  SubmitForm: 'submit-form',
  ImportData: 'import-data',
  GoToR: 'remote-go-to',
  RichMediaExecute: 'rich-media',
}

// Dictionary keys that are active whatever they hold: scripts (actions and the /Names JavaScript tree), XFA forms
// (which carry their own scripts), rich media (Flash, 3D with scripts).
const KEYS: Record<string, ActiveContentKind> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  XFA: 'xfa',
  RichMediaContent: 'rich-media',
  RichMediaSettings: 'rich-media',
}

const EMBEDDED_KEYS = new Set(['EmbeddedFiles', 'EF'])

/**
 * Walks every object of the file, following references from the trailer and taking every object in the
 * cross-reference table too (an unreferenced object can be linked in by a viewer that repairs the file). mupdf has
 * already decoded names (`/#4Aava#53cript` is `/JavaScript`) and unpacked object streams. The walk uses its own
 * stack, so nesting of any depth is followed, and marks each indirect object once, so reference cycles end.
 */
export function findActiveContent(doc: mupdf.PDFDocument, opts: ActiveContentOptions): ActiveContent | null {
  const seen = new Set<number>()
  const stack: { obj: mupdf.PDFObject; from: number }[] = [{ obj: doc.getTrailer(), from: 0 }]
  for (let num = doc.countObjects() - 1; num >= 1; num--) stack.push({ obj: doc.newIndirect(num), from: num })
  while (stack.length > 0) {
    const { obj, from } = stack.pop()!
    if (obj.isIndirect()) {
      const num = obj.asIndirect()
      if (seen.has(num)) continue
      seen.add(num)
      const target = resolved(obj)
      if (target) stack.push({ obj: target, from: num })
      continue
    }
    if (obj.isArray()) {
      obj.forEach((value) => stack.push({ obj: value, from }))
      continue
    }
    if (!obj.isDictionary()) continue
    const kind = activeKind(obj, opts)
    if (kind) return { kind, objectNumber: from }
    obj.forEach((value) => stack.push({ obj: value, from }))
  }
  return null
}

/** True when the file holds any active content; attachments count only when `embeddedFiles` is 'refuse'. */
export function hasActiveContent(
  doc: mupdf.PDFDocument,
  opts: ActiveContentOptions = { embeddedFiles: 'allow' },
): boolean {
  return findActiveContent(doc, opts) !== null
}

function resolved(ref: mupdf.PDFObject): mupdf.PDFObject | null {
  try {
    return ref.resolve()
  } catch {
    return null // a damaged object cannot hold a working script
  }
}

function activeKind(dict: mupdf.PDFObject, opts: ActiveContentOptions): ActiveContentKind | null {
  const action = nameOf(dict.get('S'))
  if (action && ACTIONS[action]) return ACTIONS[action]
  // GoToE opens a file embedded in this one (an attachment); with /F it reaches one outside it.
  if (action === 'GoToE' && (opts.embeddedFiles === 'refuse' || !dict.get('F').isNull())) return 'remote-go-to'
  const subtype = nameOf(dict.get('Subtype'))
  if (subtype === 'RichMedia') return 'rich-media'
  if (opts.embeddedFiles === 'refuse') {
    if (subtype === 'FileAttachment' || nameOf(dict.get('Type')) === 'EmbeddedFile') return 'embedded-file'
  }
  let found: ActiveContentKind | null = null
  dict.forEach((_value, key) => {
    if (found || typeof key !== 'string') return
    if (KEYS[key]) found = KEYS[key]
    else if (opts.embeddedFiles === 'refuse' && EMBEDDED_KEYS.has(key)) found = 'embedded-file'
  })
  return found
}

/** A name, also when the file hides it behind a reference (`/S 12 0 R`), as viewers follow those too. */
function nameOf(obj: mupdf.PDFObject): string | null {
  const value = obj.isIndirect() ? resolved(obj) : obj
  return value?.isName() ? value.asName() : null
}
