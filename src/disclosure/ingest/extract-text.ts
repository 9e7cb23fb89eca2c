import path from 'node:path'
import { readPageTexts } from '../pdf/index.js'
import { ingestFile } from './ingest-file.js'
import { readInputFile } from './read-input.js'

/**
 * The text of any supported file exactly as redaction will see it: the text layer of its normalised PDF pages
 * (emails with their header block, Word text, tables). Pages are separated by form feeds, documents (an email
 * and its attachments) by a blank line. Throws with the reason when the file cannot be used.
 */
export async function extractText(filePath: string): Promise<string> {
  const read = await readInputFile(filePath)
  if (read.error !== undefined) throw new Error(`${filePath}: ${read.error}`)
  const result = await ingestFile(read.bytes, path.basename(filePath))
  if (result.error !== undefined) throw new Error(`${filePath}: ${result.error}`)
  return result.documents.map((d) => readPageTexts(d.pdf).join('\f')).join('\n\n')
}
