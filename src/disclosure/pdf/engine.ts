import * as mupdf from 'mupdf'

// mupdf prints warnings about odd input ("ActualText with no position") to stderr. They are not actionable by an
// operator, and real failures arrive as exceptions, which every caller turns into a message on the document.
mupdf.setLog({ warning: () => undefined, error: () => undefined })

/**
 * Empties mupdf's resource cache (decoded fonts, images, streams; up to 256 MB by default). WASM memory never
 * shrinks, but emptied cache space is reused, so calling this between stages keeps the peak down.
 */
export function releaseEngineCaches(): void {
  mupdf.emptyStore()
}
