import fs from 'node:fs/promises'
import { DEFAULT_LIMITS } from './types.js'

export type InputRead = { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string }

/**
 * Reads a file for ingestion, checking its size from the directory entry first: a 500 MB upload is refused
 * without reading a byte of it.
 */
export async function readInputFile(filePath: string, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<InputRead> {
  let stat
  try {
    stat = await fs.stat(filePath)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { error: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(err)})` }
  }
  if (!stat.isFile()) return { error: 'not a regular file' }
  if (stat.size > maxBytes) {
    return {
      error: `the file is ${Math.round(stat.size / 1024 / 1024)} MB; the limit is ${Math.round(maxBytes / 1024 / 1024)} MB`,
    }
  }
  try {
    return { bytes: new Uint8Array(await fs.readFile(filePath)) }
  } catch (err) {
    return { error: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }
  }
}
