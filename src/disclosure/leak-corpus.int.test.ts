import { afterAll, describe, expect, it } from 'vitest'
import { HIDDEN_PDFS, pdfBuildingTextWithJavaScript } from '../../test/fixtures/disclosure/hidden-pdfs.js'
import { LEAKY_DOCUMENTS, type LeakyInput } from '../../test/fixtures/disclosure/leaky-documents.js'
import { SECRET } from '../../test/fixtures/disclosure/leaky-pdfs.js'
import { everyReader, found } from '../../test/fixtures/disclosure/readers.js'
import { stopOcr } from './ocr/engine.js'
import { buildBundle } from './pipeline.js'

const FRAGMENTS = ['zanzibar', 'quillfeather']

/**
 * Hiding places redaction cannot reach, so the verifier refuses the bundle: text inside a tiling pattern's cell
 * (MuPDF does not redact inside patterns), optional content switched off (not extracted, so not redacted, yet still
 * in the file), and a font whose Unicode map lies (extraction reads other letters; only OCR sees the name).
 */
const REFUSED = new Set([
  'inside a tiling pattern',
  'in optional content switched off',
  'behind a Unicode map that lies',
])

const CORPUS: Record<string, LeakyInput> = {
  ...Object.fromEntries(
    Object.entries(HIDDEN_PDFS).map(([name, make]) => [
      `PDF ${name}`,
      { name: 'statement.pdf', bytes: make, outcome: REFUSED.has(name) ? 'refused' : 'clean' } satisfies LeakyInput,
    ]),
  ),
  'PDF with JavaScript that would write the name when opened': {
    name: 'scripted.pdf',
    bytes: pdfBuildingTextWithJavaScript,
    outcome: 'refused',
  },
  ...LEAKY_DOCUMENTS,
}

afterAll(() => stopOcr())

/**
 * The leak corpus (issue 10): every hiding place either comes out of `redact` clean — no extractor, no scan of the
 * raw bytes and no OCR of the page finds the name — or is refused. Zero silent leaks. See also leak.int.test.ts and
 * visual-leak.int.test.ts, which hold the rest of the corpus.
 */
describe('leak corpus: every hiding place comes out clean or is refused', () => {
  it.each(Object.keys(CORPUS))('%s', async (name) => {
    const { name: file, bytes, outcome } = CORPUS[name]!
    const result = await buildBundle([{ name: file, bytes: new Uint8Array(bytes()) }], {
      reference: 'LEAK-2',
      controllerName: 'Testshire Police',
      date: '1 May 2026',
      terms: [SECRET],
    })
    const refused = result.failures.length > 0 || !result.verification.ok
    if (outcome === 'refused') {
      expect(refused, 'refused').toBe(true)
      return
    }
    expect(result.failures).toEqual([])
    expect(result.verification.survivors).toEqual([])
    const body = result.documents.flatMap((d) => Array.from({ length: d.pageCount }, (_, i) => d.firstPage + i))
    const readers = await everyReader(result.pdf, body)
    for (const [reader, text] of Object.entries(readers)) expect(found(text, FRAGMENTS), reader).toEqual([])
  })
})
