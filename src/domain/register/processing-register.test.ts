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
