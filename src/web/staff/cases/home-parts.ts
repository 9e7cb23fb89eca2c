import type { Colleague } from '../../../application/boundary.js'
import type { StaffNotification } from '../../../application/casework/notify-staff.js'
import type { DirectoryEntry } from '../../../application/staff/user-directory.js'
import { text } from '../../nunjucks.js'
import { FORMAT } from '../render.js'

/** The "For you" panel on the staff home: what arrived for this person, newest first (issue 14). */
export function notificationItems(notes: readonly StaffNotification[], total: number) {
  return {
    total,
    more: total > notes.length ? text('casework.notify.more', { shown: notes.length, count: total }) : null,
    items: notes.map((n) => ({
      id: n.id,
      href: `/staff/cases/${n.caseId}`,
      reference: n.reference,
      text: text(`casework.notify.${n.kind}`),
      when: FORMAT.dateTime(n.createdAt),
    })),
  }
}

/** The bulk-assign controls: whom the cases can go to (staff who work or approve cases for the actor's controllers). */
export function bulkForm(people: readonly Colleague[], chosen?: string) {
  return {
    items: [
      { value: '', text: text('casework.bulk.choose') },
      ...people.map((p) => ({ value: p.id, text: p.name, selected: p.id === chosen })),
    ],
  }
}

/** After a bulk assignment: "3 cases assigned to Dana Price", from the redirect's query. */
export function assignedBanner(query: unknown, directory: readonly DirectoryEntry[]): string | null {
  const q = (query ?? {}) as Record<string, unknown>
  const count = Number(q.assigned)
  const who = directory.find((u) => u.id === q.to)
  if (!Number.isInteger(count) || count < 0 || !who) return null
  return count === 1
    ? text('casework.bulk.doneOne', { name: who.name })
    : text('casework.bulk.done', { count, name: who.name })
}

/** The list's own query string (filters, queue, page), so a form posted from it comes back to the same view. */
export function queryString(query: unknown): string {
  const p = new URLSearchParams()
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (['assigned', 'to', 'passwordChanged', 'cleared'].includes(key)) continue
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') p.append(key, v)
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** A calendar date (YYYY-MM-DD) as "24 Nov 2026". */
export function shortDate(iso: string): string {
  return SHORT.format(new Date(`${iso}T12:00:00Z`))
}
