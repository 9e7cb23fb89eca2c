/** A document the PDF engine could not use, with a message fit to show the person who uploaded it. */
export class PdfInputError extends Error {
  override name = 'PdfInputError'
}

/** The engine's own message, reduced to one line: mupdf errors can carry internal detail over several lines. */
export function engineMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return (message.split('\n')[0] ?? message).slice(0, 200)
}
