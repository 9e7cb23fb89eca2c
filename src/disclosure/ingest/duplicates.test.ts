import { describe, expect, it } from 'vitest'
import { collapseDuplicates } from './duplicates.js'
import type { IngestedDocument } from './types.js'

const doc = (sourceName: string, sha256: string, email?: IngestedDocument['email']): IngestedDocument => ({
  title: sourceName,
  kind: email ? 'email' : 'pdf',
  sourceName,
  sha256,
  pdf: new Uint8Array(),
  pageCount: 1,
  needsManualReview: false,
  warnings: [],
  email,
})

describe('collapseDuplicates', () => {
  it('keeps the first of exact copies and lists the others', () => {
    const report = collapseDuplicates([doc('a.pdf', 'h1'), doc('b.pdf', 'h2'), doc('copy of a.pdf', 'h1')])
    expect(report.kept.map((d) => d.sourceName)).toEqual(['a.pdf', 'b.pdf'])
    expect(report.duplicates).toEqual([{ sourceName: 'copy of a.pdf', sameAs: 'a.pdf' }])
  })

  it('flags, but keeps, the same email found in several mailboxes', () => {
    const report = collapseDuplicates([
      doc('inbox #1', 'x1', { messageId: '<1@x>', contentHash: 'c1' }),
      doc('sent #4', 'x2', { messageId: '<1@x>', contentHash: 'c1' }),
      doc('notes #2', 'x3', { contentHash: 'c9' }),
      doc('notes #7', 'x4', { contentHash: 'c9' }),
    ])
    expect(report.kept).toHaveLength(4)
    expect(report.nearDuplicates).toEqual([
      { reason: 'same Message-ID', sourceNames: ['inbox #1', 'sent #4'] },
      { reason: 'same subject and body', sourceNames: ['notes #2', 'notes #7'] },
    ])
  })
})
