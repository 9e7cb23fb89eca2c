import { describe, expect, it } from 'vitest'
import { rewriteContent } from './content-rewrite.js'

const rewrite = (s: string, options = { quotes: true, markedContentText: true }) => {
  const out = rewriteContent(Buffer.from(s, 'latin1'), options)
  return out === null ? null : Buffer.from(out).toString('latin1')
}

describe('rewriteContent: quote operators', () => {
  it("spells ' as T* … Tj", () => {
    expect(rewrite("BT 14 TL (one) ' (two) ' ET")).toBe('BT 14 TL T* (one) Tj T* (two) Tj ET')
  })

  it('spells " as Tw Tc T* … Tj', () => {
    expect(rewrite('BT 1 0.5 (three) " ET')).toBe('BT 1 Tw 0.5 Tc T* (three) Tj ET')
  })

  it('leaves quotes inside strings, nested parentheses and escapes alone', () => {
    expect(rewrite("BT (it's \\) (fine)) Tj ET")).toBeNull()
  })

  it('skips inline image data, which may contain any byte', () => {
    const stream = "BI /W 1 /H 1 /BPC 8 /CS /G ID '\"' EI BT (x) ' ET"
    expect(rewrite(stream)).toBe("BI /W 1 /H 1 /BPC 8 /CS /G ID '\"' EI BT T* (x) Tj ET")
  })

  it('returns null when there is nothing to change', () => {
    expect(rewrite('BT (plain) Tj ET')).toBeNull()
  })
})

describe('rewriteContent: marked-content text', () => {
  it('removes ActualText, Alt and E from inline property dictionaries and keeps the rest', () => {
    expect(rewrite('/Span <</Lang (en) /ActualText (Jane Doe) /Alt <4a44>>> BDC (J. D.) Tj EMC')).toBe(
      '/Span <</Lang (en)>> BDC (J. D.) Tj EMC',
    )
  })

  it('leaves named property lists (checked in resources instead) and plain BMC alone', () => {
    expect(rewrite('/Span /P1 BDC (x) Tj EMC /Tx BMC (y) Tj EMC')).toBeNull()
  })
})
