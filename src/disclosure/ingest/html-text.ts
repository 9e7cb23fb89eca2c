import type SanitizeHtml from 'sanitize-html'
import { lazyRequire } from '../../lazy-require.js'

const sanitizeHtml = lazyRequire<typeof SanitizeHtml>('sanitize-html')

/**
 * HTML email bodies become plain text in two steps: sanitize-html first (scripts, styles, forms, remote images and
 * every attribute dropped: nothing from the input is ever executed or fetched), then the few structural tags left
 * turn into line breaks. Text hidden with CSS becomes visible, which is right for a disclosure: it was sent.
 */
const BLOCK_TAGS = ['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'blockquote', 'pre', 'hr']
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

export function htmlToText(html: string): string {
  const clean = sanitizeHtml()(html, {
    allowedTags: [...BLOCK_TAGS, ...HEADINGS],
    allowedAttributes: {},
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'head', 'title', 'template'],
  })
  return decodeEntities(
    clean
      .replace(/\s+/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(td|th)>/gi, '\t')
      .replace(/<li>/gi, '\n• ')
      .replace(/<\/?(p|div|tr|table|ul|ol|blockquote|pre|h[1-6])>/gi, '\n')
      .replace(/<hr\s*\/?>/gi, '\n———\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}
