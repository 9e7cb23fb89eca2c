import type * as mupdf from 'mupdf'

/** Action types that run code or open other programs. We never execute them; we refuse the document. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'RichMediaExecute'])

/**
 * True when any object in the file is a JavaScript (or launch) action, or the document has a JavaScript name tree.
 * Checks every object in the cross-reference table, so scripts hidden in annotations, form fields, page actions
 * or unreferenced objects are all found.
 */
export function hasActiveContent(doc: mupdf.PDFDocument): boolean {
  const names = doc.getTrailer().get('Root').get('Names')
  if (names.isDictionary() && !names.get('JavaScript').isNull()) return true
  const count = doc.countObjects()
  for (let num = 1; num < count; num++) {
    let obj: mupdf.PDFObject
    try {
      obj = doc.newIndirect(num).resolve()
    } catch {
      continue // a damaged object cannot hold a working script
    }
    if (isActiveAction(obj)) return true
  }
  return false
}

function isActiveAction(obj: mupdf.PDFObject): boolean {
  if (!obj.isDictionary()) return false
  if (!obj.get('JS').isNull()) return true
  const type = obj.get('S')
  return type.isName() && ACTIVE_ACTIONS.has(type.asName())
}
