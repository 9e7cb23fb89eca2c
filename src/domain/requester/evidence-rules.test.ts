import { describe, expect, it } from 'vitest'
import {
  checkEvidence,
  EVIDENCE_RULES,
  offeredIdentityDocuments,
  REQUESTER_TYPES,
  type DocumentSeen,
} from './evidence-rules.js'

const doc = (party: DocumentSeen['party'], documentType: string): DocumentSeen => ({ party, documentType })

describe('identity and authority evidence, as the office’s policy sets it out', () => {
  it('has a rule for every kind of requester', () => {
    expect(EVIDENCE_RULES.map((r) => r.requesterType).sort()).toEqual([...REQUESTER_TYPES].sort())
  })

  it('a person asking for themselves shows two documents that between them give name and address', () => {
    expect(checkEvidence('self', [doc('subject', 'passport'), doc('subject', 'utility-bill')])).toEqual({
      satisfied: true,
      missing: [],
    })
    const noAddress = checkEvidence('self', [doc('subject', 'passport'), doc('subject', 'birth-certificate')])
    expect(noAddress).toEqual({
      satisfied: false,
      missing: ['A document showing the address of the person the information is about'],
    })
    expect(checkEvidence('self', [doc('subject', 'driving-licence')]).missing).toEqual([
      'One more identity document for the person the information is about',
    ])
  })

  it('a parent of a child under 12 also proves parental responsibility', () => {
    const ids = [
      doc('subject', 'birth-certificate'),
      doc('representative', 'passport'),
      doc('representative', 'council-tax-bill'),
    ]
    expect(checkEvidence('parent-of-child-under-12', ids).missing).toEqual([
      'Proof the representative may act: proof of parental responsibility',
    ])
    expect(checkEvidence('parent-of-child-under-12', [...ids, doc('authority', 'adoption-order')]).satisfied).toBe(true)
  })

  it('an attorney shows one document each and the power of attorney', () => {
    const seen = [
      doc('subject', 'passport'),
      doc('representative', 'passport'),
      doc('authority', 'lasting-power-of-attorney'),
    ]
    expect(checkEvidence('attorney-or-deputy', seen).satisfied).toBe(true)
    expect(checkEvidence('attorney-or-deputy', seen.slice(0, 2)).satisfied).toBe(false)
  })

  it('a solicitor shows the client’s signed written authority, not a power of attorney', () => {
    const ids = [doc('subject', 'passport'), doc('representative', 'driving-licence')]
    expect(checkEvidence('solicitor-or-agent', [...ids, doc('authority', 'lasting-power-of-attorney')]).satisfied).toBe(
      false,
    )
    expect(checkEvidence('solicitor-or-agent', [...ids, doc('authority', 'signed-written-authority')]).satisfied).toBe(
      true,
    )
  })

  it('a representative of someone 12 or over needs two documents of their own showing name and address', () => {
    const seen = [
      doc('subject', 'passport'),
      doc('representative', 'passport'),
      doc('authority', 'signed-written-authority'),
    ]
    expect(checkEvidence('representative-of-person-12-plus', seen).missing).toEqual([
      'One more identity document for the representative',
      'A document showing the address of the representative',
    ])
  })

  it('does not count documents of unknown types or seen for the wrong person', () => {
    const seen = [doc('subject', 'library-card'), doc('representative', 'passport'), doc('subject', 'utility-bill')]
    expect(checkEvidence('self', seen).satisfied).toBe(false)
  })

  it('a parent sends the child’s full birth certificate once: it proves parental responsibility and who the child is', () => {
    const parent = [doc('representative', 'passport'), doc('representative', 'council-tax-bill')]
    const withCertificate = checkEvidence('parent-of-child-under-12', [
      ...parent,
      doc('authority', 'full-birth-certificate'),
    ])
    expect(withCertificate).toEqual({ satisfied: true, missing: [] })
    // A court order does not name the child's identity in the same way: the child still needs a document.
    const withOrder = checkEvidence('parent-of-child-under-12', [
      ...parent,
      doc('authority', 'parental-responsibility-order'),
    ])
    expect(withOrder.missing).toEqual(['One more identity document for the person the information is about'])
  })

  it('offers eVisas, not biometric residence permits, and only a child’s documents for a child', () => {
    const offered = offeredIdentityDocuments().map((d) => d.type)
    expect(offered).toContain('evisa')
    expect(offered).not.toContain('residence-permit')
    const forChild = offeredIdentityDocuments(true).map((d) => d.type)
    expect(forChild).toEqual(expect.arrayContaining(['birth-certificate', 'passport']))
    expect(forChild).not.toEqual(expect.arrayContaining(['utility-bill']))
    expect(
      forChild.some((t) => ['utility-bill', 'bank-statement', 'council-tax-bill', 'benefit-letter'].includes(t)),
    ).toBe(false)
  })
})
