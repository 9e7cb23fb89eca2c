import type { Person } from '../../../domain/index.js'
import { LIMITS, type Form } from './form.js'

const P = 'portal.request'
const tooLong = `${P}.tooLong`

export const PERSON_FIELDS = ['name', 'email', 'phone', 'line1', 'line2', 'town', 'postcode'] as const

/**
 * Name and how to reach someone, for the one-page forms (complaint, consent): an email address or a full postal
 * address, checked with the same messages as the request journey's contact page.
 */
export function readPerson(form: Form): Person {
  const name = form.text('name', { required: 'portal.person.nameRequired', max: LIMITS.short, tooLong })
  const email = form.email('email', { invalid: `${P}.contact.emailInvalid`, tooLong })
  const phone = form.phone('phone', { invalid: `${P}.contact.phoneInvalid` })
  const line1 = form.text('line1', { max: LIMITS.short, tooLong })
  const line2 = form.text('line2', { max: LIMITS.short, tooLong })
  const town = form.text('town', { max: LIMITS.short, tooLong })
  const postcode = form.postcode('postcode', { invalid: `${P}.contact.postcodeInvalid` })
  const anyAddress = [line1, line2, town, postcode].some((v) => v !== '')
  if (anyAddress) {
    if (line1 === '') form.fail('line1', `${P}.contact.line1Required`)
    if (town === '') form.fail('town', `${P}.contact.townRequired`)
    if (postcode === '') form.fail('postcode', `${P}.contact.postcodeRequired`)
  } else if (email === '') {
    form.fail('email', `${P}.contact.oneRequired`)
  }
  return {
    name,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(anyAddress ? { address: { lines: [line1, line2, town].filter((l) => l !== ''), postcode } } : {}),
  }
}
