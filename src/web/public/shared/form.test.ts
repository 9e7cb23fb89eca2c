import { describe, expect, it } from 'vitest'
import { Form, cleanText, errorList } from './form.js'

describe('reading public form fields', () => {
  it('drops control and invisible characters, and line breaks from one-line answers', () => {
    expect(cleanText('  Jo\u0000 Blo\u200bggs\u0007 ', false)).toBe('Jo Bloggs')
    expect(cleanText('line one\r\nline two\ttabbed', false)).toBe('line one line two tabbed')
    expect(cleanText('line one\r\nline two', true)).toBe('line one\nline two')
    expect(cleanText(['a', 'b'], false)).toBe('')
    expect(cleanText(42, false)).toBe('')
  })

  it('records one GOV.UK message per field, in page order', () => {
    const form = new Form({ email: 'not an email', rights: ['access', 'bogus'], name: 'x'.repeat(300) })
    form.email('email', { invalid: 'portal.request.contact.emailInvalid', tooLong: 'portal.request.tooLong' })
    form.choices('rights', ['access', 'erasure'], 'portal.request.rights.required')
    form.text('name', { max: 200, tooLong: 'portal.request.tooLong' })
    form.choice('alive', ['yes', 'no'], 'portal.request.alive.required')
    expect(form.ok).toBe(false)
    expect(errorList(form.errors, ['name', 'email', 'rights', 'alive'])).toEqual([
      { text: 'Your answer must be 200 characters or fewer', href: '#name' },
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#email' },
      { text: 'Select what you want us to do', href: '#rights' },
      { text: 'Select yes if the person is alive', href: '#alive' },
    ])
    expect(form.values.email).toBe('not an email')
  })

  it('ignores prototype keys and never treats them as answers', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "x"}') as unknown
    const form = new Form(body)
    expect(form.choice('polluted', ['yes'], 'portal.request.alive.required')).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
