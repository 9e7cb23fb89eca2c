import * as mupdf from 'mupdf'

// mupdf prints warnings about odd input ("ActualText with no position") to stderr. They are not actionable by an
// operator, and real failures arrive as exceptions, which every caller turns into a message on the document.
mupdf.setLog({ warning: () => undefined, error: () => undefined })

// mupdf.js wraps each font pointer a text walk hands over (one per character in StructuredText.walk) in a Font
// registered for finalization, whose finalizer then drops a reference the walk never took (the pointer is borrowed
// from the page). The registrations and the garbage collection they cause were a tenth of a worker thread's time in
// the workbench bench, and a dropped borrowed font could be freed while its document still uses it. No Font is
// finalized, then: the few we create ourselves are destroyed when done with (or kept for the process's life).
;(mupdf.Font as unknown as { _finalizer: unknown })._finalizer = { register() {}, unregister() {} }

// Colour management is for showing colours faithfully; here colours only decide nothing (text extraction records
// each character's colour, and that went through an ICC transform built anew for every document after the caches
// were emptied: a tenth of a worker thread's time). Pictures for the workbench and OCR are rendered without it.
mupdf.disableICC()

/**
 * Empties mupdf's resource cache (decoded fonts, images, streams; up to 256 MB by default). WASM memory never
 * shrinks, but emptied cache space is reused, so calling this between stages keeps the peak down.
 */
export function releaseEngineCaches(): void {
  mupdf.emptyStore()
}
