import { describe, expect, it } from 'vitest'
import { safeTitle } from './titles.js'

describe('document titles in the contents list', () => {
  it('lose a redacted person’s surname even on its own in a file name', () => {
    expect(safeTitle('witness-statement-thornley.pdf', ['Rebecca Thornley', 'R. Thornley'], [], ['Alex Morgan'])).toBe(
      'witness-statement-[redacted].pdf',
    )
  })

  it('lose a redacted string in full, and a first name standing as a word', () => {
    expect(safeTitle('Call with Rebecca about the drive', ['Rebecca Thornley'], ['blue Ford Fiesta'], [])).toBe(
      'Call with [redacted] about the drive',
    )
    expect(safeTitle('Photo of the blue Ford Fiesta', [], ['blue Ford Fiesta'], [])).toBe('Photo of the [redacted]')
  })

  it('keep the requester’s own name, titles and ranks, and words that merely contain a short name', () => {
    expect(safeTitle('Letter to Mr Alex Morgan', ['Mr Sam Morgan'], [], ['Alex Morgan'])).toBe(
      'Letter to Mr Alex Morgan',
    )
    expect(safeTitle('PC Sam Ali notes', ['PC Sam Ali'], [], [])).toBe('PC [redacted] [redacted] notes')
    expect(safeTitle('Annual salient review', ['Sam Ali'], [], [])).toBe('Annual salient review')
  })
})
