import { describe, expect, it } from 'vitest'
import { AGE_BANDS, type MonthlyPoint } from '../series.js'
import { ageBandChart, onTimeTrendChart, receivedVsClosedChart } from './compliance-charts.js'
import { layoutChart, niceScale } from './layout.js'
import { escapeXml } from './svg.js'

const series: MonthlyPoint[] = [
  { month: '2025-12', received: 3, closed: 2, responded: 2, respondedOnTime: 2, respondedLate: 0, onTimePercent: 100 },
  { month: '2026-01', received: 0, closed: 0, responded: 0, respondedOnTime: 0, respondedLate: 0, onTimePercent: null },
  { month: '2026-02', received: 7, closed: 4, responded: 4, respondedOnTime: 3, respondedLate: 1, onTimePercent: 75 },
]

describe('nice y scales', () => {
  it('uses 1, 2 or 5 steps from zero and never fractional steps for counts', () => {
    expect(niceScale(0)).toEqual({ max: 5, step: 1 })
    expect(niceScale(3)).toEqual({ max: 3, step: 1 })
    expect(niceScale(7)).toEqual({ max: 8, step: 2 })
    expect(niceScale(14)).toEqual({ max: 15, step: 5 })
    expect(niceScale(130)).toEqual({ max: 150, step: 50 })
    expect(niceScale(12, true)).toEqual({ max: 100, step: 20 })
  })
})

describe('accessible SVG charts', () => {
  const chart = receivedVsClosedChart(series, 'received')

  it('is an image named by its title and described by its desc', () => {
    expect(chart.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 300"/)
    expect(chart.svg).toContain('role="img" aria-labelledby="received-title received-desc"')
    expect(chart.svg).toContain('<title id="received-title">Rights requests received and closed each month</title>')
    expect(chart.svg).toContain(
      '<desc id="received-desc">Bar chart of rights requests received and closed in the 3 months from December 2025 to February 2026: 10 received and 6 closed in all. In February 2026, 7 were received and 4 closed. Closed means answered or withdrawn.</desc>',
    )
  })

  it('has no script, no external resource and no web font', () => {
    for (const c of [chart, onTimeTrendChart(series), ageBandChart([], '2026-03-01')]) {
      expect(c.svg).not.toMatch(/<script|href=|@import|url\(|@font-face/i)
      expect(c.svg).toContain('font-family="Arial, Helvetica, sans-serif"')
    }
  })

  it('labels both axes and shows the year under the first month and under January', () => {
    expect(chart.svg).toContain('>Requests</text>')
    expect(chart.svg).toContain('>Month</text>')
    expect(chart.svg.match(/>2025</g)).toHaveLength(1)
    expect(chart.svg.match(/>2026</g)).toHaveLength(1)
  })

  it('escapes text', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;')
  })

  it('returns the data table it was drawn from', () => {
    expect(chart.table.headers).toEqual(['Month', 'Received', 'Closed (answered or withdrawn)'])
    expect(chart.table.rows).toEqual([
      ['December 2025', '3', '2'],
      ['January 2026', '0', '0'],
      ['February 2026', '7', '4'],
    ])
  })
})

describe('on-time trend', () => {
  const chart = onTimeTrendChart(series)

  it('breaks the line where a month had no responses and says so, instead of drawing 0%', () => {
    const shapes = layoutChart(chart.model)
    expect(shapes.filter((s) => s.kind === 'polyline')).toHaveLength(0)
    expect(shapes.filter((s) => s.kind === 'circle')).toHaveLength(2)
    expect(chart.svg).toContain('>n/a</text>')
    expect(chart.svg).toContain('n/a: no responses sent that month')
    expect(chart.table.rows[1]).toEqual(['January 2026', '0', '0', '0', 'No responses'])
  })

  it('describes the latest month in numbers', () => {
    expect(chart.model.description).toContain('In February 2026, 3 of 4 responses (75.0%) were on time.')
  })
})

describe('open cases by age', () => {
  it('stacks within deadline, clock stopped and overdue, with the total on top', () => {
    const bands = AGE_BANDS.map((band, i) => ({
      band,
      onTrack: i,
      waiting: 1,
      overdue: i > 2 ? 2 : 0,
      total: i + 1 + (i > 2 ? 2 : 0),
    }))
    const chart = ageBandChart(bands, '2026-04-01')
    expect(chart.model.title).toBe('Open cases by age on 1 April 2026')
    expect(chart.model.series.map((s) => s.name)).toEqual([
      'Within deadline',
      'Clock stopped: waiting for requester',
      'Overdue',
    ])
    expect(chart.table.rows[4]).toEqual(['Over 60 days', '4', '1', '2', '7'])
    expect(chart.model.description).toContain('4 are overdue')
  })
})
