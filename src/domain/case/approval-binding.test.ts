import { describe, expect, it } from 'vitest'
import { harness, logCommand, verifiedAccessRequest } from './case-fixtures.js'

// Issue 10: the reviewer approves one letter version and the exact files; the record names the version approved.

const bundle = { documentId: 'doc-bundle', sha256: 'a'.repeat(64), basis: 'bundle:run-1' }

function submitted() {
  const h = verifiedAccessRequest()
  h.run({ type: 'StartWork' })
  h.run(
    {
      type: 'SubmitDraft',
      version: 3,
      summary: 'Disclosure',
      letterId: 'letter-3',
      letterSha256: 'b'.repeat(64),
      files: [bundle],
    },
    '2026-03-10',
    'dp',
  )
  return h
}

describe('approval binds what was approved', () => {
  it('records the letter’s own version, its text hash and each file’s hash, and the approval names them', () => {
    const h = submitted()
    expect(h.state.draft).toMatchObject({ version: 3, letterId: 'letter-3', files: [bundle] })
    h.run({ type: 'Approve' }, '2026-03-11', 'reviewer')
    expect(h.state.approval).toMatchObject({
      version: 3,
      letterId: 'letter-3',
      letterSha256: 'b'.repeat(64),
      files: [bundle],
    })
    expect(h.events.at(-1)).toMatchObject({ type: 'DraftApproved', version: 3, files: [bundle] })
  })

  it('a newer version replaces an approved draft, voids the approval and goes back to the reviewer', () => {
    const h = submitted()
    h.run({ type: 'Approve' }, '2026-03-11', 'reviewer')
    const same = h.attempt({ type: 'SubmitDraft', version: 3, summary: 'Again', letterId: 'letter-3' }, '2026-03-12')
    expect(same).toMatchObject({ ok: false, error: { code: 'conflict' } })
    h.run({ type: 'SubmitDraft', version: 4, summary: 'Typo fixed', letterId: 'letter-4' }, '2026-03-12', 'dp')
    expect(h.state.status).toBe('in-review')
    expect(h.state.approval).toBeUndefined()
    expect(
      h.attempt(
        { type: 'RecordResponseSent', channel: 'email', outcome: 'disclosed-in-full', sentOn: '2026-03-12' },
        '2026-03-12',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'approval-required' },
    })
  })

  it('an appeal decided with its outcome letter records that letter’s version, never "version 0"', () => {
    const h = harness('2026-03-02')
    h.run(logCommand({ id: 'review-1', caseType: 'review', right: undefined, parentCaseId: 'case-1' }))
    h.run({ type: 'StartWork' }, '2026-03-02', 'dp')
    h.run(
      { type: 'DecideReview', upheld: false, reasons: 'Searches were complete', letterId: 'l-7', letterVersion: 7 },
      '2026-03-05',
      'ceo',
    )
    expect(h.state.approval).toMatchObject({ version: 7, letterId: 'l-7', approverId: 'ceo' })
  })

  it('an appeal decided without a letter has no version at all', () => {
    const h = harness('2026-03-02')
    h.run(logCommand({ id: 'review-1', caseType: 'review', right: undefined, parentCaseId: 'case-1' }))
    h.run({ type: 'DecideReview', upheld: true, reasons: 'Disclose the rest' }, '2026-03-05', 'ceo')
    expect(h.state.approval?.version).toBeUndefined()
  })
})
