import { describe, expect, it } from 'vitest'
import { generatePrivacyNotice, validateActivity, type ProcessingActivity } from './processing-register.js'

const activity = (over: Partial<ProcessingActivity> = {}): ProcessingActivity => ({
  id: 'a1',
  controllerId: 'opcc',
  name: 'Handling complaints about the police',
  purposes: ['to review how a complaint about the force was handled'],
  lawfulBases: ['public-task'],
  specialCategoryConditions: ['DPA 2018 Sch 1 para 6 (statutory and government purposes)'],
  dataSubjects: ['complainants', 'police officers and staff'],
  dataCategories: ['name and contact details', 'details of the complaint'],
  specialCategories: ['health information volunteered by the complainant'],
  sources: ['the complainant', 'the police force'],
  recipients: ['the Independent Office for Police Conduct'],
  transfers: [],
  retention: 'six years after the review ends',
  securitySummary: 'Held on secure, access-controlled systems; staff are trained annually.',
  ...over,
})
const dpo = { name: 'Data Protection Officer', email: 'dpo@opcc.example', postalAddress: ['PO Box 1', 'Northtown'] }
const ico = {
  name: 'Information Commissioner’s Office',
  website: 'https://ico.org.uk/make-a-complaint/',
  helpline: '0303 123 1113',
}

function allText(n: ReturnType<typeof generatePrivacyNotice>): string {
  return n.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...s.items]).join('\n')
}

describe('the privacy notice generated from the register', () => {
  it('states every purpose, lawful basis, data subject, category, source, recipient and retention period in the register', () => {
    const a = activity()
    const text = allText(generatePrivacyNotice('OPCC', [a], dpo, ico))
    for (const item of [
      ...a.purposes,
      ...a.dataSubjects,
      ...a.dataCategories,
      ...a.specialCategories,
      ...a.sources,
      ...a.recipients,
      a.retention,
      ...a.specialCategoryConditions,
    ]) {
      expect(text).toContain(item)
    }
    expect(text).toContain('UK GDPR Art 6(1)(e)')
    expect(text).toContain(dpo.email)
    expect(text).toContain('0303 123 1113')
  })

  it('names the data protection officer when a name is set, and never reads "is Data Protection Officer"', () => {
    const byTitle = allText(generatePrivacyNotice('OPCC', [activity()], dpo, ico))
    expect(byTitle).not.toContain('officer is Data Protection Officer')
    expect(byTitle).toContain('You can contact our data protection officer: email dpo@opcc.example')
    const named = allText(generatePrivacyNotice('OPCC', [activity()], { ...dpo, name: 'Priya Shah' }, ico))
    expect(named).toContain('Our data protection officer is Priya Shah.')
  })

  it('says plainly when nothing is sent outside the UK, and names each transfer and safeguard when something is', () => {
    expect(allText(generatePrivacyNotice('OPCC', [activity()], dpo, ico))).toContain(
      'We do not send your information outside the UK.',
    )
    const withTransfer = activity({
      transfers: [{ destination: 'a cloud provider in Ireland', safeguard: 'UK adequacy regulations' }],
    })
    expect(allText(generatePrivacyNotice('OPCC', [withTransfer], dpo, ico))).toContain(
      'a cloud provider in Ireland, protected by UK adequacy regulations',
    )
  })

  it('lists each source only once across activities', () => {
    const notice = generatePrivacyNotice('OPCC', [activity(), activity({ id: 'a2', name: 'Events' })], dpo, ico)
    const sources = notice.sections.find((s) => s.id === 'sources')!.items
    expect(sources).toEqual(['the complainant', 'the police force'])
  })

  it('refuses special category data without an Art 9 or Schedule 1 condition', () => {
    expect(validateActivity(activity({ specialCategoryConditions: [] }))).toHaveProperty('specialCategoryConditions')
  })
})

// Issue 13: a force's privacy notice gave a UK GDPR lawful basis for policing. Law-enforcement processing is governed
// by DPA 2018 Part 3: the notice states the s.31 purposes and the s.35 bases, and the Part 3 rights (uk-rules §9).
describe('law enforcement processing in the privacy notice', () => {
  const policing = activity({ name: 'Policing purposes', lawfulBases: ['le-task'], purposes: ['to investigate crime'] })
  const hr = activity({ name: 'Employing staff', lawfulBases: ['contract'] })

  it('states the s.31 purposes and the s.35 basis for law enforcement, and no UK GDPR basis for it', () => {
    const notice = generatePrivacyNotice('Northshire Police', [policing, hr], dpo, ico)
    const le = notice.sections.find((s) => s.id === 'law-enforcement')!
    const leText = [...le.paragraphs, ...le.items].join('\n')
    expect(leText).toContain('section 31 of the Data Protection Act 2018')
    expect(leText).toContain('prevention, investigation, detection or prosecution of criminal offences')
    expect(leText).toContain('(DPA 2018 s.35(2)(b))')
    expect(leText).toContain('Policing purposes: to investigate crime')
    const basis = notice.sections.find((s) => s.id === 'lawful-basis')!
    expect(basis.items.join('\n')).toContain('UK GDPR Art 6(1)(b)')
    expect(basis.items.join('\n')).not.toContain('s.35')
    expect(notice.sections.find((s) => s.id === 'rights')!.paragraphs.join(' ')).toContain(
      'The rights to object and to data portability do not apply',
    )
  })

  it('a force with only law enforcement processing has no UK GDPR lawful basis section', () => {
    const notice = generatePrivacyNotice('Northshire Police', [policing], dpo, ico)
    expect(notice.sections.map((s) => s.id)).not.toContain('lawful-basis')
    expect(allText(notice)).not.toContain('Art 6(1)')
  })

  it('an activity cannot rely on both a UK GDPR basis and a law enforcement basis', () => {
    expect(validateActivity(activity({ lawfulBases: ['le-task', 'public-task'] })).lawfulBases).toContain('s.35')
    expect(validateActivity(policing).lawfulBases).toBeUndefined()
  })
})
