import { addDays, addMonthsClamped, compareLocalDates, type LocalDate } from '../clock/index.js'

/**
 * Data protection training (seed 002: every member of staff and every volunteer, on commencement and then
 * annually face to face, plus mandatory online training; records kept in a "Training Record Status List"
 * that the Chief Executive reviews). The types and their frequencies are data an administrator edits.
 */
export type PersonKind = 'staff' | 'volunteer'

export interface TrainingType {
  id: string
  name: string
  deliveredBy: string
  method: 'face-to-face' | 'online' | 'other'
  lengthMinutes: number
  /** Months between completions; null when it is needed only once, on commencement. */
  frequencyMonths: number | null
  /** Due on the day someone starts (seed 002: "upon commencement of employment"). */
  onCommencement: boolean
  appliesTo: 'all' | 'staff' | 'volunteers'
}

export const DEFAULT_TRAINING_TYPES: readonly TrainingType[] = [
  {
    id: 'dp-face-to-face',
    name: 'Data protection training (face to face)',
    deliveredBy: 'Office & Data Protection Manager',
    method: 'face-to-face',
    lengthMinutes: 60,
    frequencyMonths: 12,
    onCommencement: true,
    appliesTo: 'all',
  },
  {
    id: 'dp-online-mandatory',
    name: 'Mandatory online data protection training',
    deliveredBy: 'Force e-learning',
    method: 'online',
    lengthMinutes: 60,
    frequencyMonths: 24,
    onCommencement: true,
    appliesTo: 'staff',
  },
]

export interface TrainingPerson {
  id: string
  name: string
  kind: PersonKind
  startedOn: LocalDate
  leftOn: LocalDate | null
}

export type TrainingState = 'complete' | 'due-soon' | 'due' | 'overdue'

export interface TrainingStatus {
  personId: string
  typeId: string
  state: TrainingState
  lastCompletedOn: LocalDate | null
  /** When the next completion is needed; null when complete for good (a one-off already done). */
  dueOn: LocalDate | null
}

export function applies(type: TrainingType, person: TrainingPerson): boolean {
  if (type.appliesTo === 'all') return true
  return type.appliesTo === 'staff' ? person.kind === 'staff' : person.kind === 'volunteer'
}

/**
 * Where one person stands on one type of training on `today`. A new starter's on-commencement training is
 * due from their first day; afterwards each completion is good for `frequencyMonths`. `warnDays` ahead of
 * the due date the status becomes due-soon, which drives the reminder emails.
 */
export function trainingStatus(
  type: TrainingType,
  person: TrainingPerson,
  completions: readonly LocalDate[],
  today: LocalDate,
  warnDays = 30,
): TrainingStatus {
  const last = [...completions].sort(compareLocalDates).at(-1) ?? null
  const base = { personId: person.id, typeId: type.id, lastCompletedOn: last }
  let dueOn: LocalDate | null
  if (last === null)
    dueOn = type.onCommencement ? person.startedOn : addMonthsClamped(person.startedOn, type.frequencyMonths ?? 12)
  else dueOn = type.frequencyMonths === null ? null : addMonthsClamped(last, type.frequencyMonths)
  if (dueOn === null) return { ...base, state: 'complete', dueOn }
  const c = compareLocalDates(today, dueOn)
  if (last === null && c >= 0) return { ...base, state: c === 0 ? 'due' : 'overdue', dueOn }
  if (c > 0) return { ...base, state: 'overdue', dueOn }
  if (c === 0) return { ...base, state: 'due', dueOn }
  if (compareLocalDates(addDays(today, warnDays), dueOn) >= 0) return { ...base, state: 'due-soon', dueOn }
  return { ...base, state: 'complete', dueOn }
}

/** The status list: every current person × every type that applies to them. */
export function trainingStatusList(
  types: readonly TrainingType[],
  people: readonly TrainingPerson[],
  completions: readonly { personId: string; typeId: string; completedOn: LocalDate }[],
  today: LocalDate,
  warnDays = 30,
): TrainingStatus[] {
  const current = people.filter((p) => p.leftOn === null || compareLocalDates(p.leftOn, today) > 0)
  return current.flatMap((person) =>
    types
      .filter((type) => applies(type, person))
      .map((type) => {
        const done = completions
          .filter((c) => c.personId === person.id && c.typeId === type.id)
          .map((c) => c.completedOn)
        return trainingStatus(type, person, done, today, warnDays)
      }),
  )
}
