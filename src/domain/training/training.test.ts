import { describe, expect, it } from 'vitest'
import { DEFAULT_TRAINING_TYPES, trainingStatus, trainingStatusList, type TrainingPerson } from './training.js'

const faceToFace = DEFAULT_TRAINING_TYPES[0]!
const online = DEFAULT_TRAINING_TYPES[1]!
const starter: TrainingPerson = { id: 'p1', name: 'New Starter', kind: 'staff', startedOn: '2026-11-02', leftOn: null }

describe('data protection training status', () => {
  it('makes on-commencement training due on a new starter’s first day', () => {
    expect(trainingStatus(faceToFace, starter, [], '2026-11-02')).toMatchObject({ state: 'due', dueOn: '2026-11-02' })
    expect(trainingStatus(faceToFace, starter, [], '2026-11-03')).toMatchObject({ state: 'overdue' })
  })

  it('counts annual face-to-face training as complete for twelve months, then due soon, then overdue', () => {
    const done = ['2025-12-01']
    expect(trainingStatus(faceToFace, starter, done, '2026-06-01').state).toBe('complete')
    expect(trainingStatus(faceToFace, starter, done, '2026-11-15')).toMatchObject({
      state: 'due-soon',
      dueOn: '2026-12-01',
    })
    expect(trainingStatus(faceToFace, starter, done, '2026-12-02').state).toBe('overdue')
  })

  it('uses the latest completion, whatever order they were recorded in', () => {
    expect(trainingStatus(faceToFace, starter, ['2026-10-01', '2024-01-01'], '2026-11-01').dueOn).toBe('2027-10-01')
  })

  it('lists volunteers only for training that applies to them, and leaves out people who have left', () => {
    const volunteer: TrainingPerson = {
      id: 'v1',
      name: 'Volunteer',
      kind: 'volunteer',
      startedOn: '2026-01-01',
      leftOn: null,
    }
    const leaver: TrainingPerson = {
      id: 'l1',
      name: 'Leaver',
      kind: 'staff',
      startedOn: '2020-01-01',
      leftOn: '2026-01-01',
    }
    const list = trainingStatusList([faceToFace, online], [volunteer, leaver, starter], [], '2026-11-23')
    expect(list.filter((s) => s.personId === 'v1').map((s) => s.typeId)).toEqual(['dp-face-to-face'])
    expect(list.some((s) => s.personId === 'l1')).toBe(false)
    expect(list.filter((s) => s.personId === 'p1')).toHaveLength(2)
  })
})
