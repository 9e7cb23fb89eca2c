import { describe, expect, it } from 'vitest'
import { validateController, type Controller } from './controller.js'

const opcc: Controller = {
  id: 'northshire-opcc',
  name: 'Office of the Police and Crime Commissioner for Northshire',
  shortName: 'OPCC',
  kind: 'opcc',
  defaultRoute: 'UK_GDPR',
  contact: { email: 'dp@opcc.example', phone: '0300 123 4567', postalAddress: ['PO Box 100', 'Northtown NT1 1AA'] },
  privacyNoticeUrl: 'https://opcc.example/privacy',
}

describe('controller settings', () => {
  it('accepts a complete controller', () => {
    expect(validateController(opcc)).toEqual({ ok: true, value: opcc })
  })

  it('names every field that is wrong', () => {
    const result = validateController({
      ...opcc,
      id: 'Bad Id',
      contact: { ...opcc.contact, email: 'nope' },
      privacyNoticeUrl: 'http://x',
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && Object.keys(result.error.fields)).toEqual(['id', 'contact.email', 'privacyNoticeUrl'])
  })
})
