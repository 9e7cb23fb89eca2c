import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildNeedles, matchNeedles } from './needles.js'
import { findOccurrences, normalise } from './normalise.js'

describe('matchNeedles', () => {
  it('finds the same matches as searching for each needle in turn (property)', () => {
    const word = fc.constantFrom('Ann', 'ann', 'Jane', 'Doe', 'Smith', 'x', 'planning', 'Jane Doe', 'o', 'é', 'Zoë')
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 5 }), (words, terms) => {
        const text = words.join(' ')
        const set = buildNeedles(terms, [], [])
        const hay = normalise(text)
        const naive = set.needles.flatMap((n) => findOccurrences(hay, n.folded).map((r) => `${n.label}@${r}`))
        const indexed = matchNeedles(text, set).map((m) => `${m.needle.label}@${m.range}`)
        expect(indexed.sort()).toEqual(naive.sort())
      }),
    )
  })

  it('finds a name drawn backwards (reversed glyph order, mirrored text), but not short names reversed', () => {
    const set = buildNeedles(['Zanzibar Quillfeather', 'Ann', 'Liam'], [], [])
    const text = 'rehtaeflliuQ rabiznaZ :ssentiW and nnA sent the mail'
    expect(matchNeedles(text, set).map((m) => text.slice(...m.range))).toEqual(['rehtaeflliuQ rabiznaZ'])
  })

  it('in OCR text, long names are found through misread letters and short ones only exactly', () => {
    const set = buildNeedles(['Quillfeather', 'Ali'], [], [])
    const text = 'Signed Qui1lfeather. We all met Ali.'
    expect(matchNeedles(text, set, 'ocr').map((m) => text.slice(...m.range))).toEqual(['Ali', 'Qui1lfeather'])
    expect(matchNeedles(text, set).map((m) => text.slice(...m.range))).toEqual(['Ali'])
  })

  it('handles one-character terms', () => {
    expect(matchNeedles('Mr X met Y and X.', buildNeedles(['x'], [], [])).map((m) => m.range)).toEqual([
      [3, 4],
      [15, 16],
    ])
  })
})
