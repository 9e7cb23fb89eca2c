import { describe, expect, it } from 'vitest'
import { idempotencyKey } from './idempotency.js'

const request = (body: unknown) => ({ method: 'POST', path: '/cases', body })

describe('Idempotency-Key (issue 11)', () => {
  it('takes a structured-field string or a bare token, and refuses anything but 1–255 visible ASCII characters', () => {
    expect(idempotencyKey('t', '"abc-123"', request({})).key).toBe('abc-123')
    expect(idempotencyKey('t', 'abc-123', request({})).key).toBe('abc-123')
    for (const bad of ['', '""', 'a b', 'x'.repeat(256), 'clé', 'a\u0000b'])
      expect(() => idempotencyKey('t', bad, request({}))).toThrow(expect.objectContaining({ code: 'validation' }))
  })

  it('tells a retry from a different request by the body, whatever order its fields came in', () => {
    const a = idempotencyKey('t', 'k', request({ name: 'Ann', right: 'access' }))
    const b = idempotencyKey('t', 'k', request({ right: 'access', name: 'Ann' }))
    const c = idempotencyKey('t', 'k', request({ right: 'access', name: 'Anne' }))
    expect(a.requestSha256).toBe(b.requestSha256)
    expect(a.requestSha256).not.toBe(c.requestSha256)
  })
})
