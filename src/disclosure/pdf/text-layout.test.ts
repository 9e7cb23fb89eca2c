import { describe, expect, it } from 'vitest'
import { A4, layoutBlocks, wrapLine, type Measure } from './text-layout.js'

// One point per character keeps the arithmetic obvious.
const perChar: Measure = (text, _font, size) => (text.length * size) / 10

describe('wrapLine', () => {
  const measure = (s: string) => s.length

  it('keeps a line that fits', () => {
    expect(wrapLine('short line', 20, measure)).toEqual(['short line'])
  })

  it('breaks at spaces and drops the space at the break', () => {
    expect(wrapLine('the quick brown fox jumps', 10, measure)).toEqual(['the quick', 'brown fox', 'jumps'])
  })

  it('breaks a word longer than the line between characters, losing nothing', () => {
    const lines = wrapLine('see https://example.com/a/very/long/path', 10, measure)
    expect(lines.every((l) => l.length <= 10)).toBe(true)
    expect(lines.join('').replace(/\s/g, '')).toBe('seehttps://example.com/a/very/long/path')
  })

  it('keeps an empty line as one empty line', () => {
    expect(wrapLine('', 10, measure)).toEqual([''])
  })
})

describe('layoutBlocks', () => {
  it('places a label in bold and indents wrapped lines past it', () => {
    const [page] = layoutBlocks([{ label: 'To:', text: 'a '.repeat(400) }], perChar)
    const [label, first, second] = page?.runs ?? []
    expect(label).toMatchObject({ font: 'bold', text: 'To:', x: A4.marginLeft })
    expect(first?.x).toBeGreaterThan(A4.marginLeft)
    expect(second?.x).toBe(first?.x)
  })

  it('flows onto new pages and never below the bottom margin', () => {
    const pages = layoutBlocks([{ text: Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n') }], perChar)
    expect(pages.length).toBeGreaterThan(2)
    for (const page of pages)
      for (const run of page.runs) expect(run.y).toBeLessThanOrEqual(A4.height - A4.marginBottom)
    expect(pages.flatMap((p) => p.runs.map((r) => r.text))).toHaveLength(200)
  })

  it('starts a new page when asked, but not on an empty page', () => {
    const pages = layoutBlocks(
      [
        { text: 'one', pageBreakBefore: true },
        { text: 'two', pageBreakBefore: true },
      ],
      perChar,
    )
    expect(pages.map((p) => p.runs.map((r) => r.text))).toEqual([['one'], ['two']])
  })

  it('returns one page for no blocks', () => {
    expect(layoutBlocks([], perChar)).toEqual([{ runs: [], rules: [] }])
  })
})
