import { afterAll, describe, expect, it } from 'vitest'
import { callLogText, neighbourEmail, witnessStatementPdf } from '../../cli/demo/demo-material.js'
import { readPageTexts } from '../pdf/index.js'
import { RedactionNotAppliedError } from '../review/redact-item.js'
import { sameTextNeedles } from '../review/propose.js'
import { revive, serialiseError } from './messages.js'
import { DisclosurePool } from './pool.js'

// Two real worker threads running the built product (dist/, brought up to date by the integration setup), against
// the same work done in this thread.
const threads = new DisclosurePool(2)
const here = new DisclosurePool(0)
afterAll(() => threads.close())

const material = [
  { filename: 'witness-statement-thornley.pdf', bytes: witnessStatementPdf() },
  { filename: 'email-from-neighbour.eml', bytes: neighbourEmail() },
  { filename: 'control-room-call-log.txt', bytes: callLogText() },
]
const detectOptions = { subject: { names: ['Alex Morgan'], emails: ['alex.morgan@example.com'] } }

async function readCase(pool: DisclosurePool) {
  const files = await Promise.all(material.map((m) => pool.prepareFile({ ...m, detectOptions })))
  const documents = files.flatMap((f) => f.documents)
  const needles = sameTextNeedles(
    documents.flatMap((d) => d.proposals),
    ['Alex Morgan'],
  )
  const elsewhere = await Promise.all(
    documents.map((d) => pool.proposeElsewhere({ pdf: d.pdf, needles, existing: d.proposals })),
  )
  const parts = await Promise.all(
    documents.map((d, i) =>
      pool.redact({
        title: d.doc.title,
        kind: d.doc.kind,
        pdf: d.pdf,
        withheldPages: new Map(),
        redactions: [...d.proposals, ...elsewhere[i]!].map((p) => ({ ...p, exemptionCode: 'S2P3_16_THIRD' })),
      }),
    ),
  )
  return { files, documents, elsewhere, parts }
}

describe('the workbench jobs on worker threads', () => {
  it('a case read and redacted on two threads gives what one thread gives, and no redacted name survives', async () => {
    const [onThreads, inline] = await Promise.all([readCase(threads), readCase(here)])
    expect(onThreads.files.map((f) => f.errors)).toEqual(inline.files.map((f) => f.errors))
    expect(onThreads.documents.map((d) => d.doc)).toEqual(inline.documents.map((d) => d.doc))
    expect(onThreads.documents.map((d) => d.proposals)).toEqual(inline.documents.map((d) => d.proposals))
    expect(onThreads.elsewhere).toEqual(inline.elsewhere)
    expect(onThreads.parts.map((p) => p.applied)).toEqual(inline.parts.map((p) => p.applied))
    const people = onThreads.documents.flatMap((d) => d.proposals).filter((p) => p.type === 'PERSON')
    expect(people.map((p) => p.text)).toContain('Gary Whitfield')
    for (const part of onThreads.parts) {
      const text = readPageTexts(part.pdf).join('\n')
      expect(text).not.toContain('Gary Whitfield')
      expect(text).not.toContain('Rebecca Thornley')
    }
  })

  it('a redaction that did not take is reported from a thread as it is from this one', () => {
    const err = revive(serialiseError(new RedactionNotAppliedError('Witness statement', 2)))
    expect(err).toBeInstanceOf(RedactionNotAppliedError)
    expect(err.message).toBe(new RedactionNotAppliedError('Witness statement', 2).message)
  })
})
