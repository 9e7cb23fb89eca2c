// Lays a chart model out as shapes in a 600 × 300 box: legend on top, y axis with gridlines on the left, categories
// along the bottom, axis titles. Both renderers draw exactly these shapes, so the SVG and the PDF look the same.
import { CHART_HEIGHT, CHART_WIDTH, GOVUK, type ChartModel, type Shape } from './model.js'

const PLOT = { left: 62, right: CHART_WIDTH - 16, top: 52, bottom: CHART_HEIGHT - 62 }
const FONT = { tick: 12, value: 11, legend: 12, axis: 12 }

/** Arial's average advance is about 0.5 em: enough to place legend items without measuring fonts. */
export function estimateTextWidth(text: string, size: number): number {
  return text.length * size * 0.5
}

export interface Scale {
  max: number
  step: number
}

/** A y scale from 0 with at most about five "nice" steps (1, 2, 5 × 10^n); counts never get fractional ticks. */
export function niceScale(maxValue: number, percent = false): Scale {
  if (percent) return { max: 100, step: 20 }
  if (maxValue <= 0) return { max: 5, step: 1 }
  const raw = maxValue / 5
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude)
  return { max: Math.ceil(maxValue / step) * step, step }
}

function yOf(value: number, scale: Scale): number {
  return PLOT.bottom - (value / scale.max) * (PLOT.bottom - PLOT.top)
}

function format(value: number, percent: boolean | undefined): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1)
  return percent ? `${text}%` : text
}

function legend(model: ChartModel): Shape[] {
  const shapes: Shape[] = []
  let x = PLOT.left
  for (const s of model.series) {
    shapes.push({ kind: 'rect', x, y: 10, w: 14, h: 14, fill: s.colour })
    shapes.push({ kind: 'text', x: x + 20, y: 22, text: s.name, size: FONT.legend, fill: GOVUK.black, anchor: 'start' })
    x += 20 + estimateTextWidth(s.name, FONT.legend) + 24
  }
  if (model.missing && model.series.some((s) => s.values.includes(null))) {
    shapes.push({
      kind: 'text',
      x,
      y: 22,
      text: model.missing.meaning,
      size: FONT.legend,
      fill: GOVUK.darkGrey,
      anchor: 'start',
    })
  }
  return shapes
}

function axes(model: ChartModel, scale: Scale): Shape[] {
  const shapes: Shape[] = []
  for (let v = 0; v <= scale.max; v += scale.step) {
    const y = yOf(v, scale)
    const axis = v === 0
    shapes.push({
      kind: 'line',
      x1: PLOT.left,
      y1: y,
      x2: PLOT.right,
      y2: y,
      stroke: axis ? GOVUK.black : GOVUK.midGrey,
      width: axis ? 1.5 : 0.75,
    })
    const label = format(v, model.percent)
    shapes.push({
      kind: 'text',
      x: PLOT.left - 8,
      y: y + 4,
      text: label,
      size: FONT.tick,
      fill: GOVUK.black,
      anchor: 'end',
    })
  }
  const midY = (PLOT.top + PLOT.bottom) / 2
  shapes.push({
    kind: 'text',
    x: 16,
    y: midY,
    text: model.yAxisLabel,
    size: FONT.axis,
    fill: GOVUK.black,
    anchor: 'middle',
    bold: true,
    vertical: true,
  })
  const midX = (PLOT.left + PLOT.right) / 2
  shapes.push({
    kind: 'text',
    x: midX,
    y: CHART_HEIGHT - 8,
    text: model.xAxisLabel,
    size: FONT.axis,
    fill: GOVUK.black,
    anchor: 'middle',
    bold: true,
  })
  return shapes
}

function bandWidth(model: ChartModel): number {
  return (PLOT.right - PLOT.left) / Math.max(1, model.categories.length)
}

function categoryLabels(model: ChartModel): Shape[] {
  const band = bandWidth(model)
  return model.categories.flatMap((c, i) => {
    const x = PLOT.left + band * (i + 0.5)
    const shapes: Shape[] = [
      { kind: 'text', x, y: PLOT.bottom + 18, text: c.label, size: FONT.tick, fill: GOVUK.black, anchor: 'middle' },
    ]
    const previous = model.categories[i - 1]
    if (c.group && c.group !== previous?.group) {
      shapes.push({
        kind: 'text',
        x,
        y: PLOT.bottom + 33,
        text: c.group,
        size: FONT.tick,
        fill: GOVUK.darkGrey,
        anchor: 'middle',
      })
    }
    return shapes
  })
}

