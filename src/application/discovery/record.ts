import type { TextBlock } from '../../disclosure/pdf/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { hitsOf, runForActor, type DiscoveryRun, type Hit } from './hits.js'

export interface SearchRecord {
  run: DiscoveryRun
  hits: Hit[]
  counts: { kept: number; dropped: number; undecided: number }
}

/** The search as evidence (UK GDPR Art 15(1A)): opening it is audited, like any view of case data. */
export async function searchRecord(deps: AppDeps, actor: Actor, runId: string): Promise<SearchRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const run = await runForActor(tx, actor, runId)
    const hits = await hitsOf(tx, runId)
    await recordAudit(tx, deps, actor, {
      caseId: run.taskId && run.createdBy === actor.id ? null : run.caseId,
      command: 'ViewDiscoveryRun',
      eventType: 'DiscoveryRunViewed',
      payload: { runId },
    })
    const count = (d: Hit['decision']) => hits.filter((h) => h.decision === d).length
    return { run, hits, counts: { kept: count('kept'), dropped: count('dropped'), undecided: count('undecided') } }
  })
}

export interface RecordLabels {
  title: string
  intro: string
  rows: [string, string][]
  searchedFor: string
  searchedIn: string
  scopeNote: string
  kept: string
  keptNone: string
  subjectLabels: Record<string, string>
  provenance: (hit: Hit, sourceName: string) => string
}

/** The printable record as a PDF for the response file and the ICO, from the same words as the page. */
export async function searchRecordPdf(record: SearchRecord, labels: RecordLabels): Promise<Uint8Array> {
  const { run } = record
  const blocks: TextBlock[] = [
    { text: labels.title, font: 'bold', size: 15 },
    { text: labels.intro, spaceBefore: 6 },
    ...labels.rows.map(([label, text], i) => ({ label, text, labelWidth: 110, spaceBefore: i === 0 ? 10 : 2 })),
    { text: labels.searchedFor, font: 'bold', size: 12, spaceBefore: 12 },
    ...Object.entries(run.subject).map(([k, v]) => ({
      label: labels.subjectLabels[k] ?? k,
      text: v.join('; '),
      labelWidth: 110,
    })),
    { text: labels.searchedIn, font: 'bold', size: 12, spaceBefore: 12 },
    ...run.sources.map((s) => ({
      text: `${s.name} (${s.kind}, ${s.itemCount} items, owner ${s.owner || 'none'}, last indexed ${s.lastIndexedAt ? new Date(s.lastIndexedAt).toISOString().slice(0, 16).replace('T', ' ') : 'never'})`,
      indent: 10,
    })),
  ]
  if (run.scopeNote)
    blocks.push({ text: labels.scopeNote, font: 'bold', size: 12, spaceBefore: 12 }, { text: run.scopeNote })
  blocks.push({ text: labels.kept, font: 'bold', size: 12, spaceBefore: 12 })
  const kept = record.hits.filter((h) => h.decision === 'kept')
  if (kept.length === 0) blocks.push({ text: labels.keptNone })
  const names = new Map(run.sources.map((s) => [s.id, s.name]))
  for (const h of kept)
    blocks.push({ text: labels.provenance(h, names.get(h.sourceId) ?? ''), indent: 10, spaceBefore: 2 })
  // The PDF engine loads with the first record printed, not with the web server (issue 12).
  const { renderTextPdf } = await import('../../disclosure/pdf/index.js')
  return renderTextPdf(blocks).pdf
}
