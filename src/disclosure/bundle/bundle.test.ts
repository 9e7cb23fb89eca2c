import { describe, expect, it } from 'vitest'
import { buildNeedles } from '../redact/needles.js'
import { portabilityExport, redactString } from './export.js'
import { generatePassword } from './password.js'
import { scheduleBlocks, type ScheduleEntry } from './schedule.js'

const entry = (number: number, page: number): ScheduleEntry => ({
  number,
  page,
  kind: 'PERSON',
  exemptionCode: 'S2P3_16_THIRD',
  citation: 'DPA 2018 Sch 2 Part 3 para 16',
})

describe('generatePassword', () => {
  it('is five groups of four unambiguous characters, different every time', () => {
    const a = generatePassword()
    expect(a).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}$/)
    expect(generatePassword()).not.toBe(a)
  })
})

describe('scheduleBlocks', () => {
  it('lists page, kind, exemption and citation for every redaction', () => {
    const text = scheduleBlocks([entry(1, 3), entry(2, 7)], [])
      .map((b) => b.text)
      .join('\n')
    expect(text).toContain('2 redactions')
    expect(text).toMatch(/1\s+3\s+Another person's name\s+S2P3_16_THIRD\s+DPA 2018 Sch 2 Part 3 para 16/)
    expect(text).toMatch(/2\s+7\s+Another person's name/)
  })
})

describe('portability export', () => {
  const needles = buildNeedles(['Jane Doe'], [], [])

  it('redacts titles and describes every file', () => {
    const files = portabilityExport({
      reference: 'SAR-1',
      controllerName: 'Testshire Police',
      date: '1 May 2026',
      documents: [
        {
          number: 1,
          title: 'Re: call with Jane  Doe',
          kind: 'email',
          firstPage: 3,
          pageCount: 1,
        },
      ],
      redactions: [entry(1, 3)],
      needles,
      pageTexts: ['cover', 'contents', 'Hello,\nthanks'],
    })
    expect(files.map((f) => f.name)).toEqual(['bundle.json', 'documents.csv', 'redactions.csv', 'schema.json'])
    const all = files.map((f) => f.content).join('\n')
    expect(all).not.toMatch(/jane\s*doe/i)
    expect(JSON.parse(files[0]!.content).documents[0].title).toBe('Re: call with [redacted]')
    expect(files[1]!.content).toContain('"Hello,\nthanks"')
    expect(JSON.parse(files[3]!.content).properties.redactions.items.properties.citation).toBeDefined()
  })

  it('redactString replaces every occurrence', () => {
    expect(redactString('JANE DOE wrote to jane doe', needles)).toBe('[redacted] wrote to [redacted]')
  })
})