/** A value above its mark; `halo` (line charts) keeps it readable where it crosses the line. */
function valueLabel(x: number, y: number, value: number, model: ChartModel, halo = false): Shape {
  const text = format(value, model.percent)
  return { kind: 'text', x, y: y - 4, text, size: FONT.value, fill: GOVUK.black, anchor: 'middle', halo }
}

function groupedBars(model: ChartModel, scale: Scale): Shape[] {
  const band = bandWidth(model)
  const group = band * 0.76
  const bar = group / Math.max(1, model.series.length)
  const shapes: Shape[] = []
  model.series.forEach((s, j) =>
    s.values.forEach((value, i) => {
      if (value === null) return
      const x = PLOT.left + band * i + (band - group) / 2 + bar * j
      const y = yOf(value, scale)
      shapes.push({ kind: 'rect', x: x + 0.5, y, w: bar - 1, h: PLOT.bottom - y, fill: s.colour })
      if (bar >= 12) shapes.push(valueLabel(x + bar / 2, y, value, model))
    }),
  )
  return shapes
}

function stackedBars(model: ChartModel, scale: Scale): Shape[] {
  const band = bandWidth(model)
  const bar = Math.min(band * 0.6, 90)
  const shapes: Shape[] = []
  model.categories.forEach((_, i) => {
    const x = PLOT.left + band * i + (band - bar) / 2
    let total = 0
    for (const s of model.series) {
      const value = s.values[i] ?? 0
      if (value <= 0) continue
      const top = yOf(total + value, scale)
      // A 1-unit white gap between segments keeps neighbouring colours apart.
      shapes.push({ kind: 'rect', x, y: top + 1, w: bar, h: Math.max(0, yOf(total, scale) - top - 1), fill: s.colour })
      total += value
    }
    shapes.push(valueLabel(x + bar / 2, yOf(total, scale), total, model))
  })
  return shapes
}

function lineSeries(model: ChartModel, scale: Scale): Shape[] {
  const band = bandWidth(model)
  const shapes: Shape[] = []
  for (const s of model.series) {
    let run: [number, number][] = []
    const flush = () => {
      if (run.length > 1) shapes.push({ kind: 'polyline', points: run, stroke: s.colour, width: 2.5 })
      run = []
    }
    s.values.forEach((value, i) => {
      const x = PLOT.left + band * (i + 0.5)
      if (value === null) {
        flush()
        // A mark at mid height, explained in the legend, so a month without a value is not read as 0%.
        const mark = model.missing?.mark ?? 'n/a'
        const mid = (PLOT.top + PLOT.bottom) / 2
        shapes.push({ kind: 'text', x, y: mid, text: mark, size: 11, fill: GOVUK.darkGrey, anchor: 'middle' })
        return
      }
      run.push([x, yOf(value, scale)])
    })
    flush()
    s.values.forEach((value, i) => {
      if (value === null) return
      const x = PLOT.left + band * (i + 0.5)
      const y = yOf(value, scale)
      shapes.push({ kind: 'circle', cx: x, cy: y, r: 4, fill: s.colour })
      // Above the point, unless the line climbs away from it on more sides than it falls (a dip): there a label
      // above would sit on the line, so it goes below, where the line is not (if there is room above the axis).
      const neighbours = [s.values[i - 1], s.values[i + 1]].filter((v): v is number => v !== null && v !== undefined)
      const higher = neighbours.filter((v) => v > value).length
      const lower = neighbours.filter((v) => v < value).length
      const below = higher > 0 && higher >= lower && y + FONT.value + 10 < PLOT.bottom
      shapes.push(valueLabel(x, below ? y + FONT.value + 10 : y - 3, value, model, true))
    })
  }
  return shapes
}

function maxValue(model: ChartModel): number {
  if (model.kind === 'stacked-bar') {
    return Math.max(0, ...model.categories.map((_, i) => model.series.reduce((t, s) => t + (s.values[i] ?? 0), 0)))
  }
  return Math.max(0, ...model.series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
}

export function layoutChart(model: ChartModel): Shape[] {
  const scale = niceScale(maxValue(model), model.percent)
  const marks =
    model.kind === 'line'
      ? lineSeries(model, scale)
      : model.kind === 'stacked-bar'
        ? stackedBars(model, scale)
        : groupedBars(model, scale)
  // Gridlines first, marks over them, the zero axis redrawn on top so bars sit on a crisp line.
  const grid = axes(model, scale)
  const zero = grid.find((s) => s.kind === 'line' && s.stroke === GOVUK.black)
  return [...grid, ...marks, ...(zero ? [zero] : []), ...categoryLabels(model), ...legend(model)]
}
