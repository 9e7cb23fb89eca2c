/**
 * OCR quality on a scanned set we generate (issue 10): text documents laid out as A4 pages with our own renderer,
 * rendered to grey pictures at 150 or 200 dpi, turned by a few degrees and sprinkled with Gaussian noise (the
 * scanner's glass, a phone camera's sensor), then ingested like any photograph: OCR at ingest, then detection.
 *
 *   npx tsx bench/ocr-quality.ts [--pages 24]
 *
 * Reports word accuracy (words of the original found in order in what OCR read: 1 − word error rate, by edit
 * distance over words) and PERSON recall (of the people named in the original, how many detection proposes on the
 * scan, by their surname) for each condition.
 */
import { parseArgs } from 'node:util'
import { scanOf } from '../test/fixtures/disclosure/scans.js'
import { detect } from '../src/disclosure/detect/detect.js'
import { ingestFile } from '../src/disclosure/ingest/index.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { stopOcr } from '../src/disclosure/ocr/engine.js'

const { values } = parseArgs({ options: { pages: { type: 'string', default: '24' } } })
const PAGES = Number(values.pages)

const GIVEN = ['Priya', 'Jonathan', 'Siobhan', 'Tomasz', 'Grace', 'Mohammed', 'Aisling', 'Callum', 'Yusuf', 'Bethany']
const SURNAMES = ['Ramanathan', 'Blackwood', 'Connell', 'Wisniewski', 'Adeyemi', 'Hussain', 'Doherty', 'McLeod']
const SENTENCES = [
  (a: string, b: string) =>
    `On the evening of the incident ${a} telephoned the control room to report that ${b} had been seen outside the property.`,
  (a: string, b: string) =>
    `PC Smith spoke to ${a}, who said that ${b} left in a silver car shortly after ten o'clock.`,
  (a: string) => `The statement was read over to ${a}, who agreed that it was accurate and signed each page.`,
  (a: string, b: string) =>
    `Mrs ${a.split(' ')[1]} said she did not know ${b} and had never spoken to him before that night.`,
]

interface Page {
  text: string
  people: string[]
}

function page(n: number): Page {
  const people: string[] = []
  const person = (k: number) => {
    const name = `${GIVEN[(n * 3 + k) % GIVEN.length]} ${SURNAMES[(n * 5 + k * 3) % SURNAMES.length]}`
    people.push(name)
    return name
  }
  const paragraphs = Array.from({ length: 4 }, (_, i) =>
    SENTENCES[(n + i) % SENTENCES.length]!(person(i * 2), person(i * 2 + 1)),
  )
  const text = paragraphs.join('\n')
  // A sentence may use only one of the two people it was given: count only the people the page names.
  return { text, people: [...new Set(people)].filter((p) => text.includes(p.split(' ')[1]!)) }
}

const CONDITIONS = [
  { name: 'clean, 200 dpi', dpi: 200, angle: 0, noise: 0 },
  { name: 'turned 1.5°, light noise (σ 12), 200 dpi', dpi: 200, angle: 1.5, noise: 12 },
  { name: 'turned 3°, heavy noise (σ 35), 150 dpi', dpi: 150, angle: 3, noise: 35 },
]

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)

/** Word-level edit distance: substitutions, insertions and deletions. */
function wordErrors(truth: string[], read: string[]): number {
  let prev = Array.from({ length: read.length + 1 }, (_, j) => j)
  for (let i = 1; i <= truth.length; i++) {
    const cur = [i]
    for (let j = 1; j <= read.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (truth[i - 1] === read[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[read.length]!
}

console.log(
  `OCR quality: ${PAGES} generated pages per condition (tesseract.js ${await version()}, eng 4.0.0_best_int)\n`,
)
// The detector's own recall on the original text, with no OCR in between: the ceiling for the scans below.
let ceilingFound = 0
let ceilingPeople = 0
for (let n = 0; n < PAGES; n++) {
  const p = page(n)
  const proposed = detect(p.text, {})
    .filter((s) => s.type === 'PERSON')
    .map((s) => s.text.toLowerCase())
  for (const person of p.people) {
    ceilingPeople++
    if (proposed.some((t) => t.includes(person.split(' ')[1]!.toLowerCase()))) ceilingFound++
  }
}
console.log('| condition | word accuracy | PERSON recall | s per page |')
console.log('|---|---:|---:|---:|')
console.log(
  `| original text, no OCR (the detector's ceiling) | – | ${((100 * ceilingFound) / ceilingPeople).toFixed(1)}% (${ceilingFound}/${ceilingPeople}) | – |`,
)
for (const c of CONDITIONS) {
  let errors = 0
  let total = 0
  let people = 0
  let found = 0
  const start = performance.now()
  for (let n = 0; n < PAGES; n++) {
    const p = page(n)
    const png = scanOf([{ text: p.text }], { dpi: c.dpi, angle: c.angle, noise: c.noise, seed: n + 1 })
    const [doc] = (await ingestFile(new Uint8Array(png), `scan-${n}.png`)).documents
    const read = readPageTexts(doc!.pdf)[0]!.replace(/^Image: \S+/, '')
    const truth = words(p.text)
    errors += wordErrors(truth, words(read))
    total += truth.length
    const proposed = detect(read, {})
      .filter((s) => s.type === 'PERSON')
      .map((s) => s.text.toLowerCase())
    for (const person of p.people) {
      people++
      const surname = person.split(' ')[1]!.toLowerCase()
      if (proposed.some((t) => t.includes(surname))) found++
    }
  }
  const seconds = (performance.now() - start) / 1000 / PAGES
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  console.log(
    `| ${c.name} | ${pct(1 - errors / total)} | ${pct(found / people)} (${found}/${people}) | ${seconds.toFixed(2)} |`,
  )
}
await stopOcr()

async function version(): Promise<string> {
  const { createRequire } = await import('node:module')
  return (createRequire(import.meta.url)('tesseract.js/package.json') as { version: string }).version
}
