import { describe, expect, it } from 'vitest'
import { renderTextPdf, scanObjects } from '../pdf/index.js'
import { buildNeedles, matchNeedles } from '../redact/needles.js'
import { coverBlocks } from './front-matter.js'
import { protectWording } from './wording.js'

const span = (text: string) => ({ start: 0, end: text.length, type: 'PERSON' as const, text, score: 1, recogniser: '' })
const cover = coverBlocks(
  { reference: 'SAR-0001', controllerName: 'Northshire Police', dateText: '1 May 2026' },
  {
    documents: 3,
  },
)
  .map((b) => `${b.label ?? ''} ${b.text}`)
  .join('\n')

describe('verifying a bundle against detected names that are everyday words', () => {
  it('the cover’s own sentences are not a leak of "Will" or "Black" detected as names elsewhere', () => {
    const detected = buildNeedles([], [span('Will'), span('Black')], ['Alex Morgan'])
    // Without the wording protected the cover itself would fail every bundle of such a case.
    expect(matchNeedles(cover, detected).map((m) => m.needle.folded)).toEqual(['will', 'black'])
    expect(matchNeedles(cover, protectWording(detected, []))).toEqual([])
  })

  it('the same words in a document still count, and a term a reviewer asked to remove counts on the cover too', () => {
    const set = protectWording(buildNeedles(['black'], [span('Will')], []), [])
    expect(matchNeedles('Will said he saw it.', set).map((m) => m.needle.label)).toEqual(['PERSON'])
    expect(matchNeedles(cover, set).map((m) => m.needle.label)).toEqual(['term 1'])
  })

  it('nor in the raw objects of the file, where the cover stands line by line between PDF operators', () => {
    const blocks = coverBlocks(
      { reference: 'SAR-0001', controllerName: 'Northshire Police', dateText: '1 May 2026' },
      {
        documents: 3,
      },
    )
    const raw: string[] = []
    scanObjects(renderTextPdf(blocks).pdf, (where, text) => void ('page' in where && raw.push(text)))
    const detected = buildNeedles([], [span('Will'), span('Black')], [])
    expect(matchNeedles(raw.join('\n'), detected).length).toBeGreaterThan(0)
    expect(matchNeedles(raw.join('\n'), protectWording(detected, []))).toEqual([])
  })
})
