import { describe, expect, it } from 'vitest'
import * as hostile from '../../../test/fixtures/uploads/hostile-pdfs.js'
import { hasActiveContent } from './active-content.js'
import { inspectPdf, openPdf } from './inspect.js'

const active = (bytes: Buffer, embeddedFiles: 'allow' | 'refuse' = 'allow') => {
  const doc = openPdf(bytes)
  try {
    return hasActiveContent(doc, { embeddedFiles })
  } finally {
    doc.destroy()
  }
}

describe('active content in material read for disclosure, found by walking the object graph', () => {
  it('finds a script ten actions deep behind hex-escaped names, and one 40 levels down in an annotation', () => {
    expect(active(hostile.deepHexEscapedScriptPdf())).toBe(true)
    expect(active(hostile.scriptInNestedArraysPdf())).toBe(true)
    expect(() => inspectPdf(hostile.deepHexEscapedScriptPdf(), { maxPages: 10 })).toThrow(/active content/)
  })

  it('finds launch, submit, remote go-to, XFA and named scripts; attachments only where refused', () => {
    for (const make of [
      hostile.launchBehindCyclePdf,
      hostile.submitFormPdf,
      hostile.remoteGoToPdf,
      hostile.xfaFormPdf,
      hostile.namedScriptPdf,
    ])
      expect(active(make()), make.name).toBe(true)
    expect(active(hostile.attachmentPdf(), 'allow')).toBe(false)
    expect(active(hostile.attachmentPdf(), 'refuse')).toBe(true)
  })

  it('leaves web links and a reference cycle with nothing active alone', () => {
    expect(active(hostile.ordinaryLinksPdf())).toBe(false)
    expect(active(hostile.harmlessCyclePdf())).toBe(false)
  })
})
