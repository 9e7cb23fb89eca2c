import type { ProcessingActivity } from '../../domain/index.js'

type Entry = Omit<ProcessingActivity, 'id' | 'controllerId'>

const SECURITY =
  'Held on access-controlled systems in the UK, encrypted in transit and at rest; staff are vetted and trained every year; access is logged.'

/** The demo office's register of processing (after seeds 001, 003 and 004, in our own words). */
export const DEMO_REGISTER: Record<string, Entry[]> = {
  'northshire-opcc': [
    {
      name: 'Complaint reviews',
      purposes: ['to review how the police force handled a complaint when the complainant asks us to'],
      lawfulBases: ['public-task'],
      specialCategoryConditions: ['UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 para 6 (statutory and government purposes)'],
      dataSubjects: ['people who complain about the police', 'police officers and staff named in complaints'],
      dataCategories: ['names and contact details', 'details of the complaint and how it was handled'],
      specialCategories: [
        'health information that complainants choose to give us',
        'allegations of criminal behaviour',
      ],
      sources: ['the people who contact us', 'the police force'],
      recipients: ['the police force', 'the Independent Office for Police Conduct'],
      transfers: [],
      retention: 'six years after the review ends',
      securitySummary: SECURITY,
    },
    {
      name: 'Funding and contracts',
      purposes: ['to run grant bidding and manage contracts for services we commission'],
      lawfulBases: ['contract', 'public-task'],
      specialCategoryConditions: [],
      dataSubjects: ['contacts at organisations that bid for funding or supply services'],
      dataCategories: ['names, job titles and work contact details', 'bank details of sole traders'],
      specialCategories: [],
      sources: ['the people and organisations who bid or contract with us'],
      recipients: ['our auditors', 'the Home Office where it part-funds a service'],
      transfers: [],
      retention: 'seven years after the contract ends (financial records)',
      securitySummary: SECURITY,
    },
    {
      name: 'Events and newsletters',
      purposes: ['to send news about events and services to people who asked for it'],
      lawfulBases: ['consent'],
      specialCategoryConditions: [],
      dataSubjects: ['people who sign up to our newsletter or events'],
      dataCategories: ['names and email addresses', 'event dietary and access needs'],
      specialCategories: [],
      sources: ['the people who sign up'],
      recipients: ['our email service provider, under contract'],
      transfers: [
        {
          destination: 'an email service provider in the USA',
          safeguard: 'the UK Extension to the EU–US Data Privacy Framework',
        },
      ],
      retention: 'until you unsubscribe or withdraw your consent',
      securitySummary: SECURITY,
    },
  ],
  'northshire-police': [
    {
      name: 'Policing purposes',
      purposes: ['to prevent, investigate and detect crime, bring offenders to justice and protect the public'],
      lawfulBases: ['le-task'],
      specialCategoryConditions: ['DPA 2018 s.35(5) and Sch 8 (sensitive processing for law enforcement)'],
      dataSubjects: [
        'victims and witnesses',
        'people suspected or convicted of offences',
        'people who contact the police',
      ],
      dataCategories: ['names, addresses and dates of birth', 'details of incidents, crimes and investigations'],
      specialCategories: [
        'health information',
        'racial or ethnic origin',
        'information about offences and convictions',
      ],
      sources: [
        'the people we deal with',
        'other police forces and law enforcement agencies',
        'local authorities and partners',
      ],
      recipients: [
        'the Crown Prosecution Service and courts',
        'other police forces',
        'partner agencies where the law allows',
      ],
      transfers: [],
      retention: 'in line with the national Management of Police Information guidance, reviewed at set intervals',
      securitySummary: SECURITY,
    },
    {
      name: 'Victim and witness support',
      purposes: ['to offer support to victims and witnesses who agree to a referral'],
      lawfulBases: ['consent', 'public-task'],
      specialCategoryConditions: ['UK GDPR Art 9(2)(a) explicit consent'],
      dataSubjects: ['victims and witnesses referred to the hub'],
      dataCategories: ['names and contact details', 'what happened and what support is needed'],
      specialCategories: ['health information', 'information about vulnerability'],
      sources: ['the force, with your consent', 'people who refer themselves'],
      recipients: ['support organisations you agree to be referred to'],
      transfers: [],
      retention: 'two years after support ends, unless you withdraw consent earlier',
      securitySummary: SECURITY,
    },
  ],
}
