import { crc32 } from 'node:zlib'

/** Images bigger than this many pixels are refused before decoding, so a tiny file cannot claim gigabytes. */
const MAX_IMAGE_PIXELS = 60_000_000

/** PNG: signature, then chunks each with a correct CRC, IHDR first and IEND last (a cut-off upload fails here). */
export function pngIsWhole(bytes: Buffer): boolean {
  let at = 8
  let first = true
  while (at + 12 <= bytes.byteLength) {
    const length = bytes.readUInt32BE(at)
    const end = at + 12 + length
    if (end > bytes.byteLength) return false
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (first && type !== 'IHDR') return false
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return false
    if (type === 'IEND') return true
    first = false
    at = end
  }
  return false
}

/** JPEG: start-of-image, well-formed segments up to the scan, and an end-of-image marker at the end. */
export function jpegIsWhole(bytes: Buffer): boolean {
  if (bytes.byteLength < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false
  let at = 2
  for (;;) {
    if (at + 4 > bytes.byteLength || bytes[at] !== 0xff) return false
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xd9) return false // end of image before any scan
    const length = bytes.readUInt16BE(at + 2)
    if (length < 2) return false
    if (marker === 0xda) break // start of scan: entropy-coded data follows
    at += 2 + length
  }
  // Trailing padding after EOI is common (cameras, some editors); the marker must still be there.
  const tail = bytes.subarray(Math.max(0, bytes.byteLength - 4096))
  return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) !== -1
}

/**
 * Decodes a PNG or JPEG with MuPDF: only a real image of sensible size gets through. MuPDF (WebAssembly) loads on the
 * first upload, not with the web server.
 */
export async function decodesAsImage(bytes: Buffer): Promise<boolean> {
  const mupdf = await import('mupdf')
  try {
    const image = new mupdf.Image(bytes)
    const pixels = image.getWidth() * image.getHeight()
    if (!(pixels > 0) || pixels > MAX_IMAGE_PIXELS) return false
    image.toPixmap()
    return true
  } catch {
    return false
  }
}

/**
 * HEIC/HEIF (ISO/IEC 23008-12, in ISO base media boxes): the boxes must tile the file exactly, starting with ftyp,
 * so nothing rides after the picture; then libheif (WebAssembly, offline) decodes the primary image to prove the
 * file is one. A header followed by anything else, a test virus included, fails here.
 */
export async function heicDecodes(bytes: Buffer): Promise<boolean> {
  if (!boxesTileTheFile(bytes)) return false
  const { default: decode } = await import('heic-decode')
  let images: Awaited<ReturnType<typeof decode.all>>
  try {
    images = await decode.all({ buffer: bytes })
  } catch {
    return false
  }
  try {
    const primary = images[0]
    if (!primary) return false
    const pixels = primary.width * primary.height
    if (!(pixels > 0) || pixels > MAX_IMAGE_PIXELS) return false
    const decoded = await primary.decode()
    return decoded.data.byteLength === pixels * 4
  } catch {
    return false
  } finally {
    images.dispose()
  }
}

function boxesTileTheFile(bytes: Buffer): boolean {
  let at = 0
  while (at < bytes.byteLength) {
    if (at + 8 > bytes.byteLength) return false
    let size = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (at === 0 && type !== 'ftyp') return false
    if (!/^[\x20-\x7e]{4}$/.test(type)) return false
    if (size === 1) {
      if (at + 16 > bytes.byteLength) return false
      size = Number(bytes.readBigUInt64BE(at + 8))
    } else if (size === 0) {
      size = bytes.byteLength - at // the last box runs to the end of the file
    }
    if (size < 8 || at + size > bytes.byteLength) return false
    at += size
  }
  return at === bytes.byteLength && at > 0
}
