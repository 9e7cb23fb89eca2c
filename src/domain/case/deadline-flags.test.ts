import { describe, expect, it } from 'vitest'
import { verifiedAccessRequest } from './case-fixtures.js'

// The deadline sweep issues FlagDeadline as the system; the flags drive reminders, so they must be exact and
// must not repeat.
describe('deadline flags', () => {
  it('flagging the same date twice adds nothing, so the sweep can rerun safely', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'FlagDeadline', kind: 'due-soon', forDate: '2026-04-02' }, '2026-03-30', 'system')
    expect(h.state.deadlineFlags).toEqual({ 'due-soon': '2026-04-02' })
    expect(h.run({ type: 'FlagDeadline', kind: 'due-soon', forDate: '2026-04-02' }, '2026-03-31', 'system')).toEqual([])
  })

  it('a flag for a date the clock no longer has is refused as stale', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Extend', ground: 'complexity', reasons: 'Archived systems to search' }, '2026-03-10')
    const result = h.attempt({ type: 'FlagDeadline', kind: 'due-soon', forDate: '2026-04-02' }, '2026-03-30', 'system')
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('overdue is only flagged once the due date has passed', () => {
    const h = verifiedAccessRequest()
    const overdue = { type: 'FlagDeadline', kind: 'overdue', forDate: '2026-04-02' } as const
    expect(h.attempt(overdue, '2026-04-02', 'system')).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(h.attempt(overdue, '2026-04-03', 'system').ok).toBe(true)
  })

  it('the extension-notice flag stops once the request has been extended', () => {
    const h = verifiedAccessRequest()
    const notice = { type: 'FlagDeadline', kind: 'extension-notice-due', forDate: '2026-04-02' } as const
    expect(h.attempt(notice, '2026-03-30', 'system').ok).toBe(true)
    h.run({ type: 'Extend', ground: 'number', reasons: 'Three requests at once' }, '2026-03-30')
    expect(h.attempt(notice, '2026-03-31', 'system')).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('an answered case has no running deadline to flag', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Redirect', to: 'deceased-foi', note: 'FOI' })
    h.run({ type: 'RecordResponseSent', channel: 'post', outcome: 'redirected-deceased-foi', sentOn: '2026-03-02' })
    const result = h.attempt({ type: 'FlagDeadline', kind: 'due-soon', forDate: '2026-04-02' }, '2026-03-30', 'system')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-transition' } })
  })
})
