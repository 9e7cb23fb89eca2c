import { describe, expect, it } from 'vitest'
import { detect } from '../../src/disclosure/detect/detect.js'
import { evalRoot } from './eval-data.js'
import { corefDir, scoreCoref, scoreStructured, type System } from './quality.js'

// Regression floors, a little below what the detector scores today (bench/detect-quality.ts prints
// the full tables): entity P 96.4 / R 90.8, token P 97.7 / R 91.1, EMAIL R 97.9, structured 100.
const FLOORS = {
  entityRecall: 0.89,
  entityPrecision: 0.93,
  tokenRecall: 0.89,
  tokenPrecision: 0.95,
  emailRecall: 0.95,
  structuredRecall: 0.98,
}

const ours: System = { name: 'rightsdesk detect', detect: async (text) => detect(text) }
const root = evalRoot()
if (!root) process.stderr.write('detect-quality: ../shared/eval not found (or RIGHTSDESK_EVAL_DIR unset): skipped\n')

describe.skipIf(!root)('detection quality on the Enron email threads (../shared/eval)', () => {
  it('finds at least 89% of the people named, exactly, with at least 93% precision', async () => {
    const r = await scoreCoref(ours, corefDir())
    expect(r.entity.r).toBeGreaterThanOrEqual(FLOORS.entityRecall)
    expect(r.entity.p).toBeGreaterThanOrEqual(FLOORS.entityPrecision)
    expect(r.token.r).toBeGreaterThanOrEqual(FLOORS.tokenRecall)
    expect(r.token.p).toBeGreaterThanOrEqual(FLOORS.tokenPrecision)
    expect(r.emailRecall).toBeGreaterThanOrEqual(FLOORS.emailRecall)
  })
})

describe('structured identifiers (generated set)', () => {
  it('finds at least 98% of valid UK identifiers with the right type and flags no invalid look-alike', async () => {
    const { byType, decoyFalseAlarms } = await scoreStructured(ours)
    let gold = 0
    let covered = 0
    for (const t of byType.values()) {
      gold += t.gold
      covered += t.covered
    }
    expect(covered / gold).toBeGreaterThanOrEqual(FLOORS.structuredRecall)
    for (const d of decoyFalseAlarms.values()) expect(d.flagged).toBe(0)
  })
})
