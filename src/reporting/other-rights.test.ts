import { describe, expect, it } from 'vitest'
import { verifiedAccessRequest } from '../domain/case/case-fixtures.js'
import { clockOf, createCalendar, defaultClockSettings, statisticsOf, type CaseState } from '../domain/index.js'
import { statisticsFromRecord } from './facts.js'
import { computeFigures } from './figures.js'
import { otherRightsGroundsTable, recipientsAndRestrictionsTable } from './other-rights.js'
import { monthPeriod } from './period.js'

// Issue 13: the rights with their own steps count in the compliance figures by the date each thing happened, and
// still count after the case is disposed of (the disposal record keeps codes and dates, never reasons or names).

const calendar = createCalendar('england-and-wales')

function erasure(): CaseState {
  const h = verifiedAccessRequest({ id: 'er', right: 'erasure', receivedAt: '2026-03-02T09:30:00Z' })
  h.run({ type: 'StartWork' }, '2026-03-03')
  const grounds = [
    { code: 'ART17_3_B', reason: 'Complaint files are kept for six years by law' },
    { code: 'ART17_3_E', reason: 'A claim about the complaint is open in the county court' },
  ]
  h.run({ type: 'DecideRight', result: 'in-part', summary: 'Survey erased, file kept', grounds }, '2026-03-10')
  const told = { type: 'NotifyRecipient', on: '2026-03-11' } as const
  h.run({ ...told, recipient: 'Survey company', status: 'notified', method: 'email' }, '2026-03-11')
  h.run({ ...told, recipient: 'Old supplier', status: 'impossible', reason: 'The company was dissolved' }, '2026-03-11')
  return h.state
}

function restriction(): CaseState {
  const h = verifiedAccessRequest({ id: 're', right: 'restriction', receivedAt: '2026-02-02T09:30:00Z' })
  h.run({ type: 'StartWork' }, '2026-02-03')
  h.run(
    { type: 'DecideRight', result: 'in-full', summary: 'Restricted while checked', restrictionGround: 'ART18_1_A' },
    '2026-02-20',
  )
  const reason = 'The address was checked against the electoral roll'
  h.run({ type: 'GiveRestrictionLiftNotice', reason }, '2026-03-16')
  h.run({ type: 'LiftProcessingRestriction', reason }, '2026-03-30')
  return h.state
}

const march = (cases: CaseState[], disposed = []) =>
  computeFigures({ period: monthPeriod('2026-03'), asOf: '2026-04-01', cases, calendar, disposed })

describe('the other rights in the compliance figures', () => {
  it('counts decisions per right, each ground once per decision, recipients and restriction steps in the month', () => {
    const f = march([erasure(), restriction()])
    expect(f.otherRights.byRight.find((r) => r.right === 'erasure')).toMatchObject({ inFull: 0, inPart: 1 })
    // The restriction was decided in February: not a March decision, but its lift notice and lifting are March's.
    expect(f.otherRights.byRight.find((r) => r.right === 'restriction')).toMatchObject({ inFull: 0 })
    expect(f.otherRights.grounds.map((g) => [g.code, g.citation, g.decisions])).toEqual([
      ['ART17_3_B', 'Article 17(3)(b) of the UK GDPR', 1],
      ['ART17_3_E', 'Article 17(3)(e) of the UK GDPR', 1],
    ])
    expect(f.otherRights.recipients).toEqual({ notified: 1, impossible: 1, disproportionate: 0 })
    expect(f.otherRights.restrictions).toEqual({ started: 0, liftNotices: 1, lifted: 1, inPlace: 0 })
    expect(otherRightsGroundsTable(f).rows[0]).toEqual([
      'Legal obligation or public task',
      'Article 17(3)(b) of the UK GDPR',
      '1',
    ])
    expect(recipientsAndRestrictionsTable(f).rows).toContainEqual([
      'Requesters told before a restriction was lifted (Art 18(3))',
      '1',
    ])
  })

  it('gives the same figures after the cases are disposed of, from codes and dates alone', () => {
    const live = [erasure(), restriction()]
    const records = live.map((state) => {
      const stored = JSON.parse(
        JSON.stringify(statisticsOf(state, clockOf(state, calendar, defaultClockSettings, '2026-04-01'))),
      ) as Record<string, unknown>
      expect(JSON.stringify(stored)).not.toMatch(/county court|Survey company|electoral roll/)
      const columns = {
        caseType: state.caseType,
        right: state.right ?? null,
        receivedOn: state.receivedOn,
        closedOn: null,
      }
      return {
        caseId: state.id,
        reference: state.reference,
        controllerId: state.controllerId,
        statistics: statisticsFromRecord(stored, columns),
      }
    })
    expect(march([], records as never).otherRights).toEqual(march(live).otherRights)
  })
})
