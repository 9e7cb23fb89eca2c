import { foldNeedle } from '../redact/normalise.js'
import type { NeedleSet } from '../redact/needles.js'
import { coverBlocks } from './front-matter.js'
import { REDACTION_LABELS } from './labels.js'
import { scheduleBlocks, type ExemptionNote } from './schedule.js'

/**
 * The bundle's own wording: the cover's sentences, the schedule's introduction and exemption notes, the names of the
 * kinds of information removed. None of it can be anyone's personal data, but a detected name can be an everyday
 * word ("Will" signing an email, "Black" in a mail address) that the cover uses ("you will see a black box").
 */
export function bundleWording(notes: readonly ExemptionNote[]): string[] {
  const cover = coverBlocks({ reference: '', controllerName: '', dateText: '' }, { documents: 0 })
    // Labelled lines carry the case's facts (reference, controller, date), which are protected on their own.
    .filter((b) => !b.label && b.text)
    .map((b) => b.text)
  const schedule = scheduleBlocks([], [...notes])
    .map((b) => b.text.replace(/^\d+ redactions? /, ''))
    .filter((t) => t.length > 0)
  return [...cover, ...schedule, ...Object.values(REDACTION_LABELS)]
}

/**
 * The needles for verifying a bundle: a detected string found only inside the bundle's own wording is not a leak,
 * and is skipped as matches inside the subject's own identifiers are. Only detected strings: a term a person asked
 * to remove still fails the bundle wherever it is read, the cover included.
 */
export function protectWording(set: NeedleSet, notes: readonly ExemptionNote[]): NeedleSet {
  const wording = bundleWording(notes).map((t) => foldNeedle(t))
  return { needles: set.needles, protectedFolded: [...new Set([...set.protectedFolded, ...wording])] }
}
