import { describe, expect, it } from 'vitest'
import type { RequestAnswers } from './answers.js'
import { ageOn, applicableSteps, dateOfBirthProblem, firstIncomplete, nextAfter, pathOf, reachable } from './steps.js'

const TODAY = '2026-07-01'
const contact = { email: 'jo@mail.example', phone: '', line1: '', line2: '', town: '', postcode: '' }
const complete: RequestAnswers = {
  controllerId: 'northshire-opcc',
  requesterType: 'self',
  rights: ['access', 'rectification'],
  subjectName: 'Jo Bloggs',
  dobParts: { day: '1', month: '2', year: '1980' },
  dateOfBirth: '1980-02-01',
  contact,
  responseFormat: 'email',
  details: { access: { dataWanted: 'All of it' }, rectification: { inaccurateData: 'Address', correction: 'New' } },
  evidenceMethod: 'post',
}

describe('make-a-request journey order', () => {
  it('asks a person acting for someone else whether they are alive and about themselves; not someone asking for themselves', () => {
    expect(applicableSteps(complete)).not.toContain('alive')
    expect(applicableSteps(complete)).not.toContain('representative')
    const rep = applicableSteps({ ...complete, requesterType: 'attorney-or-deputy' })
    expect(rep.indexOf('alive')).toBeLessThan(rep.indexOf('rights'))
    expect(rep).toContain('representative')
  })

  it('has one details page per right, in the order of the rights, and the upload page only when uploading', () => {
    const steps = applicableSteps({ ...complete, rights: ['objection', 'access'] })
    expect(steps.filter((s) => s.startsWith('details:'))).toEqual(['details:access', 'details:objection'])
    expect(steps).not.toContain('upload')
    expect(applicableSteps({ ...complete, evidenceMethod: 'upload' })).toContain('upload')
  })

  it('sends someone to the first unanswered page, the FOI signpost, or check answers', () => {
    expect(firstIncomplete({}, TODAY)).toBe('organisation')
    expect(firstIncomplete(complete, TODAY)).toBe('check')
    expect(firstIncomplete({ ...complete, requesterType: 'solicitor-or-agent', alive: 'no' }, TODAY)).toBe('deceased')
    expect(firstIncomplete({ ...complete, evidenceMethod: 'upload' }, TODAY)).toBe('upload')
    expect(pathOf('details:access')).toBe('/request/details/access')
  })

  it('refuses pages reached out of order', () => {
    expect(reachable('organisation', {}, TODAY)).toBe(true)
    expect(reachable('contact', { controllerId: 'x' }, TODAY)).toBe(false)
    expect(reachable('representative', complete, TODAY)).toBe(false)
    expect(reachable('evidence', complete, TODAY)).toBe(true)
  })

  it('goes forward page by page, but straight back to check answers after a change', () => {
    expect(nextAfter('name', complete, TODAY, false)).toBe('dob')
    expect(nextAfter('name', complete, TODAY, true)).toBe('check')
    const newRight = { ...complete, rights: [...(complete.rights ?? []), 'erasure' as const] }
    expect(nextAfter('rights', newRight, TODAY, true)).toBe('details:erasure')
  })

  it('asks what the request is about and why once, on each right’s own page, never again on separate pages', () => {
    const steps = applicableSteps({ ...complete, rights: ['erasure'] })
    expect(steps).toEqual([
      'organisation',
      'who',
      'rights',
      'name',
      'dob',
      'contact',
      'response-format',
      'details:erasure',
      'evidence',
    ])
  })

  it('checks a date of birth against who is asking (seed 002 splits representatives at 12)', () => {
    expect(ageOn('2014-07-02', TODAY)).toBe(11)
    expect(ageOn('2014-07-01', TODAY)).toBe(12)
    const child = { ...complete, requesterType: 'parent-of-child-under-12' as const, dateOfBirth: '2014-07-01' }
    expect(dateOfBirthProblem(child, TODAY)).toBe('not-under-12')
    expect(dateOfBirthProblem({ ...child, dateOfBirth: '2016-01-01' }, TODAY)).toBeNull()
    expect(dateOfBirthProblem({ ...complete, dateOfBirth: '2027-01-01' }, TODAY)).toBe('future')
    const teen = { ...complete, requesterType: 'representative-of-person-12-plus' as const, dateOfBirth: '2016-01-01' }
    expect(dateOfBirthProblem(teen, TODAY)).toBe('under-12')
  })

  it('needs an email address for replies by email or through this service, and an address for post', () => {
    expect(firstIncomplete({ ...complete, responseFormat: 'post' }, TODAY)).toBe('response-format')
    const posted = { ...complete, contact: { ...contact, line1: '1 High St', town: 'Northtown', postcode: 'NT1 1AA' } }
    expect(firstIncomplete({ ...posted, responseFormat: 'post' }, TODAY)).toBe('check')
  })
})
