import type { PiiType } from '../../src/disclosure/detect/types.js'

/**
 * A generated (synthetic) test set of UK structured identifiers embedded in sentences: every value
 * is valid by its scheme's rules (NI prefixes, NHS check digit, Luhn, postcode letters, DVLA plate
 * letters …) and written in the layouts people use. Seeded, so every run scores the same set.
 * Decoys are invalid look-alikes (never-issued NI prefixes, Luhn failures, bad NHS check digits,
 * dates with no birth cue) for counting false alarms.
 */
export interface StructuredItem {
  text: string
  gold: { start: number; end: number; type: PiiType }[]
  decoy?: PiiType
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Gen = { pick<T>(xs: readonly T[]): T; digits(n: number): string; int(lo: number, hi: number): number }

function gen(seed: number): Gen {
  const r = rng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
  return {
    int,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T,
    digits: (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  }
}

const FIRST = ['Sarah', 'James', 'Priya', 'Tomasz', 'Aisha', 'Callum', 'Megan', 'Oluwaseun', 'Niamh', 'Gareth']
const LAST = ['Patel', 'Smith', 'Nowak', 'Okafor', 'Evans', 'Murphy', 'Khan', 'Jones', 'Campbell', 'Wright']
const AREAS =
  'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DH DL DN DT DY E EH EN EX FK G GL GU HA HD HG HP HU IG IP KT L LA LE LN LS LU M ME MK N NE NG NN NR NW OL OX PE PL PO PR RG RH RM S SE SG SK SL SN SO SR SS ST SW TN TQ TS TW UB W WA WF WN WR WS WV YO'.split(
    ' ',
  )
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
const PLATE = 'ABCDEFGHJKLMNOPRSTUVWXY'
const STREETS = [
  'Station Road',
  'High Street',
  'Church Lane',
  'Victoria Avenue',
  'Mill Close',
  'Oak Drive',
  'Park Crescent',
]
const TOWNS = ['Leeds', 'Cardiff', 'Bristol', 'Norwich', 'Preston', 'Swindon', 'Carlisle']

function luhnComplete(prefix: string, length: number, g: Gen): string {
  const body = prefix + g.digits(length - prefix.length - 1)
  for (let d = 0; d <= 9; d++) {
    const n = body + d
    let sum = 0
    for (let i = 0; i < n.length; i++) {
      let v = Number(n[n.length - 1 - i])
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2
      sum += v
    }
    if (sum % 10 === 0) return n
  }
  return body + '0'
}

function nhs(g: Gen, valid: boolean): string {
  for (;;) {
    const nine = String(g.int(4, 7)) + g.digits(8)
    let sum = 0
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i)
    const check = (11 - (sum % 11)) % 11
    if (check === 10) continue
    return nine + String(valid ? check : (check + 1 + g.int(0, 7)) % 10)
  }
}

function postcode(g: Gen): string {
  const area = g.pick(AREAS)
  const district =
    g.int(0, 5) === 0 && area.length === 2 ? `${g.int(1, 9)}${g.pick([...'ABEHMNPRW'])}` : String(g.int(1, 29))
  return `${area}${district} ${g.int(0, 9)}${g.pick([...INWARD])}${g.pick([...INWARD])}`
}

function plate(g: Gen): string {
  // DVLA age identifiers: 02-29 (March) and 51-79 (September).
  const age = String(g.pick([g.int(2, 29), g.int(51, 79)])).padStart(2, '0')
  const letters = (n: number) => Array.from({ length: n }, () => g.pick([...PLATE.replace(/[IQ]/g, '')])).join('')
  return g.int(0, 4) === 0
    ? `${g.pick([...'ABCDEFGHKLMNPRSTVWXY'])}${g.int(1, 999)} ${letters(3)}`
    : `${letters(2)}${age} ${letters(3)}`
}

function phone(g: Gen): string {
  return g.pick([
    () => `07${g.int(4, 9)}${g.digits(2)} ${g.digits(6)}`,
    () => `07${g.int(4, 9)}${g.digits(8)}`,
    () => `+44 7${g.int(4, 9)}${g.digits(2)} ${g.digits(6)}`,
    () => `0161 ${g.int(2, 9)}${g.digits(2)} ${g.digits(4)}`,
    () => `020 ${g.pick(['7', '8', '3'])}${g.digits(3)} ${g.digits(4)}`,
    () => `(0113) ${g.int(2, 9)}${g.digits(2)} ${g.digits(4)}`,
    () => `+44 (0)20 ${g.pick(['7', '8'])}${g.digits(3)} ${g.digits(4)}`,
    () => `01${g.pick(['274', '332', '603', '752', '904'])} ${g.int(2, 9)}${g.digits(5)}`,
    () => `+33 1 ${g.digits(2)} ${g.digits(2)} ${g.digits(2)} ${g.digits(2)}`,
    () => `+1 713 ${g.int(2, 9)}${g.digits(2)} ${g.digits(4)}`,
  ])()
}

function nino(g: Gen, valid: boolean): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ'
  const second = 'ABCEGHJKLMNPRSTWXYZ'
  let prefix: string
  do prefix = g.pick([...first]) + g.pick([...second])
  while (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix))
  if (!valid) prefix = g.pick(['BG', 'GB', 'NK', 'TN', 'ZZ', 'DA', 'FA', 'QQ', 'AD', 'AO'])
  const d = g.digits(6)
  const suffix = g.pick([...'ABCD'])
  return g.int(0, 2) === 0
    ? `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}`
    : `${prefix}${d}${suffix}`
}

