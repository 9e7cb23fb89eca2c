/**
 * The register of processing activities (UK GDPR Art 30) and the privacy notice generated from it
 * (Arts 13–14). Seeds 001, 003 and 004 are privacy notices whose content is really this register
 * written out as prose; keeping the register as data means the notice can never drift from it.
 */
export type LawfulBasis =
  | 'consent'
  | 'contract'
  | 'legal-obligation'
  | 'vital-interests'
  | 'public-task'
  | 'legitimate-interests'
  | 'le-task'
  | 'le-consent'

export const LAWFUL_BASES: Record<LawfulBasis, { citation: string; text: string }> = {
  consent: { citation: 'UK GDPR Art 6(1)(a)', text: 'you have given your consent, which you can withdraw at any time' },
  contract: {
    citation: 'UK GDPR Art 6(1)(b)',
    text: 'we need it for a contract with you, or to take steps you asked for before one',
  },
  'legal-obligation': { citation: 'UK GDPR Art 6(1)(c)', text: 'the law requires us to' },
  'vital-interests': { citation: 'UK GDPR Art 6(1)(d)', text: 'it is needed to protect someone’s life' },
  'public-task': {
    citation: 'UK GDPR Art 6(1)(e)',
    text: 'we need it to carry out our official functions, which are set out in law',
  },
  'legitimate-interests': {
    citation: 'UK GDPR Art 6(1)(f)',
    text: 'it is in our legitimate interests, and those interests are not outweighed by yours (we do not use this for our public tasks)',
  },
  // DPA 2018 Part 3 (uk-rules §9): processing by a competent authority for a law-enforcement purpose (s.31) is lawful
  // only on a s.35(2) basis, never on a UK GDPR Art 6 basis.
  'le-task': {
    citation: 'DPA 2018 s.35(2)(b)',
    text: 'it is necessary for a task we carry out for a law enforcement purpose, as a competent authority',
  },
  'le-consent': {
    citation: 'DPA 2018 s.35(2)(a)',
    text: 'you have consented to it for that law enforcement purpose',
  },
}

/** The s.35(2) bases: an activity relying on one is law-enforcement processing under DPA 2018 Part 3. */
export const LAW_ENFORCEMENT_BASES: readonly LawfulBasis[] = ['le-task', 'le-consent']

/** DPA 2018 s.31: the law enforcement purposes, as the notice states them. */
export const LAW_ENFORCEMENT_PURPOSES =
  'the prevention, investigation, detection or prosecution of criminal offences or the execution of criminal penalties, including safeguarding against and preventing threats to public security'

export const isLawEnforcement = (a: Pick<ProcessingActivity, 'lawfulBases'>) =>
  a.lawfulBases.some((b) => LAW_ENFORCEMENT_BASES.includes(b))

export interface InternationalTransfer {
  destination: string
  safeguard: string
}

export interface ProcessingActivity {
  id: string
  controllerId: string
  name: string
  purposes: string[]
  lawfulBases: LawfulBasis[]
  /** Art 9(2) conditions and DPA 2018 Sch 1 conditions for special category and criminal offence data. */
  specialCategoryConditions: string[]
  dataSubjects: string[]
  dataCategories: string[]
  specialCategories: string[]
  sources: string[]
  recipients: string[]
  transfers: InternationalTransfer[]
  retention: string
  securitySummary: string
}

export interface DataProtectionOfficer {
  name: string
  email: string
  postalAddress: string[]
}

export interface NoticeSection {
  id: string
  heading: string
  paragraphs: string[]
  items: string[]
}

export interface PrivacyNoticeContent {
  controllerName: string
  sections: NoticeSection[]
}

