import type { IngestedDocument } from './types.js'

export interface DuplicateReport {
  /** The documents to disclose: the first of each set of exact copies. */
  kept: IngestedDocument[]
  /** Exact copies (same SHA-256) left out, with the document each one duplicates. */
  duplicates: { sourceName: string; sameAs: string }[]
  /** The same email found more than once in different forms (e.g. in several mailboxes): kept, but flagged. */
  nearDuplicates: { reason: 'same Message-ID' | 'same subject and body'; sourceNames: string[] }[]
}

/**
 * Exact duplicates are collapsed; near-duplicate emails are only flagged, because the copies can differ in ways
 * that matter (who else received it, which folder it was filed in) and a person should decide.
 */
export function collapseDuplicates(documents: readonly IngestedDocument[]): DuplicateReport {
  const firstByHash = new Map<string, IngestedDocument>()
  const kept: IngestedDocument[] = []
  const duplicates: DuplicateReport['duplicates'] = []
  for (const doc of documents) {
    const first = firstByHash.get(doc.sha256)
    if (first) duplicates.push({ sourceName: doc.sourceName, sameAs: first.sourceName })
    else {
      firstByHash.set(doc.sha256, doc)
      kept.push(doc)
    }
  }
  return { kept, duplicates, nearDuplicates: nearDuplicateEmails(kept) }
}

function nearDuplicateEmails(documents: readonly IngestedDocument[]): DuplicateReport['nearDuplicates'] {
  const byMessageId = new Map<string, string[]>()
  const byContent = new Map<string, string[]>()
  for (const doc of documents) {
    if (!doc.email) continue
    if (doc.email.messageId) push(byMessageId, doc.email.messageId, doc.sourceName)
    else push(byContent, doc.email.contentHash, doc.sourceName)
  }
  const groups: DuplicateReport['nearDuplicates'] = []
  for (const names of byMessageId.values())
    if (names.length > 1) groups.push({ reason: 'same Message-ID', sourceNames: names })
  for (const names of byContent.values())
    if (names.length > 1) groups.push({ reason: 'same subject and body', sourceNames: names })
  return groups
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
