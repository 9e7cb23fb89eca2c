import type * as mupdf from 'mupdf'

/**
 * Saves a document the clean way: every object rewritten (no incremental sections, so no earlier revision
 * survives), unused objects dropped and renumbered, streams compressed. The bytes are copied out of WASM memory
 * before the mupdf buffer is freed: a view into WASM memory becomes garbage when the heap grows.
 */
export function saveClean(doc: mupdf.PDFDocument, extraOptions: string[] = []): Uint8Array {
  const options = ['garbage=compact', 'compress', 'compress-images', 'compress-fonts', ...extraOptions].join(',')
  const buffer = doc.saveToBuffer(options)
  try {
    return buffer.asUint8Array().slice()
  } finally {
    buffer.destroy()
  }
}

/** Copies a mupdf buffer out of WASM memory and frees it. */
export function copyOut(buffer: mupdf.Buffer): Uint8Array {
  try {
    return buffer.asUint8Array().slice()
  } finally {
    buffer.destroy()
  }
}

/** Latin-1 string → bytes, for content streams built as strings (each char one byte). */
export function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'))
}
