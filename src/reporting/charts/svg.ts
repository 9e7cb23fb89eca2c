// Writes a laid-out chart as a standalone, accessible SVG: role="img" named by its <title> and described by its
// <desc>, no scripts, no external fonts or images, so it can be inlined in a page under a strict CSP or saved alone.
import { layoutChart } from './layout.js'
import { CHART_HEIGHT, CHART_WIDTH, GOVUK, type ChartModel, type Shape } from './model.js'

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

const n = (value: number) => String(Math.round(value * 100) / 100)

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"/>`
    case 'line': {
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : ''
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${s.width}"${dash}/>`
    }
    case 'polyline': {
      const points = s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')
      return `<polyline points="${points}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-linejoin="round"/>`
    }
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"/>`
    case 'text': {
      const weight = s.bold ? ' font-weight="bold"' : ''
      const halo = s.halo ? ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' : ''
      const rotate = s.vertical ? ` transform="rotate(-90 ${n(s.x)} ${n(s.y)})"` : ''
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}" fill="${s.fill}" text-anchor="${s.anchor}"${weight}${halo}${rotate}>${escapeXml(s.text)}</text>`
    }
  }
}

/**
 * The chart as an SVG document (also valid inline in HTML). Ids are prefixed with the model's id. `fluid` leaves out
 * the width and height, so inline in a page it fills its column and keeps its shape (no style attribute needed).
 */
export function renderChartSvg(model: ChartModel, options: { fluid?: boolean } = {}): string {
  const id = escapeXml(model.id)
  const size = options.fluid ? '' : ` width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"${size}`,
    ` role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, Helvetica, sans-serif" class="app-chart">`,
    `<title id="${id}-title">${escapeXml(model.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(model.description)}</desc>`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="${GOVUK.white}"/>`,
    ...layoutChart(model).map(shapeSvg),
    '</svg>',
  ].join('\n')
}
