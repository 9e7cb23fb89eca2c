import type { Exemption, RestrictedDuty } from './types.js'

// uk-rules §6.2 and §9: DPA 2018 Part 3. Schedules 2–4 do not apply to law-enforcement processing; instead the
// controller may restrict rights "to the extent that and for so long as" it is a necessary and proportionate
// measure on one of the five grounds shared by s.44(4), s.45(4) and s.48(3).

const GROUNDS = [
  {
    letter: 'A',
    name: 'avoid obstructing an inquiry or investigation',
    because: 'to avoid obstructing an official or legal inquiry, investigation or procedure',
  },
  {
    letter: 'B',
    name: 'avoid prejudicing crime prevention or prosecution',
    because:
      'to avoid harming the prevention, detection, investigation or prosecution of crime, or the carrying out of sentences',
  },
  { letter: 'C', name: 'protect public security', because: 'to protect public security' },
  { letter: 'D', name: 'protect national security', because: 'to protect national security' },
  { letter: 'E', name: 'protect the rights of others', because: 'to protect the rights and freedoms of other people' },
] as const

interface Restriction {
  section: string
  prefix: string
  shortName: string
  restricts: readonly RestrictedDuty[]
  explain: (because: string) => string
  notes: string
}

const RESTRICTIONS: readonly Restriction[] = [
  {
    section: '45(4)',
    prefix: 'LE_45_4',
    shortName: 'Access restricted',
    restricts: ['access'],
    explain: (because) => `We have withheld this because it is necessary and proportionate ${because}.`,
    notes: 'Restrict only to the extent and for as long as necessary; record the reasons (s.45(7)); prefer redaction.',
  },
  {
    section: '48(3)',
    prefix: 'LE_48_3',
    shortName: 'Reasons for a refusal restricted',
    restricts: ['rectification', 'erasure', 'restriction'],
    explain: (because) =>
      `We cannot give our full reasons for this decision, because it is necessary and proportionate ${because}.`,
    notes: 'Restricts the reasons given when refusing rectification, erasure or restriction.',
  },
  {
    section: '44(4)',
    prefix: 'LE_44_4',
    shortName: 'Privacy information restricted',
    restricts: ['info'],
    explain: (because) =>
      `We have not given some information about how we use your data, because it is necessary and proportionate ${because}.`,
    notes: 'Restricts the privacy information given under s.44.',
  },
]

function groundCodes(r: Restriction): Exemption[] {
  return GROUNDS.map((g) => ({
    code: `${r.prefix}_${g.letter}`,
    citation: `DPA 2018 s.${r.section}(${g.letter.toLowerCase()})`,
    shortName: `${r.shortName}: ${g.name}`,
    explanation: r.explain(g.because),
    restricts: r.restricts,
    route: 'DPA_PART3' as const,
    test: 'necessary-and-proportionate' as const,
    scotlandOnly: false,
    notes: g.letter === 'D' ? `${r.notes} A ministerial certificate under s.79 may apply.` : r.notes,
  }))
}

const [accessRestrictions, reasonRestrictions, infoRestrictions] = RESTRICTIONS.map(groundCodes)

export const LAW_ENFORCEMENT: readonly Exemption[] = [
  {
    code: 'LE_43_3_JUDICIAL',
    citation: 'DPA 2018 s.43(3)–(4)',
    shortName: 'Judicial decisions and court documents',
    explanation:
      'This is in a judicial decision or a document made by a court in a criminal case, which falls outside these rights.',
    restricts: ['info', 'access', 'rectification', 'erasure', 'restriction'],
    route: 'DPA_PART3',
    test: 'class',
    scotlandOnly: false,
    notes: 'Sections 44 to 48 do not apply to such data.',
  },
  ...(accessRestrictions ?? []),
  {
    code: 'LE_45A_LPP',
    citation: 'DPA 2018 s.45A',
    shortName: 'Legal professional privilege (law enforcement)',
    explanation:
      'This is confidential legal advice, or was prepared for legal proceedings, and is protected by legal professional privilege.',
    restricts: ['access'],
    route: 'DPA_PART3',
    test: 'class',
    scotlandOnly: false,
    notes:
      'Tell the person in writing and record the reasons; the reasons may be left out if giving them would undermine the privilege.',
  },
  ...(reasonRestrictions ?? []),
  ...(infoRestrictions ?? []),
  {
    code: 'LE_53_MUE',
    citation: 'DPA 2018 s.53',
    shortName: 'Manifestly unfounded or excessive (law enforcement)',
    explanation:
      'We will not act on this request because it is clearly unfounded or clearly excessive, for the reasons we set out.',
    restricts: ['access', 'rectification', 'erasure', 'restriction'],
    route: 'DPA_PART3',
    test: 'n/a',
    scotlandOnly: false,
    notes:
      'From 5 Feb 2026 the refusal must give reasons and the right to complain within the time limit (s.53(6)–(7)).',
  },
]
