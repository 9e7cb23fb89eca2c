import { describe, expect, it } from 'vitest'
import type { PrivacyNoticeContent } from '../../../../domain/index.js'
import { noticeChanges } from './notice-diff.js'

const notice = (sections: PrivacyNoticeContent['sections']): PrivacyNoticeContent => ({
  controllerName: 'Office',
  sections,
})
const section = (id: string, items: string[], paragraphs: string[] = []) => ({ id, heading: id, paragraphs, items })

describe('what changed since the published privacy notice', () => {
  it('finds nothing when the register would produce the published notice', () => {
    const n = notice([section('why', ['Complaints: to review complaints'])])
    expect(noticeChanges(n, structuredClone(n))).toEqual([])
  })

  it('lists lines added and removed per section, so the publisher can summarise them honestly', () => {
    const before = notice([section('retention', ['Newsletter: until you unsubscribe']), section('why', ['A'])])
    const after = notice([section('retention', ['Newsletter: two years']), section('why', ['A', 'B'])])
    expect(noticeChanges(before, after)).toEqual([
      {
        heading: 'retention',
        kind: 'changed',
        added: ['Newsletter: two years'],
        removed: ['Newsletter: until you unsubscribe'],
      },
      { heading: 'why', kind: 'changed', added: ['B'], removed: [] },
    ])
  })

  it('treats every section as new when nothing was published, and reports a section that went away', () => {
    expect(noticeChanges(null, notice([section('why', ['A'], ['Intro'])]))).toEqual([
      { heading: 'why', kind: 'added', added: ['Intro', 'A'], removed: [] },
    ])
    expect(noticeChanges(notice([section('transfers', ['USA'])]), notice([]))).toEqual([
      { heading: 'transfers', kind: 'removed', added: [], removed: ['USA'] },
    ])
  })
})
