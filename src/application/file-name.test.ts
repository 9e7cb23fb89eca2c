import { describe, expect, it } from 'vitest'
import { safeFilename, storedFilename } from './file-name.js'

describe('file names from outside', () => {
  it('lose bidirectional overrides, isolates and marks, so a name reads as what it is', () => {
    // "passport<RLO>fdp.exe" shows as "passportexe.pdf" in a file list: the override goes, the truth shows.
    expect(safeFilename('passport\u202efdp.exe')).toBe('passportfdp.exe')
    expect(safeFilename('a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl.pdf')).toBe(
      'abcdefghijkl.pdf',
    )
  })

  it('lose C0 and C1 controls, DEL, zero-width characters, lone surrogates and any path', () => {
    expect(safeFilename('..\\..\\bill\u0000\u0007\u001b\u007f\u0085\u009b\u200b\ufeff\ud800.pdf')).toBe('bill.pdf')
    expect(safeFilename('/etc/passwd')).toBe('passwd')
    expect(safeFilename('\u202e')).toBe('document')
    expect(safeFilename('..')).toBe('document')
  })

  it('keep accents, other scripts and emoji whole, within 120 characters', () => {
    expect(safeFilename('Siân Llŷr – ffurflen.pdf')).toBe('Siân Llŷr – ffurflen.pdf')
    expect(safeFilename('بطاقة هوية.pdf')).toBe('بطاقة هوية.pdf')
    const long = safeFilename('😀'.repeat(200))
    expect(Array.from(long)).toHaveLength(120)
    expect(encodeURIComponent(long)).toContain('%F0%9F%98%80') // throws on half a surrogate pair
  })

  it('end in what the file is when its type is known from the content', () => {
    expect(storedFilename('passport\u202efdp.exe', 'application/pdf')).toBe('passportfdp.pdf')
    expect(storedFilename('scan.JPEG', 'image/jpeg')).toBe('scan.JPEG')
    expect(storedFilename('notes', 'text/plain')).toBe('notes')
    expect(storedFilename('statement.docx', 'application/pdf')).toBe('statement.pdf')
  })
})
