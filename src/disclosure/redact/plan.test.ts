import { describe, expect, it } from 'vitest'
import type { DetectedSpan } from '../detect/types.js'
import { buildNeedles, matchNeedles } from './needles.js'
import { mergeRanges, planText, rectsForRange } from './plan.js'

const span = (text: string, whole: string, type: DetectedSpan['type']): DetectedSpan => {
  const start = whole.indexOf(text)
  return { start, end: start + text.length, type, text, score: 0.9, recogniser: 'test' }
}

describe('buildNeedles', () => {
  it('keeps terms first, drops duplicates and never makes needles of the subject or staff', () => {
    const text = 'Bob Smith met Jane Doe and PC Green'
    const set = buildNeedles(
      ['jane doe', 'Jane  Doe'],
      [span('Jane Doe', text, 'PERSON'), span('Bob Smith', text, 'SUBJECT'), span('PC Green', text, 'STAFF')],
      ['Bob Smith'],
    )
    expect(set.needles.map((n) => [n.folded, n.kind, n.label])).toEqual([['janedoe', 'TERM', 'term 1']])
  })
})

describe('matchNeedles', () => {
  it('does not remove a detected name inside the subject’s own name, but a typed term is removed everywhere', () => {
    const text = 'Smith wrote to John Smith about Smith'
    const detected = buildNeedles([], [span('Smith', text, 'PERSON')], ['John Smith'])
    expect(matchNeedles(text, detected).map((m) => m.range)).toEqual([
      [0, 5],
      [32, 37],
    ])
    const typed = buildNeedles(['Smith'], [], ['John Smith'])
    expect(matchNeedles(text, typed)).toHaveLength(3)
  })
})

describe('planText', () => {
  it('merges overlapping matches and detections into one redaction', () => {
    const text = 'Call Jane Doe on 07700 900123 today'
    const set = buildNeedles(['Jane Doe'], [], [])
    const plan = planText(text, set, [span('Jane Doe on', text, 'PERSON'), span('07700 900123', text, 'PHONE')])
    expect(plan.map((p) => [text.slice(p.start, p.end), p.kind])).toEqual([
      ['Jane Doe on', 'PERSON'],
      ['07700 900123', 'PHONE'],
    ])
  })

  it('never plans subject or staff spans', () => {
    const text = 'Bob Smith and PC Green'
    expect(
      planText(text, buildNeedles([], [], []), [span('Bob Smith', text, 'SUBJECT'), span('PC Green', text, 'STAFF')]),
    ).toEqual([])
  })

  it('mergeRanges keeps separate stretches separate', () => {
    expect(
      mergeRanges([
        { start: 5, end: 9, kind: 'TERM' },
        { start: 0, end: 3, kind: 'EMAIL' },
      ]),
    ).toEqual([
      { start: 0, end: 3, kind: 'EMAIL' },
      { start: 5, end: 9, kind: 'TERM' },
    ])
  })
})

describe('rectsForRange', () => {
  it('gives one box per line a stretch runs over and skips separators', () => {
    const boxes = new Float32Array([
      ...[10, 100, 15, 110],
      ...[15, 100, 20, 110],
      ...[NaN, NaN, NaN, NaN],
      ...[10, 120, 15, 130],
      ...[15, 120, 20, 130],
    ])
    expect(rectsForRange({ text: 'ab\ncd', boxes }, 0, 5)).toEqual([
      [10, 100, 20, 110],
      [10, 120, 20, 130],
    ])
  })
})