type Maker = (g: Gen) => [string, ...[string, PiiType][]] | [string, ...[string, PiiType][]][]
const g3 = (s: string, sep: string) => `${s.slice(0, 3)}${sep}${s.slice(3, 6)}${sep}${s.slice(6)}`
const card = (g: Gen) => {
  const [prefix, len] = g.pick([
    ['4', 16],
    ['5' + g.int(1, 5), 16],
    ['3' + g.pick(['4', '7']), 15],
  ] as const)
  const n = luhnComplete(prefix, len, g)
  if (len === 15) return `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`
  const sep = g.pick([' ', '-', ''])
  return [0, 4, 8, 12].map((i) => n.slice(i, i + 4)).join(sep)
}
const dob = (g: Gen) => {
  const [d, m, y] = [g.int(1, 28), g.int(1, 12), g.int(1940, 2010)]
  const month = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ][m - 1]
  const pad = (n: number) => String(n).padStart(2, '0')
  return g.pick([
    `${pad(d)}/${pad(m)}/${y}`,
    `${d} ${month} ${y}`,
    `${y}-${pad(m)}-${pad(d)}`,
    `${pad(d)}.${pad(m)}.${String(y).slice(2)}`,
  ])
}

// Each maker returns a sentence template (with {0}, {1} … holes) and the values with their types.
const MAKERS: Record<string, Maker> = {
  NI_NUMBER: (g) => [
    g.pick([
      'National Insurance number {0} was given.',
      'NI: {0}',
      'Her NINO is {0}.',
      'Checked {0} against the record.',
    ]),
    [nino(g, true), 'NI_NUMBER'],
  ],
  NHS_NUMBER: (g) => {
    const n = nhs(g, true)
    return [
      g.pick(['NHS number {0} on the referral.', 'Patient {0} attended.', 'Ref {0} noted.']),
      [g.pick([g3(n, ' '), n, g3(n, '-')]), 'NHS_NUMBER'],
    ]
  },
  CARD_NUMBER: (g) => [
    g.pick(['Paid with card {0} on Friday.', 'The card number was {0}.', 'Card: {0}']),
    [card(g), 'CARD_NUMBER'],
  ],
  BANK_ACCOUNT: (g) => {
    const sc = `${g.digits(2)}-${g.digits(2)}-${g.digits(2)}`
    const acc = g.digits(8)
    return [
      g.pick(['Sort code {0}, account {1}.', 'Paid into {0} {1} yesterday.', 'Account number {1} (sort code {0}).']),
      [sc, 'BANK_ACCOUNT'],
      [acc, 'BANK_ACCOUNT'],
    ]
  },
  PHONE: (g) => [g.pick(['Call me on {0} after six.', 'Mobile: {0}', 'She rang from {0} twice.']), [phone(g), 'PHONE']],
  POSTCODE: (g) => [
    g.pick(['They moved to {0} last year.', 'Postcode {0}.', 'Delivered to {0} on Monday.']),
    [postcode(g), 'POSTCODE'],
  ],
  ADDRESS: (g) => [
    g.pick(['He lives at {0}.', 'Address: {0}']),
    [`${g.int(1, 240)} ${g.pick(STREETS)}, ${g.pick(TOWNS)} ${postcode(g)}`, 'ADDRESS'],
  ],
  VEHICLE_REG: (g) => [
    g.pick(['A silver car, {0}, was seen.', 'Vehicle {0} stopped at 10pm.', 'Plate {0} was checked.']),
    [plate(g), 'VEHICLE_REG'],
  ],
  IP_ADDRESS: (g) => [
    g.pick(['Logged in from {0} at 09:14.', 'IP {0} was blocked.']),
    [
      g.int(0, 5)
        ? [g.int(1, 223), g.int(0, 255), g.int(0, 255), g.int(1, 254)].join('.')
        : `2001:db8:${g.int(1, 9999).toString(16)}::${g.int(1, 255).toString(16)}`,
      'IP_ADDRESS',
    ],
  ],
  EMAIL: (g) => [
    g.pick(['Email {0} for details.', 'From: {0}', 'Sent to {0} on Tuesday.']),
    [
      `${g.pick(FIRST).toLowerCase()}.${g.pick(LAST).toLowerCase()}${g.int(1, 99)}@${g.pick(['gmail.com', 'example.co.uk', 'nhs.net', 'police.uk'])}`,
      'EMAIL',
    ],
  ],
  DATE_OF_BIRTH: (g) => [
    g.pick(['DOB: {0}', 'She was born on {0}.', 'Date of birth {0}.', 'Jones (D.O.B. {0}) was present.']),
    [dob(g), 'DATE_OF_BIRTH'],
  ],
  CRIME_REFERENCE: (g) => [
    g.pick(['Crime reference {0}.', 'Quote {0} when calling.', 'Logged as {0}.']),
    [
      g.pick([
        `${g.digits(2)}/${g.digits(6)}/${g.digits(2)}`,
        `CR/${g.digits(5)}/${g.digits(2)}`,
        `NFRC${g.digits(12)}`,
      ]),
      'CRIME_REFERENCE',
    ],
  ],
  URL: (g) => {
    const h = `${g.pick(FIRST).toLowerCase()}${g.pick(['.', '_', ''])}${g.pick(LAST).toLowerCase()}${g.int(1, 99)}`
    return [
      'See {0} for the posts.',
      [
        g.pick([
          `https://www.facebook.com/${h}`,
          `twitter.com/${h}`,
          `https://instagram.com/${h}`,
          `linkedin.com/in/${h}`,
          `https://www.tiktok.com/@${h}`,
        ]),
        'URL',
      ],
    ]
  },
}

