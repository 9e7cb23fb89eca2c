const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** Web addresses in a letter become links in the HTML email (the privacy notice link above all). */
const linkify = (s: string) => s.replace(/https?:\/\/[^\s<]+[^\s<.,;:)]/g, (url) => `<a href="${url}">${url}</a>`)

interface HtmlClasses {
  h2: string
  p: string
  ul: string
}

const PLAIN: HtmlClasses = { h2: '', p: '', ul: '' }
/** GOV.UK Frontend classes, for showing a letter on a staff page. */
export const GOVUK_LETTER_CLASSES: HtmlClasses = {
  h2: 'govuk-heading-s',
  p: 'govuk-body',
  ul: 'govuk-list govuk-list--bullet',
}

/** The letter body as HTML blocks: paragraphs, "## " headings and "- " bullet lists. Everything is escaped. */
export function letterBodyHtml(body: string, classes: HtmlClasses = PLAIN): string {
  const cls = (c: string) => (c ? ` class="${c}"` : '')
  const rest = (lines: string[], raw: string[]): string => {
    if (lines.length === 0) return ''
    if (raw.every((l) => l.startsWith('- ')))
      return `<ul${cls(classes.ul)}>${lines.map((l) => `<li>${l.slice(2)}</li>`).join('')}</ul>`
    return `<p${cls(classes.p)}>${lines.join('<br>')}</p>`
  }
  return body
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n').map((l) => linkify(escape(l)))
      const raw = block.split('\n')
      if (raw[0]?.startsWith('## '))
        return `<h2${cls(classes.h2)}>${lines[0]!.slice(3)}</h2>${rest(lines.slice(1), raw.slice(1))}`
      return rest(lines, raw)
    })
    .join('\n')
}

/** The same letter text as a simple HTML email. */
export function letterToHtml(body: string): string {
  return `<!doctype html><html lang="en-GB"><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.4">${letterBodyHtml(body)}</body></html>`
}
