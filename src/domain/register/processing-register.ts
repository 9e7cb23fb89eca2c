/**
 * The register of processing activities (UK GDPR Art 30) and the privacy notice generated from it
 * (Arts 13–14). Seeds 001, 003 and 004 are privacy notices whose content is really this register
 * written out as prose; keeping the register as data means the notice can never drift from it.
 */
export type LawfulBasis =
  'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests'

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
}

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
  const bases = unique(
    activities.map((a) => a.lawfulBases.map((b) => `${LAWFUL_BASES[b].text} (${LAWFUL_BASES[b].citation})`)),
  )
  const transfers = activities.flatMap((a) =>
    a.transfers.map((t) => `${a.name}: ${t.destination}, protected by ${t.safeguard}`),
  )
  return {
    controllerName,
    sections: [
      section('who-we-are', 'Who we are', [
        `${controllerName} decides how and why your personal information is used, which makes us its controller.`,
        `Our data protection officer is ${dpo.name}. Email ${dpo.email}, or write to ${dpo.postalAddress.join(', ')}.`,
      ]),
      section(
        'why',
        'Why we use your information',
        [],
        activities.map((a) => `${a.name}: ${a.purposes.join('; ')}`),
      ),
      section(
        'lawful-basis',
        'Our lawful basis',
        ['We only use your information when the law allows it. We rely on these grounds:'],
        bases,
      ),
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
        'Use the “Make a request” service on this site, or contact us.',
      ]),
      section('complain', 'How to complain', [
        `You can complain to us first. If you are not happy with our answer, you can complain to the ${regulator.name}: ${regulator.website}, helpline ${regulator.helpline}.`,
      ]),
    ],
  }
}
