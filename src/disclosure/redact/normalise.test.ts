import { describe, expect, it } from 'vitest'
import { ANYWHERE_MIN_LENGTH, findOccurrences, foldNeedle, normalise } from './normalise.js'

const find = (text: string, needle: string) =>
  findOccurrences(normalise(text), foldNeedle(needle)).map(([s, e]) => text.slice(s, e))

describe('matching redacted strings', () => {
  it('ignores case, accents and every kind of whitespace', () => {
    expect(find('Seen: JANE  DOE and jane\ndoe and Jäne\u00a0Doe', 'Jane Doe')).toEqual([
      'JANE  DOE',
      'jane\ndoe',
      'Jäne\u00a0Doe',
    ])
  })

  it('finds a name split across lines or glued by a soft hyphen', () => {
    expect(find('witness Zanzi\u00adbar Quill-\nfeather', 'Zanzibar')).toEqual(['Zanzi\u00adbar'])
  })

  it('finds a name hyphenated across two lines, and a double-barrelled name with or without its hyphen', () => {
    expect(find('The witness, Zanzibar Quill-\nfeather, said', 'Zanzibar Quillfeather')).toEqual([
      'Zanzibar Quill-\nfeather',
    ])
    expect(find('Mrs Smith Jones and Mrs Smith-Jones', 'Smith-Jones')).toEqual(['Smith Jones', 'Smith-Jones'])
  })

  it('finds a name typed with Cyrillic or Greek look-alike letters, or in full-width forms', () => {
    expect(find('Witness: Zаnzibаr (Cyrillic а), ΖΑΝΖΙΒΑR, Ｚａｎｚｉｂａｒ', 'Zanzibar')).toEqual([
      'Zаnzibаr',
      'ΖΑΝΖΙΒΑR',
      'Ｚａｎｚｉｂａｒ',
    ])
  })

  it('folds what OCR confuses only when asked: l/1/I, O/0, rn/m', () => {
    const ocr = (text: string, needle: string) =>
      findOccurrences(normalise(text, 'ocr'), foldNeedle(needle, 'ocr')).map(([s, e]) => text.slice(s, e))
    expect(ocr('Quil1feather and QuiIlfeather and Quillfeather', 'Quillfeather')).toHaveLength(3)
    expect(ocr('Mr Rnorgan', 'Morgan')).toEqual(['Rnorgan'])
    expect(ocr('B0B', 'Bob')).toEqual(['B0B'])
    expect(find('Quil1feather', 'Quillfeather')).toEqual([])
  })

  it('requires word boundaries for short needles, so "Ann" does not black out "planning"', () => {
    expect(foldNeedle('Ann').length).toBeLessThan(ANYWHERE_MIN_LENGTH)
    expect(find('Ann is planning the annual review with ann.', 'Ann')).toEqual(['Ann', 'ann'])
  })

  it('matches long needles anywhere, even glued to other text by an extractor', () => {
    expect(find('Contact:JaneDoeSmith@example.com', 'janedoesmith@example.com')).toEqual(['JaneDoeSmith@example.com'])
  })

  it('maps matches back to the original offsets, including characters outside the BMP', () => {
    const text = '😀 Zoë Smith'
    const [range] = findOccurrences(normalise(text), foldNeedle('zoe smith'))
    expect(range).toEqual([3, 12])
  })
})
