import { describe, expect, it } from 'vitest'
import { accessCodeEmail, acknowledgementEmail } from './emails.js'

// Issue 13: every email the portal sends a requester links the controller's privacy notice (Arts 13–14 UK GDPR;
// DPA 2018 s.44 for law-enforcement processing).

describe('portal emails to requesters link the privacy notice', () => {
  const receipt = {
    id: 'c1',
    reference: 'NP-2026-00007',
    caseType: 'rights-request' as const,
    right: 'access' as const,
  }

  it.each(['request', 'review', 'complaint', 'consent'] as const)('the %s acknowledgement', (kind) => {
    const compose = acknowledgementEmail(kind, {
      organisation: 'Northshire Police',
      baseUrl: 'https://rights.example',
      controllerId: 'northshire-police',
    })
    const email = compose([{ ...receipt, due: '2026-12-02', awaitingEvidence: false }])
    expect(email.text).toContain('privacy notice: https://rights.example/privacy/northshire-police')
  })

  it('the one-time code email', () => {
    const email = accessCodeEmail({
      reference: 'NP-2026-00007',
      code: '123456',
      expiresAt: new Date('2026-11-02T10:30:00Z'),
      privacyUrl: 'https://rights.example/privacy/northshire-police',
    })
    expect(email.text).toContain('privacy notice: https://rights.example/privacy/northshire-police')
  })
})
