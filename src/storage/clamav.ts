import net from 'node:net'
import type { ScanVerdict, VirusScanner } from '../application/ports.js'

export type ClamdAddress = { host: string; port: number } | { socketPath: string }

const CHUNK = 64 * 1024

/**
 * A client of ClamAV's daemon (clamd) speaking its INSTREAM command: "zINSTREAM\0", then the file in chunks each
 * prefixed by its length (4 bytes, big-endian), then a zero length; clamd answers "stream: OK" or
 * "stream: <signature> FOUND" and a NUL. Any other answer, a refused connection or no answer in time is
 * `unavailable`, never "clean": a file that was not scanned is not let through.
 */
export function createClamdScanner(address: ClamdAddress, opts: { timeoutMs?: number } = {}): VirusScanner {
  const timeoutMs = opts.timeoutMs ?? 30_000
  return { scan: (bytes) => scanWith(address, bytes, timeoutMs) }
}

/** Parses CLAMAV_URL (tcp://host:port) or takes CLAMAV_SOCKET (a Unix socket path). */
export function clamdAddress(url: string | undefined, socketPath: string | undefined): ClamdAddress | null {
  if (socketPath) return { socketPath }
  if (!url) return null
  const parsed = new URL(url)
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || 3310) }
}

function scanWith(address: ClamdAddress, bytes: Uint8Array, timeoutMs: number): Promise<ScanVerdict> {
  return new Promise((resolve) => {
    const socket = 'socketPath' in address ? net.createConnection(address.socketPath) : net.createConnection(address)
    const replies: Buffer[] = []
    let settled = false
    const finish = (verdict: ScanVerdict) => {
      if (settled) return
      settled = true
      socket.destroy()
      resolve(verdict)
    }
    socket.setTimeout(timeoutMs, () => finish({ verdict: 'unavailable', reason: `no answer in ${timeoutMs} ms` }))
    socket.on('error', (err) => finish({ verdict: 'unavailable', reason: err.message }))
    socket.on('data', (chunk: Buffer) => {
      replies.push(chunk)
      if (chunk.includes(0)) finish(verdictOf(Buffer.concat(replies)))
    })
    socket.on('end', () => finish(verdictOf(Buffer.concat(replies))))
    socket.on('connect', () => {
      socket.write('zINSTREAM\0')
      for (let at = 0; at < bytes.byteLength; at += CHUNK) {
        const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.byteLength))
        const length = Buffer.alloc(4)
        length.writeUInt32BE(chunk.byteLength)
        socket.write(length)
        socket.write(chunk)
      }
      socket.write(Buffer.alloc(4))
    })
  })
}

function verdictOf(reply: Buffer): ScanVerdict {
  const text = reply.toString('utf8').replace(/\0.*$/s, '').trim()
  if (/^stream: OK$/.test(text)) return { verdict: 'clean' }
  const found = /^stream: (.+) FOUND$/.exec(text)
  if (found) return { verdict: 'infected', signature: found[1]! }
  return { verdict: 'unavailable', reason: text === '' ? 'clamd closed the connection' : `clamd said: ${text}` }
}
