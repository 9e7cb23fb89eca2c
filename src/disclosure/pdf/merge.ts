import * as mupdf from 'mupdf'
import { saveClean } from './save.js'

/** Concatenates PDFs (each produced by us) into one, e.g. a Word document's text pages and its pictures. */
export function mergePdfs(parts: Uint8Array[]): { pdf: Uint8Array; pageCount: number } {
  const out = new mupdf.PDFDocument()
  try {
    for (const part of parts) {
      const src = new mupdf.PDFDocument(part)
      const map = out.newGraftMap()
      try {
        for (let i = 0; i < src.countPages(); i++) map.graftPage(-1, src, i)
      } finally {
        map.destroy()
        src.destroy()
      }
    }
    return { pdf: saveClean(out), pageCount: out.countPages() }
  } finally {
    out.destroy()
  }
}
