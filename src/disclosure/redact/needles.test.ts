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

  it('handles one-character terms', () => {
    expect(matchNeedles('Mr X met Y and X.', buildNeedles(['x'], [], [])).map((m) => m.range)).toEqual([
      [3, 4],
      [15, 16],
    ])
  })
})
