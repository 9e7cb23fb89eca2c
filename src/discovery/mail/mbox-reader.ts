import fs from 'node:fs'

/** One message of an mbox file, with where it starts so it can be found again without reading the rest. */
export interface MboxMessage {
  /** Byte offset of the message's "From " separator line. */
  offset: number
  /** Byte length up to the next separator. */
  length: number
  /** The message without its separator line, ">From " unescaped. */
  raw: Buffer
}

const CHUNK = 4 * 1024 * 1024

/**
 * Reads an mbox file (mboxo/mboxrd) message by message from a byte offset, a few megabytes at a time, so a mailbox
 * of many gigabytes is never held in memory and an interrupted run carries on where it stopped. The file is only
 * ever opened for reading.
 */
export async function* readMbox(file: string, from = 0): AsyncGenerator<MboxMessage> {
  const handle = await fs.promises.open(file, 'r')
  try {
    let pending = Buffer.alloc(0)
    let pendingStart = from
    let position = from
    for (;;) {
      const chunk = Buffer.alloc(CHUNK)
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, position)
      position += bytesRead
      const data = bytesRead > 0 ? Buffer.concat([pending, chunk.subarray(0, bytesRead)]) : pending
      const starts = separators(data)
      const last = bytesRead > 0 ? starts.length - 1 : starts.length
      for (let i = 0; i < last; i++) {
        const start = starts[i]!
        const end = i + 1 < starts.length ? starts[i + 1]! : data.length
        yield message(data, start, end, pendingStart)
      }
      if (bytesRead === 0) return
      const keep = starts.length > 0 ? starts[starts.length - 1]! : 0
      pending = data.subarray(keep)
      pendingStart += keep
    }
  } finally {
    await handle.close()
  }
}

/** Offsets of "From " lines that start a message: at the start of the data or after a blank line. */
function separators(data: Buffer): number[] {
  const out: number[] = []
  if (data.subarray(0, 5).toString('latin1') === 'From ') out.push(0)
  for (let i = data.indexOf('\nFrom '); i !== -1; i = data.indexOf('\nFrom ', i + 1)) {
    const blankBefore = i === 0 || data[i - 1] === 10 || (data[i - 1] === 13 && data[i - 2] === 10)
    if (blankBefore) out.push(i + 1)
  }
  return out
}

function message(data: Buffer, start: number, end: number, base: number): MboxMessage {
  const lineEnd = data.indexOf('\n', start)
  const body = data.subarray(lineEnd === -1 || lineEnd > end ? end : lineEnd + 1, end)
  // The blank line before the next separator belongs to the mailbox, not the message: a message appended later
  // must not change the one before it.
  const text = body
    .toString('latin1')
    .replace(/^>(>*From )/gm, '$1')
    .replace(/(\r?\n)+$/, '\n')
  return { offset: base + start, length: end - start, raw: Buffer.from(text, 'latin1') }
}

/** The bytes of one message again, for adding it to a case: read from its offset, nothing else. */
export async function readMboxMessage(file: string, offset: number): Promise<Buffer> {
  for await (const m of readMbox(file, offset)) return m.raw
  throw new Error(`no message at byte ${offset} of ${file}`)
}
