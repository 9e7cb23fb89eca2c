import type * as PdfLib from 'pdf-lib'
import { lazyRequire } from '../../lazy-require.js'

const pdfLib = lazyRequire<typeof PdfLib>('pdf-lib')

/**
 * The text a PDF carries besides its pages: the document information (title, author, subject, keywords, creator,
 * producer) and the XMP metadata stream. A reader's "Document properties" shows it, so it is checked like the letter
 * text (issue 10). A file that cannot be read here is reported as such rather than passed.
 */
export async function pdfMetadataTexts(bytes: Uint8Array): Promise<{ field: string; text: string }[]> {
  const { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } = pdfLib()
  const doc = await PDFDocument.load(bytes, {
    updateMetadata: false,
    ignoreEncryption: true,
    throwOnInvalidObject: false,
  })
  const info: [string, string | undefined][] = [
    ['title', doc.getTitle()],
    ['author', doc.getAuthor()],
    ['subject', doc.getSubject()],
    ['keywords', doc.getKeywords()],
    ['creator', doc.getCreator()],
    ['producer', doc.getProducer()],
  ]
  const out = info.filter((e): e is [string, string] => Boolean(e[1])).map(([field, text]) => ({ field, text }))
  const xmp = doc.catalog.lookup(PDFName.of('Metadata'))
  if (xmp instanceof PDFRawStream) {
    const text = new TextDecoder().decode(decodePDFRawStream(xmp).decode())
    // The XML's element and attribute names are not text anyone wrote: only what is between the tags counts.
    out.push({ field: 'XMP metadata', text: text.replace(/<[^>]*>/g, ' ') })
  }
  return out
}
