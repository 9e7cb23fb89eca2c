import type { PrivacyNoticeContent } from '../../../../domain/index.js'

export interface SectionChange {
  heading: string
  /** The whole section is new, or gone. */
  kind: 'changed' | 'added' | 'removed'
  added: string[]
  removed: string[]
}

const linesOf = (s: { paragraphs: string[]; items: string[] }) => [...s.paragraphs, ...s.items]

/**
 * What differs between the published notice and the one the register would generate now, section by section, so
 * whoever publishes can check each change and write an honest change summary (the public sees that summary).
 */
export function noticeChanges(published: PrivacyNoticeContent | null, preview: PrivacyNoticeContent): SectionChange[] {
  const before = new Map((published?.sections ?? []).map((s) => [s.id, s]))
  const changes: SectionChange[] = []
  for (const section of preview.sections) {
    const old = before.get(section.id)
    before.delete(section.id)
    const now = linesOf(section)
    if (!old) {
      changes.push({ heading: section.heading, kind: 'added', added: now, removed: [] })
      continue
    }
    const was = linesOf(old)
    const added = now.filter((l) => !was.includes(l))
    const removed = was.filter((l) => !now.includes(l))
    if (added.length || removed.length || old.heading !== section.heading)
      changes.push({ heading: section.heading, kind: 'changed', added, removed })
  }
  for (const old of before.values())
    changes.push({ heading: old.heading, kind: 'removed', added: [], removed: linesOf(old) })
  return changes
}
