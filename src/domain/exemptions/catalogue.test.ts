import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from './types.js'
import {
  DEFAULT_REDACTION_EXEMPTION,
  EXEMPTIONS,
  exemptionByCode,
  exemptionsFor,
  invalidExemptionCodes,
} from './catalogue.js'

/** The codes in the tables of uk-rules §6.1 and §6.2, with `X_A`…`E` ranges expanded. */
function specCodes(): string[] {
  const spec = readFileSync(new URL('../../../../shared/spec/uk-rules.md', import.meta.url), 'utf8')
  const section = spec.slice(spec.indexOf('## 6.'), spec.indexOf('## 7.'))
  const codes: string[] = []
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const range = /^\| `([A-Z0-9_]+)_A`…`E`/.exec(line)
    const single = /^\| `([A-Z0-9_]+)`/.exec(line)
    if (range?.[1]) codes.push(...['A', 'B', 'C', 'D', 'E'].map((l) => `${range[1]}_${l}`))
    else if (single?.[1]) codes.push(single[1])
  }
  return codes
}

describe('the exemption catalogue (uk-rules §6)', () => {
  it('holds every code in §6.1 and §6.2, and nothing else', () => {
    const expected = specCodes()
    expect(expected.length).toBe(70)
    expect(EXEMPTIONS.map((e) => e.code).sort()).toEqual([...expected].sort())
  })

  it('has unique codes, each with a citation, a short name and a plain-English explanation', () => {
    expect(new Set(EXEMPTIONS.map((e) => e.code)).size).toBe(EXEMPTIONS.length)
    for (const e of EXEMPTIONS) {
      expect(e.citation, e.code).toMatch(/^(UK GDPR|DPA 2018)/)
      expect(e.shortName.length, e.code).toBeGreaterThan(3)
      expect(e.explanation, e.code).toMatch(/^[A-Z].{20,}\.$/)
    }
  })

  it('cites the right paragraph for third-party data, the default for redaction', () => {
    expect(exemptionByCode(DEFAULT_REDACTION_EXEMPTION)).toMatchObject({
      citation: 'DPA 2018 Sch 2 Part 3 para 16',
      restricts: ['access'],
    })
  })

  it('keeps Schedules 2–4 off the law-enforcement route, which uses its own restrictions', () => {
    const part3 = exemptionsFor('access', 'DPA_PART3').map((e) => e.code)
    expect(part3).toContain('LE_45_4_B')
    expect(part3).toContain('NOT_HELD')
    expect(part3).not.toContain('S2P1_2_CRIME')
    expect(invalidExemptionCodes(['S2P3_16_THIRD', 'LE_45_4_E', 'MADE_UP'], 'DPA_PART3')).toEqual([
      'S2P3_16_THIRD',
      'MADE_UP',
    ])
  })

  it('expands the five Part 3 grounds for access, refusal reasons and privacy information', () => {
    expect(exemptionByCode('LE_48_3_C')).toMatchObject({
      citation: 'DPA 2018 s.48(3)(c)',
      restricts: ['rectification', 'erasure', 'restriction'],
    })
    expect(exemptionByCode('LE_44_4_E')).toMatchObject({
      route: 'DPA_PART3',
      test: 'necessary-and-proportionate',
      restricts: ['info'],
    })
  })

  it('marks the Scottish-only codes', () => {
    expect(EXEMPTIONS.filter((e) => e.scotlandOnly).map((e) => e.code)).toEqual([
      'S3P3_12_SW_REPORTER',
      'S3P4_20_EDU_REPORTER',
      'S4_6_REPORTER',
    ])
  })

  it('"All" rights means all seven', () => {
    expect(exemptionByCode('MUE')?.restricts).toEqual(ALL_RIGHTS)
    expect(exemptionsFor('portability', 'UK_GDPR').map((e) => e.code)).toContain('MUE')
  })
})
