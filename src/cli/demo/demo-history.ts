import type { Right } from '../../domain/index.js'
import {
  answered,
  approve,
  close,
  decided,
  draft,
  sent,
  working,
  type DemoCase,
  type DemoStep,
  type SentOutcome,
} from './demo-cases.js'

/**
 * A year of closed requests, so the dashboard and the monthly compliance pack have history to show.
 * Deterministic (a fixed pseudo-random sequence), so every demo looks the same and tests can rely on it.
 */
const GIVEN = [
  'Alex',
  'Bethan',
  'Callum',
  'Dina',
  'Eamon',
  'Farah',
  'Gethin',
  'Holly',
  'Idris',
  'Jade',
  'Kieran',
  'Leah',
  'Mohammed',
  'Niamh',
  'Oscar',
  'Poppy',
]
const FAMILY = [
  'Ahmed',
  'Bennett',
  'Collins',
  'Davies',
  'Edwards',
  'Fraser',
  'Gill',
  'Hughes',
  'Iqbal',
  'Jones',
  'Kaur',
  'Lewis',
  'Morgan',
  'Nash',
  'Owen',
  'Patel',
]
const RIGHTS: Right[] = [
  'access',
  'access',
  'access',
  'access',
  'access',
  'access',
  'access',
  'erasure',
  'rectification',
  'objection',
  'restriction',
]
const CHANNELS: DemoCase['channel'][] = ['email', 'email', 'portal', 'portal', 'portal', 'post', 'phone']

function lcg(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

export function demoHistory(count = 72): DemoCase[] {
  const rand = lcg(20261123)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const cases: DemoCase[] = []
  for (let i = 0; i < count; i++) {
    const receivedAgo = 40 + Math.floor((i / count) * 325) + Math.floor(rand() * 5)
    const right = pick(RIGHTS)
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`
    const roll = rand()
    // About one in eight answered late, one in ten extended, the rest on time; the outcome follows the right.
    const late = roll < 0.12
    const extended = !late && roll < 0.22
    const outcome: SentOutcome =
      right === 'access'
        ? rand() < 0.15
          ? 'no-data-held'
          : rand() < 0.6
            ? 'disclosed-in-part'
            : 'disclosed-in-full'
        : rand() < 0.7
          ? 'action-taken'
          : 'action-declined'
    const answerDay = late
      ? 38 + Math.floor(rand() * 10)
      : extended
        ? 50 + Math.floor(rand() * 20)
        : 8 + Math.floor(rand() * 20)
    const steps: DemoStep[] = extended
      ? [
          ...working(1),
          {
            day: 15,
            by: 'dp-manager',
            command: (_i, on) => ({
              type: 'Extend',
              ground: 'complexity',
              reasons: 'Records are held in several archived systems.',
              noticeGivenOn: on(15),
            }),
          },
          ...decided(answerDay, outcome, right),
          draft(answerDay),
          approve(answerDay + 1),
          sent(answerDay + 2, outcome),
        ]
      : answered(1, answerDay, outcome, right)
    cases.push({
      key: `history-${i}`,
      controller: rand() < 0.5 ? 'northshire-opcc' : 'northshire-police',
      right,
      receivedAgo,
      channel: pick(CHANNELS),
      name,
      email: `${name.toLowerCase().replace(/ /g, '.')}.h${i}@mail.example`,
      description: 'Records held about me',
      steps: [...steps, close(answerDay + 4)],
    })
  }
  return cases
}
