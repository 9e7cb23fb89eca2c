import type { Candidate } from './span.js'
import type { PiiType } from './types.js'

// Where proposals overlap, the more specific wins: the subject's own identifiers first (so they are
// never redacted), then validated structured identifiers, then addresses, then names.
const PRIORITY: Record<PiiType, number> = {
  SUBJECT: 100,
  STAFF: 90,
  NI_NUMBER: 80,
  NHS_NUMBER: 79,
  CARD_NUMBER: 78,
  BANK_ACCOUNT: 77,
  IP_ADDRESS: 76,
  EMAIL: 75,
  URL: 74,
  CRIME_REFERENCE: 73,
  VEHICLE_REG: 72,
  DATE_OF_BIRTH: 71,
  PHONE: 70,
  ADDRESS: 60,
  POSTCODE: 59,
  PERSON: 50,
}

function better(a: Candidate, b: Candidate): number {
  return (
    PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start
  )
}

/**
 * Non-overlapping spans sorted by start. Candidates are grouped into clusters of transitive overlap
 * (linear after sorting); inside a cluster the best-ranked are kept greedily. A span that overlaps
 * nothing is always kept.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Candidate[] = []
  let cluster: Candidate[] = []
  let clusterEnd = -1
  const flush = () => {
    if (cluster.length === 1) out.push(cluster[0] as Candidate)
    else if (cluster.length > 1) out.push(...pick(cluster))
    cluster = []
  }
  for (const c of sorted) {
    if (c.end <= c.start) continue
    if (c.start >= clusterEnd) flush()
    cluster.push(c)
    clusterEnd = Math.max(clusterEnd, c.end)
  }
  flush()
  return out
}

function pick(cluster: Candidate[]): Candidate[] {
  const kept: Candidate[] = []
  for (const c of [...cluster].sort(better)) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue
    // Two proposals of the same type for one thing: keep the outer, already chosen as the longer.
    kept.push(c)
  }
  return kept.sort((a, b) => a.start - b.start)
}
