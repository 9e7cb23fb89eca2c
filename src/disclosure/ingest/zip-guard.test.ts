import { describe, expect, it } from 'vitest'
import { buildZip } from '../../../test/fixtures/disclosure/zip.js'
import { checkZip, readEntry } from './zip-guard.js'

const limits = { maxUnzippedBytes: 50 * 1024 * 1024, maxZipRatio: 100 }

describe('checkZip', () => {
  it('accepts an ordinary package and reads its entries', () => {
    const zip = buildZip([{ name: 'a.xml', data: Buffer.from('<a>hello</a>') }])
    const [entry] = checkZip(zip, limits)
    expect(entry?.name).toBe('a.xml')
    expect(readEntry(zip, entry!).toString()).toBe('<a>hello</a>')
  })

  it('refuses a package that claims to expand beyond the limit', () => {
    const zip = buildZip([{ name: 'big.xml', data: Buffer.from('x'), claimedSize: 60 * 1024 * 1024 }])
    expect(() => checkZip(zip, limits)).toThrow(/expands to more than 50 MB/)
  })

  it('refuses an entry compressed beyond the ratio', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024) }])
    expect(() => checkZip(zip, limits)).toThrow(/compressed more than 100:1/)
  })

  it('refuses an entry that inflates beyond the size it claims (a lying bomb)', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(4 * 1024 * 1024), claimedSize: 1000 }])
    expect(() => checkZip(zip, limits)).toThrow(/expands beyond its declared size/)
  })

  it('refuses a truncated package', () => {
    const zip = buildZip([{ name: 'a.xml', data: Buffer.from('<a>hello</a>'.repeat(100)) }])
    expect(() => checkZip(zip.subarray(0, zip.length / 2), limits)).toThrow(/truncated|damaged/)
  })
})
