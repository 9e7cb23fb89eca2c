import { describe, expect, it } from 'vitest'
import {
  accessCodeMatches,
  hashAccessCode,
  isWellFormedAccessCode,
  newAccessCode,
  normaliseAccessCode,
  normaliseReference,
} from './access-code.js'

describe('one-time access codes', () => {
  it('are six digits, including leading zeros', () => {
    for (let i = 0; i < 200; i++) expect(newAccessCode()).toMatch(/^\d{6}$/)
  })

  it('are stored only as a salted hash that matches the code and nothing else', () => {
    const stored = hashAccessCode('012345')
    expect(stored).not.toContain('012345')
    expect(hashAccessCode('012345')).not.toBe(stored)
    expect(accessCodeMatches('012345', stored)).toBe(true)
    expect(accessCodeMatches('012 345', stored)).toBe(true)
    expect(accessCodeMatches('012346', stored)).toBe(false)
    expect(accessCodeMatches('', stored)).toBe(false)
    expect(accessCodeMatches('012345', 'garbage')).toBe(false)
  })

  it('accept what people paste, and nothing that is not six digits', () => {
    expect(normaliseAccessCode(' 123-456 ')).toBe('123456')
    expect(isWellFormedAccessCode('123 456')).toBe(true)
    expect(isWellFormedAccessCode('12345')).toBe(false)
    expect(isWellFormedAccessCode('12345a')).toBe(false)
    expect(normaliseReference(' opcc-2026-00001 ')).toBe('OPCC-2026-00001')
  })
})
