import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'

const templatesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates')

// Plain text: no HTML escaping (the HTML email escapes when it converts); blocks leave no stray blank lines.
const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader([path.join(templatesDir, 'letters'), path.join(templatesDir, 'emails')], {
    noCache: process.env.NODE_ENV !== 'production',
  }),
  { autoescape: false, trimBlocks: true, lstripBlocks: true, throwOnUndefined: false },
)

export interface RenderedText {
  subject: string
  body: string
}

/** Renders a letter or email template; a first line "Subject: …" becomes the subject. Runs of blank lines collapse. */
export function renderTemplate(file: string, context: object): RenderedText {
  const raw = env.render(file, context).replace(/\r\n/g, '\n')
  const tidy = raw
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  const match = /^Subject: (.*)\n+/.exec(tidy)
  if (!match) return { subject: '', body: tidy }
  return { subject: (match[1] ?? '').trim(), body: tidy.slice(match[0].length).trim() }
}
