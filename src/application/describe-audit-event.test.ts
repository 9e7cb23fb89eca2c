import { describe, expect, it } from 'vitest'
import { describeAuditEvent } from './get-case.js'

describe('timeline wording for records that are not case events', () => {
  it('gives the reason a legal hold was placed or lifted', () => {
    expect(describeAuditEvent('LegalHoldPlaced', { reason: 'Claim issued in the county court' })).toBe(
      'Legal hold placed: Claim issued in the county court',
    )
    expect(describeAuditEvent('LegalHoldLifted', { reason: 'Claim settled' })).toBe('Legal hold lifted: Claim settled')
  })

  it('describes disclosure decisions with counts and codes, never the redacted text', () => {
    expect(describeAuditEvent('RedactionsAccepted', { count: 12, exemptionCode: 'S2P3_16_THIRD' })).toBe(
      '12 proposed redactions accepted (S2P3_16_THIRD)',
    )
    expect(describeAuditEvent('RedactionsAdded', { source: 'box', count: 1, exemptionCode: 'S2P3_16_THIRD' })).toBe(
      '1 redaction added by drawing a box (S2P3_16_THIRD)',
    )
    expect(describeAuditEvent('MaterialWithheld', { page: 2, exemptionCode: 'S2P1_2_CRIME' })).toBe(
      'Page 2 of a document withheld (S2P1_2_CRIME)',
    )
    expect(describeAuditEvent('BundleBuilt', { pages: 9, redactions: 1 })).toBe(
      'Disclosure bundle built and verified: 9 pages, 1 redaction',
    )
  })
})