const DECOYS: Record<string, (g: Gen) => string> = {
  NI_NUMBER: (g) => `Code ${nino(g, false)} is not a real NI number.`,
  NHS_NUMBER: (g) => `Number ${g3(nhs(g, false), ' ')} failed its check.`,
  CARD_NUMBER: (g) => {
    const n = luhnComplete('4', 16, g)
    const bad = n.slice(0, 15) + String((Number(n[15]) + 1 + g.int(0, 7)) % 10)
    return `Order ${bad.match(/.{4}/g)?.join(' ')} shipped.`
  },
  DATE_OF_BIRTH: (g) => `The meeting on ${dob(g)} was cancelled.`,
}

function fill(template: string, values: [string, PiiType][]): StructuredItem {
  const gold: StructuredItem['gold'] = []
  let text = ''
  let last = 0
  for (const m of template.matchAll(/\{(\d)\}/g)) {
    text += template.slice(last, m.index)
    const [value, type] = values[Number(m[1])] ?? ['', 'PERSON']
    gold.push({ start: text.length, end: text.length + value.length, type })
    text += value
    last = (m.index ?? 0) + m[0].length
  }
  return { text: text + template.slice(last), gold }
}

export function structuredSet(perType = 150, seed = 20240601): StructuredItem[] {
  const g = gen(seed)
  const out: StructuredItem[] = []
  for (const make of Object.values(MAKERS)) {
    for (let i = 0; i < perType; i++) {
      const [template, ...values] = make(g) as [string, ...[string, PiiType][]]
      out.push(fill(template, values))
    }
  }
  for (const [type, make] of Object.entries(DECOYS)) {
    for (let i = 0; i < perType; i++) out.push({ text: make(g), gold: [], decoy: type as PiiType })
  }
  return out
}
