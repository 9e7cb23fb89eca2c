import * as mupdf from 'mupdf'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'

// Files for tests of the upload checks (unit, integration and browser tests share them). Not used by the service.

function pixmap(): mupdf.Pixmap {
  const p = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 40, 30], false)
  p.clear(200)
  return p
}

export function pngBytes(): Buffer {
  return Buffer.from(pixmap().asPNG())
}

export function jpegBytes(): Buffer {
  return Buffer.from(pixmap().asJPEG(80))
}

/** The first part of a real JPEG: what a phone sends when the connection drops half way. */
export function truncatedJpegBytes(): Buffer {
  const jpeg = jpegBytes()
  return jpeg.subarray(0, Math.floor(jpeg.byteLength * 0.6))
}

/** A PNG whose pixel data was damaged in transit (the chunk checksum no longer matches). */
export function corruptPngBytes(): Buffer {
  const png = Buffer.from(pngBytes())
  const idat = png.indexOf('IDAT')
  png[idat + 6] = (png[idat + 6] ?? 0) ^ 0xff
  return png
}

/** A real HEIC photo (64 × 48, grey; made with libheif's heif-enc from a PNG), as an iPhone sends by default. */
export function heicBytes(): Buffer {
  return Buffer.from(HEIC_PHOTO, 'base64')
}

/** The start of an HEIC photo (an ftyp box naming the heic brand) followed by anything but a picture. */
export function heicHeaderThen(rest: Buffer): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from('\0\0\0\0mif1heic')])
  return Buffer.concat([ftyp, rest])
}

/**
 * The EICAR anti-virus test file (a harmless string every scanner is meant to report), assembled at run time so this
 * source file is not itself reported by a scanner on a developer's machine.
 */
export function eicarBytes(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR', '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1')
}

const HEIC_PHOTO =
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAFgACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAAB5tZGF0AAAAEigBrxOA+FDQp9Q+vHpxmKVNXg=='

export async function pdfBytes(text = 'Utility bill for Jane Quinn'): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([300, 200])
  page.drawText(text, { x: 20, y: 100, size: 12 })
  return Buffer.from(await doc.save())
}

/** A PDF that runs JavaScript when opened, hidden in a compressed object stream (pdf-lib's default). */
export async function pdfWithJavaScriptBytes(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage([300, 200])
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action))
  return Buffer.from(await doc.save({ useObjectStreams: true }))
}

/** A PDF whose page runs an action on open (/AA), written with the name hex-escaped to dodge naive scanners. */
export async function pdfWithPageActionBytes(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([300, 200])
  const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') })
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(action) }))
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }))
  return Buffer.from(bytes.toString('latin1').replace('/JavaScript', '/Java#53cript'), 'latin1')
}

/** A Word document (a ZIP) renamed to .pdf by the sender. */
export function docxRenamedBytes(): Buffer {
  return Buffer.concat([
    Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'),
    Buffer.from('[Content_Types].xml'),
    Buffer.alloc(400, 0),
  ])
}

export function textFileBytes(): Buffer {
  return Buffer.from('<script>alert(1)</script>\nThis is not a PDF.\n')
}
