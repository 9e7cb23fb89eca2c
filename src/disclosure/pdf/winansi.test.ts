import { describe, expect, it } from 'vitest'
import { foldForMatch } from './text-fold.js'
import { encodeWinAnsi, pdfLiteral } from './winansi.js'

describe('encodeWinAnsi', () => {
  it('keeps Latin-1 and Windows-1252 characters as single bytes', () => {
    const { text, bytes, unrepresentable } = encodeWinAnsi('Zoë café €5 “quoted” – ok')
    expect(text).toBe('Zoë café €5 “quoted” – ok')
    expect(unrepresentable).toBe(0)
    expect(bytes[2]).toBe(0xeb)
    expect(bytes[9]).toBe(0x80)
  })

  it('folds letters the font lacks to their plain form, so names stay readable and searchable', () => {
    expect(encodeWinAnsi('Łukasz Wiśniewski, Đorđe').text).toBe('Lukasz Wisniewski, Dorde')
  })

  it('shows what it cannot spell as "?" and counts it', () => {
    const encoded = encodeWinAnsi('name: 王小明 😀')
    expect(encoded.text).toBe('name: ??? ?')
    expect(encoded.unrepresentable).toBe(4)
  })

  it('keeps line breaks for the layout, expands tabs and drops other control characters', () => {
    expect(encodeWinAnsi('a\tb\nc\u0007d').text).toBe('a    b\ncd')
  })
})

describe('pdfLiteral', () => {
  it('escapes parentheses and backslashes', () => {
    expect(pdfLiteral(encodeWinAnsi('a (b) \\ c').bytes)).toBe('(a \\(b\\) \\\\ c)')
  })
})

describe('foldForMatch', () => {
  it('lowercases and removes accents, ligatures and letters without decomposition alike', () => {
    expect(['É', 'ﬁ', 'Ł', 'ß', 'Ø'].map(foldForMatch)).toEqual(['e', 'fi', 'l', 'ss', 'o'])
  })
})
