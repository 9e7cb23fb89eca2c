import type { ProcessingRoute } from '../../domain/index.js'
import { contentStrings } from '../pdf/text-document.js'
import { foldNeedle } from '../redact/normalise.js'
import type { NeedleSet } from '../redact/needles.js'
import { coverBlocks } from './front-matter.js'
import { plural, REDACTION_LABELS } from './labels.js'
import { scheduleBlocks, type ExemptionNote } from './schedule.js'

/**
 * The bundle's own wording: the cover's sentences, the schedule's introduction and exemption notes, the names of the
 * kinds of information removed. None of it can be anyone's personal data, but a detected name can be an everyday
 * word ("Will" signing an email, "Black" in a mail address) that the cover uses ("you will see a black box").
 */
export function bundleWording(notes: readonly ExemptionNote[], redactions = 0, route?: ProcessingRoute): string[] {
  const cover = coverBlocks({ reference: '', controllerName: '', dateText: '' }, { documents: 0 })
    // Labelled lines carry the case's facts (reference, controller, date), which are protected on their own.
    .filter((b) => !b.label && b.text)
  // The schedule's opening paragraph and exemption notes (its table holds nothing but numbers, labels and codes).
  const schedule = scheduleBlocks(redactions > 0 ? [SAMPLE_ENTRY] : [], [...notes], route).slice(
    1,
    2 + notes.length * 2,
  )
  schedule[0] = {
    ...schedule[0]!,
    text: schedule[0]!.text.replace(/^\d+ redactions?/, plural(redactions, 'redaction')),
  }
  const blocks = [...cover, ...schedule]
  return [
    // As text extractors read them: whole paragraphs (matching ignores the line breaks).
    ...blocks.map((b) => b.text),
    ...Object.values(REDACTION_LABELS),
    // As they stand in the page's content stream, line by line between PDF operators: what the scan of every
    // object reads.
    ...contentStrings(blocks),
  ]
}

const SAMPLE_ENTRY = { number: 1, page: 1, kind: 'PERSON' as const, exemptionCode: '', citation: '' }

/**
 * The needles for verifying a bundle: a detected string found only inside the bundle's own wording is not a leak,
 * and is skipped as matches inside the subject's own identifiers are. Only detected strings: a term a person asked
 * to remove still fails the bundle wherever it is read, the cover included.
 */
export function protectWording(
  set: NeedleSet,
  notes: readonly ExemptionNote[],
  redactions = 0,
  route?: ProcessingRoute,
): NeedleSet {
  const wording = bundleWording(notes, redactions, route).map((t) => foldNeedle(t))
  return { needles: set.needles, protectedFolded: [...new Set([...set.protectedFolded, ...wording])] }
}
