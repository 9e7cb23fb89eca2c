import * as mupdf from 'mupdf'

// mupdf prints warnings about odd input ("ActualText with no position") to stderr. They are not actionable by an
// operator, and real failures arrive as exceptions, which every caller turns into a message on the document.
mupdf.setLog({ warning: () => undefined, error: () => undefined })

// Fonts handed over by text walks keep their finalizers: mupdf.js's Font constructor takes a reference
// (wasm_keep_font) for the one its finalizer drops, so switching finalization off (tried for speed) leaked a font
// reference per character and was followed by a stream-handle error inside mupdf in the leak corpus.

// mupdf.js 1.28 hands a device's fillShade a Shade wrapping a pointer it borrowed from the page without taking a
// reference, yet registers it for finalization like any other object: the garbage collector then drops the shading
// while the document still holds it, and the freed memory comes back as a stream mupdf later tries to close ("invalid
// file handle", seen in CI after the leak corpus's shaded page). Rightsdesk never makes a Shade of its own, so no
// Shade is ever finalized.
;(mupdf.Shade as unknown as { _finalizer: unknown })._finalizer = { register() {}, unregister() {} }

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
