import zlib from 'node:zlib'
import { IngestError } from './types.js'

/**
 * Zip-bomb protection for DOCX and XLSX packages, run before mammoth or exceljs sees the bytes. The central
 * directory's claimed sizes are checked (total and compression ratio), then every entry is actually inflated with
 * a hard output cap, because a hostile file can simply lie about its sizes.
 */

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

export interface ZipLimits {
  maxUnzippedBytes: number
  maxZipRatio: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** Ratios only matter for entries big enough to hurt; small XML parts legitimately compress very well. */
const RATIO_APPLIES_ABOVE = 5 * 1024 * 1024
const MAX_ENTRIES = 20_000

export function checkZip(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  const entries = readCentralDirectory(buf)
  let total = 0
  for (const e of entries) {
    total += e.size
    if (total > limits.maxUnzippedBytes) {
      throw new IngestError(`the package expands to more than ${mb(limits.maxUnzippedBytes)} (possible zip bomb)`)
    }
    if (e.size > RATIO_APPLIES_ABOVE && e.size > e.compressedSize * limits.maxZipRatio) {
      throw new IngestError(
        `the package entry ${e.name} is compressed more than ${limits.maxZipRatio}:1 (possible zip bomb)`,
      )
    }
  }
  for (const e of entries) readEntry(buf, e) // proves each entry inflates to no more than it claims
  return entries
}

/** One entry's bytes, inflated with a hard cap at its declared size. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  if (buf.readUInt32LE(e.localHeaderOffset) !== LOCAL)
    throw new IngestError('the package is damaged (bad local header)')
  const nameLength = buf.readUInt16LE(e.localHeaderOffset + 26)
  const extraLength = buf.readUInt16LE(e.localHeaderOffset + 28)
  const start = e.localHeaderOffset + 30 + nameLength + extraLength
  const data = buf.subarray(start, start + e.compressedSize)
  if (data.length < e.compressedSize) throw new IngestError('the package is truncated')
  if (e.method === 0) return data
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) })
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError(`the package entry ${e.name} expands beyond its declared size (zip bomb)`)
    }
    throw new IngestError(`the package is damaged (entry ${e.name} cannot be decompressed)`)
  }
}

function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf)
  const count = buf.readUInt16LE(eocd + 10)
  const offset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === 0xffffffff) throw new IngestError('ZIP64 packages are not supported')
  if (count > MAX_ENTRIES) throw new IngestError(`the package has too many entries (${count})`)
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new IngestError('the package is damaged (bad central directory)')
    const flags = buf.readUInt16LE(at + 8)
    const method = buf.readUInt16LE(at + 10)
    const nameLength = buf.readUInt16LE(at + 28)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    if (flags & 1)
      throw new IngestError('the document is encrypted (password-protected): remove the password and re-upload')
    if (method !== 0 && method !== 8)
      throw new IngestError(`the package uses an unsupported compression method (${method})`)
    entries.push({
      name,
      method,
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
  }
  return entries
}

function findEndOfCentralDirectory(buf: Buffer): number {
  if (buf.length < 22) throw new IngestError('the package is truncated (too short to be a ZIP file)')
  const stop = Math.max(0, buf.length - 22 - 0xffff)
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at
  }
  throw new IngestError('the package is truncated or damaged (no ZIP directory found)')
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}
