// One chart model feeds both renderers: layout.ts turns it into positioned shapes in a 600 × 300 box, which svg.ts
// writes as SVG for the staff pages and pdf.ts draws with pdf-lib for the monthly pack. Every chart carries the data
// table it was drawn from, shown beside it (DESIGN §2: accessible charts without client-side JavaScript).

/** GOV.UK Design System colours (govuk-frontend 5+ palette). */
export const GOVUK = {
  black: '#0b0c0c',
  darkGrey: '#505a5f',
  midGrey: '#b1b4b6',
  lightGrey: '#f3f2f1',
  white: '#ffffff',
  blue: '#1d70b8',
  darkBlue: '#003078',
  lightBlue: '#5694ca',
  green: '#00703c',
  red: '#d4351c',
  orange: '#f47738',
  purple: '#4c2c92',
} as const

export interface DataTable {
  caption: string
  headers: string[]
  rows: string[][]
  /** Columns (by index) holding numbers: right-aligned in HTML and PDF tables. */
  numericColumns: number[]
  /** Rows (by index) that need attention, e.g. overdue cases: shown in bold red. */
  alertRows?: number[]
}

export interface ChartSeries {
  name: string
  colour: string
  /** One value per category; null means "no value" (e.g. no responses that month), drawn as a gap. */
  values: (number | null)[]
}

export interface ChartCategory {
  label: string
  /** A second line shown under the label when it changes, e.g. the year under month names. */
  group?: string
}

export type ChartKind = 'grouped-bar' | 'stacked-bar' | 'line'

export interface ChartModel {
  /** Unique on a page: used for the SVG title and desc ids. */
  id: string
  kind: ChartKind
  title: string
  /** The chart in one or two sentences, with its main numbers: what a screen reader announces. */
  description: string
  categories: ChartCategory[]
  series: ChartSeries[]
  xAxisLabel: string
  yAxisLabel: string
  /** Values are percentages: the y axis runs 0–100% and labels carry a % sign. */
  percent?: boolean
  /** Line charts: the mark shown where a value is null, and what it means (added to the legend). */
  missing?: { mark: string; meaning: string }
  table: DataTable
}

/** A chart ready for a page: the model, its SVG and its data table. */
export interface Chart {
  model: ChartModel
  svg: string
  table: DataTable
}

export const CHART_WIDTH = 600
export const CHART_HEIGHT = 300

/** Positioned drawing primitives in chart units (origin top left, y down, like SVG). */
export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number }
  | { kind: 'polyline'; points: [number, number][]; stroke: string; width: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | {
      kind: 'text'
      x: number
      /** Baseline. */
      y: number
      text: string
      size: number
      fill: string
      anchor: 'start' | 'middle' | 'end'
      bold?: boolean
      /** Rotated 90° anticlockwise about (x, y), reading upwards (the y axis title). */
      vertical?: boolean
      /** A white outline behind the text, so a value label stays readable where it crosses a line. */
      halo?: boolean
    }
