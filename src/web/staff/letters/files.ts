import type { AppDeps } from '../../../application/deps.js'
import { caseReleasables, type ReleasableFile } from '../../../application/release/index.js'
import { actorName, userDirectory } from '../../../application/staff/user-directory.js'
import { text } from '../../nunjucks.js'
import { FORMAT } from '../render.js'

/** What a file is and why it may go, in the words a DP manager checks before ticking it. */
export function basisLabel(f: ReleasableFile, nameOf: (actorId: string) => string): string {
  const b = f.basis
  if (b.kind === 'bundle') {
    return text('casework.letters.bundleLabel', {
      date: FORMAT.dateTime(b.builtAt),
      pages: b.pageCount ?? '?',
      redactions: b.redactionCount ?? 0,
    })
  }
  const marked = text('casework.letters.markedLabel', {
    reason: b.reason,
    who: nameOf(b.markedBy),
    date: FORMAT.date(b.markedAt),
  })
  const third =
    b.thirdParty === 'none'
      ? text('casework.letters.thirdPartyNone')
      : text(
          b.thirdParty === 'consent' ? 'casework.letters.thirdPartyConsent' : 'casework.letters.thirdPartyReasonable',
          {
            decision: b.thirdPartyDecision ?? '',
          },
        )
  return `${marked} ${third}`
}

export interface FileChoices {
  /** Checkbox items: only files the release gate accepts, each labelled with its basis. */
  items: { value: string; text: string; hint: { text: string }; checked: boolean }[]
  /** Everything else held on the case, with why it is not offered. */
  heldBack: { filename: string; why: string }[]
  names: Map<string, string>
}

/**
 * The files "Draft the response" and the letter page offer (issue 10): the case's releasables, never any PDF held.
 * A file chosen before that is no longer releasable is not offered again, so saving drops it rather than sending it.
 */
export async function fileChoices(deps: AppDeps, caseId: string, chosen: readonly string[]): Promise<FileChoices> {
  const [{ files, heldBack }, directory] = await Promise.all([
    caseReleasables(deps.pool, caseId),
    userDirectory(deps.pool),
  ])
  const nameOf = (id: string) => actorName(directory, id)
  return {
    items: files.map((f) => ({
      value: f.documentId,
      text: f.filename,
      hint: { text: basisLabel(f, nameOf) },
      checked: chosen.includes(f.documentId),
    })),
    heldBack: heldBack.map((h) => ({ filename: h.filename, why: h.why })),
    names: new Map([...files, ...heldBack].map((f) => [f.documentId, f.filename])),
  }
}