const unique = (lists: string[][]) => [
  ...new Set(
    lists
      .flat()
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]

export function validateActivity(a: ProcessingActivity): Record<string, string> {
  const problems: Record<string, string> = {}
  if (a.name.trim() === '') problems.name = 'Enter the name of the activity'
  if (a.purposes.length === 0) problems.purposes = 'Enter at least one purpose'
  if (a.lawfulBases.length === 0) problems.lawfulBases = 'Choose at least one lawful basis'
  else if (isLawEnforcement(a) && !a.lawfulBases.every((b) => LAW_ENFORCEMENT_BASES.includes(b)))
    problems.lawfulBases =
      'An activity is either law enforcement processing (DPA 2018 s.35) or UK GDPR processing (Art 6): choose bases of one kind, and record the other as its own activity'
  if (a.specialCategories.length > 0 && a.specialCategoryConditions.length === 0) {
    problems.specialCategoryConditions = 'Give the Art 9 or Schedule 1 condition for the special category data'
  }
  if (a.dataSubjects.length === 0) problems.dataSubjects = 'Enter whose data this is'
  if (a.retention.trim() === '') problems.retention = 'Say how long the data is kept'
  if (a.transfers.some((t) => t.safeguard.trim() === ''))
    problems.transfers = 'Give the safeguard for every transfer outside the UK'
  return problems
}

/** Builds the public privacy notice from the register: every statement in it comes from a register entry. */

/**
 * The DPO's contact (UK GDPR Art 13(1)(b), 37(7)). A name that is only the job title reads as a contact, not as
 * "Our data protection officer is Data Protection Officer" (issue 15).
 */
function dpoSentence(dpo: { name: string; email: string; postalAddress: readonly string[] }): string {
  const contact = `email ${dpo.email}, or write to ${dpo.postalAddress.join(', ')}.`
  const name = dpo.name.trim()
  if (name === '' || name.toLowerCase() === 'data protection officer')
    return `You can contact our data protection officer: ${contact}`
  return `Our data protection officer is ${name}. You can ${contact}`
}

export function generatePrivacyNotice(
  controllerName: string,
  activities: readonly ProcessingActivity[],
  dpo: DataProtectionOfficer,
  regulator: { name: string; website: string; helpline: string },
): PrivacyNoticeContent {
  const section = (id: string, heading: string, paragraphs: string[], items: string[] = []): NoticeSection => ({
    id,
    heading,
    paragraphs,
    items,
  })
  const basesOf = (list: readonly ProcessingActivity[]) =>
    unique(list.map((a) => a.lawfulBases.map((b) => `${LAWFUL_BASES[b].text} (${LAWFUL_BASES[b].citation})`)))
  const lawEnforcement = activities.filter(isLawEnforcement)
  const ukGdpr = activities.filter((a) => !isLawEnforcement(a))
  const transfers = activities.flatMap((a) =>
    a.transfers.map((t) => `${a.name}: ${t.destination}, protected by ${t.safeguard}`),
  )
  return {
    controllerName,
    sections: [
      section('who-we-are', 'Who we are', [
        `${controllerName} decides how and why your personal information is used, which makes us its controller.`,
        dpoSentence(dpo),
      ]),
      section(
        'why',
        'Why we use your information',
        [],
        activities.map((a) => `${a.name}: ${a.purposes.join('; ')}`),
      ),
      ...(ukGdpr.length
        ? [
            section(
              'lawful-basis',
              'Our lawful basis',
              ['We only use your information when the law allows it. We rely on these grounds (UK GDPR Article 6):'],
              basesOf(ukGdpr),
            ),
          ]
        : []),
      ...lawEnforcementSections(lawEnforcement, basesOf),
      section(
        'special',
        'Sensitive information',
        activities.some((a) => a.specialCategories.length)
          ? [
              'Some of the information we hold is especially sensitive. We only use it when one of these conditions applies:',
            ]
          : ['We do not use especially sensitive information for these activities.'],
        unique(activities.map((a) => a.specialCategoryConditions)),
      ),
      section('whose', 'Whose information we hold', [], unique(activities.map((a) => a.dataSubjects))),
      section(
        'what',
        'What information we hold',
        [],
        unique(activities.map((a) => [...a.dataCategories, ...a.specialCategories])),
      ),
      section('sources', 'Where we get it from', [], unique(activities.map((a) => a.sources))),
      section('sharing', 'Who we share it with', [], unique(activities.map((a) => a.recipients))),
      section(
        'transfers',
        'Sending information outside the UK',
        transfers.length ? [] : ['We do not send your information outside the UK.'],
        transfers,
      ),
      section(
        'retention',
        'How long we keep it',
        [],
        activities.map((a) => `${a.name}: ${a.retention}`),
      ),
      section('security', 'How we keep it safe', unique(activities.map((a) => [a.securitySummary]))),
      section('rights', 'Your rights', [
        'You can ask for a copy of your information, ask us to correct it, delete it or limit how we use it, object to how we use it, ask for information you gave us in a form you can reuse, and ask for a person to review a decision made only by a computer. Where we rely on your consent, you can withdraw it at any time.',
        ...(lawEnforcement.length ? [LAW_ENFORCEMENT_RIGHTS] : []),
        'Use the “Make a request” service on this site, or contact us.',
      ]),
      section('complain', 'How to complain', [
        `You can complain to us first. If you are not happy with our answer, you can complain to the ${regulator.name}: ${regulator.website}, helpline ${regulator.helpline}.`,
      ]),
    ],
  }
}

// DPA 2018 ss.44–48 and 51 (uk-rules §9): no objection or portability under Part 3; rights may be restricted.
const LAW_ENFORCEMENT_RIGHTS =
  'For information we use for law enforcement purposes, your rights come from Part 3 of the Data Protection Act 2018 (sections 44 to 48): you can ask for a copy, and ask us to correct or delete it or limit how we use it. The rights to object and to data portability do not apply to it. We may restrict your rights where that is necessary and proportionate, for example to avoid prejudicing an investigation (section 45(4)); if we do, you can ask the regulator to check that we acted lawfully (section 51).'

/** Issue 13: law-enforcement processing is stated with its s.31 purposes and s.35 bases, never a UK GDPR basis. */
function lawEnforcementSections(
  activities: readonly ProcessingActivity[],
  basesOf: (list: readonly ProcessingActivity[]) => string[],
): NoticeSection[] {
  if (activities.length === 0) return []
  return [
    {
      id: 'law-enforcement',
      heading: 'Law enforcement',
      paragraphs: [
        `We use some information for law enforcement purposes: ${LAW_ENFORCEMENT_PURPOSES} (section 31 of the Data Protection Act 2018). Part 3 of that Act applies to this information, not the UK GDPR.`,
        'We rely on these grounds (section 35 of the Data Protection Act 2018):',
      ],
      items: [...basesOf(activities), ...activities.map((a) => `${a.name}: ${a.purposes.join('; ')}`)],
    },
  ]
}
