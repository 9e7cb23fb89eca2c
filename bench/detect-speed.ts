/**
 * Detection speed: MB of text per CPU-second (one core) for our detector and each peer on the Enron
 * mbox subset (../shared/eval/enron-mbox-subset), whole messages and bodies only, with peak memory.
 * Each system runs in its own child process, so peak RSS is its own. Slow peers run on a sample.
 * Ours is the built product (dist/, as `rightsdesk detect` runs it: `npm run build` first). Prints the machine's
 * load average: CPU time is steadier than wall time on a shared machine, but not immune to it.
 * Run: npx tsx bench/detect-speed.ts
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import type * as Detect from '../src/disclosure/detect/detect.js'
import { evalRoot } from '../test/eval/eval-data.js'

const SAMPLE_BYTES = 200_000
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const SYSTEMS = ['rightsdesk detect', 'redact-pii', 'openredaction', 'compromise (.people())']
const SLOW = new Set(['openredaction', 'compromise (.people())'])

interface Result {
  system: string
  part: string
  messages: number
  megabytes: number
  cpuSeconds: number
  mbPerCpuSecond: number
  loadMs: number
  baseRssMb: number
  peakRssMb: number
  peakHeapMb: number
}

function messages(root: string, bodiesOnly: boolean): string[] {
  const dir = join(root, 'enron-mbox-subset', 'mbox')
  const out: string[] = []
  for (const f of readdirSync(dir).sort()) {
    for (const m of readFileSync(join(dir, f), 'utf8').split(/^From MAILER-DAEMON .*$/m)) {
      if (!m.trim()) continue
      const blank = m.indexOf('\n\n')
      out.push(bodiesOnly && blank !== -1 ? m.slice(blank + 2) : m)
    }
  }
  return out
}

async function loadSystem(name: string): Promise<(text: string) => unknown> {
  if (name === 'rightsdesk detect') {
    const { detect } = (await import(
      new URL('../dist/disclosure/detect/detect.js', import.meta.url).href
    )) as typeof Detect
    detect('Warm up the gazetteers, John Smith.')
    return detect
  }
  const peers = await import('../test/eval/peers.js')
  if (name === 'redact-pii') return peers.redactPiiPeer().pipeline
  if (name === 'openredaction') {
    const { OpenRedaction } = await import('openredaction')
    const r = new OpenRedaction()
    return (text) => r.detect(text)
  }
  return (text) => peers.compromisePeer.detect(text)
}

async function child(name: string, part: string): Promise<void> {
  const root = evalRoot() ?? ''
  let texts = messages(root, part === 'bodies')
  if (SLOW.has(name)) {
    let bytes = 0
    texts = texts.filter((t) => (bytes += t.length) <= SAMPLE_BYTES)
  }
  const t0 = performance.now()
  const run = await loadSystem(name)
  const loadMs = performance.now() - t0
  const baseRss = process.memoryUsage().rss
  let peakHeap = 0
  let best = Infinity
  for (let round = 0; round < (SLOW.has(name) ? 1 : 3); round++) {
    const c0 = process.cpuUsage()
    for (let i = 0; i < texts.length; i++) {
      await run(texts[i] ?? '')
      if (i % 200 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    }
    const c = process.cpuUsage(c0)
    best = Math.min(best, (c.user + c.system) / 1e6)
  }
  const megabytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6
  const result: Result = {
    system: name,
    part,
    messages: texts.length,
    megabytes,
    cpuSeconds: best,
    mbPerCpuSecond: megabytes / best,
    loadMs,
    baseRssMb: baseRss / 1e6,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
    peakHeapMb: peakHeap / 1e6,
  }
  process.stdout.write(JSON.stringify(result) + '\n')
}

function parent(): void {
  if (!evalRoot()) {
    process.stdout.write('shared/eval not found (set RIGHTSDESK_EVAL_DIR): nothing to measure.\n')
    return
  }
  const self = fileURLToPath(import.meta.url)
  const loadBefore = load()
  const rows: Result[] = []
  for (const part of ['messages', 'bodies']) {
    for (const system of SYSTEMS) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, '--child', system, part], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
      rows.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result)
    }
  }
  const lines = [
    '## Detection speed on the Enron mbox subset (CPU time, one core, best of 3 rounds)',
    '',
    `Load average (1, 5, 15 min; ${os.availableParallelism()} cores): ${loadBefore} before, ${load()} after.`,
    '',
    `Slow peers are measured on a ${SAMPLE_BYTES / 1000} KB sample (the first messages), in one round.`,
    '',
    '| system | text | messages | MB | CPU s | MB/s per core | load ms | RSS after load MB | peak RSS MB | peak heap MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows
      .map((r) =>
        [
          r.system,
          r.part === 'bodies' ? 'bodies only' : 'whole messages',
          r.messages,
          r.megabytes.toFixed(2),
          r.cpuSeconds.toFixed(2),
          `**${r.mbPerCpuSecond.toFixed(2)}**`,
          r.loadMs.toFixed(0),
          r.baseRssMb.toFixed(0),
          r.peakRssMb.toFixed(0),
          r.peakHeapMb.toFixed(0),
        ].join(' | '),
      )
      .map((l) => `| ${l} |`),
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

const at = process.argv.indexOf('--child')
if (at !== -1) await child(process.argv[at + 1] ?? '', process.argv[at + 2] ?? 'messages')
else parent()
