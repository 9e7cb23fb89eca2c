import { afterAll, describe, expect, it } from 'vitest'
import { KEEP, SECRET } from '../../test/fixtures/disclosure/leaky-pdfs.js'
import { everyReader, found, squash } from '../../test/fixtures/disclosure/readers.js'
import { VISUAL_PDFS } from '../../test/fixtures/disclosure/visual-pdfs.js'
import { stopOcr } from './ocr/engine.js'
import { buildBundle } from './pipeline.js'

const FRAGMENTS = ['zanzibar', 'quillfeather']

afterAll(() => stopOcr())

describe('redaction follows the text as a reader sees it (issue 10)', () => {
  it.each(Object.keys(VISUAL_PDFS))('%s: the name is removed from the page, and the bundle verifies', async (name) => {
    const input = new Uint8Array((VISUAL_PDFS[name] as () => Buffer)())
    const result = await buildBundle([{ name: 'statement.pdf', bytes: input }], {
      reference: 'LEAK-1',
      controllerName: 'Testshire Police',
      date: '1 May 2026',
      terms: [SECRET],
    })
    expect(result.failures).toEqual([])
    expect(result.verification).toMatchObject({ ok: true, survivors: [] })
    const body = result.documents[0]!.firstPage
    const readers = await everyReader(result.pdf, [body])
    for (const [reader, text] of Object.entries(readers)) expect(found(text, FRAGMENTS), reader).toEqual([])
    expect(readers.ocr).toContain(squash(KEEP))
  })
})
