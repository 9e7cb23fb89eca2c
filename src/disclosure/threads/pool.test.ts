import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.js'
import { defaultThreadCount, disclosurePool, MIN_THREADED_ITEMS } from './pool.js'

describe('the disclosure thread pool', () => {
  it('takes its size from RIGHTSDESK_DISCLOSURE_THREADS, and a bad value stops the start with the reason', () => {
    expect(defaultThreadCount({ RIGHTSDESK_DISCLOSURE_THREADS: '0' })).toBe(0)
    expect(defaultThreadCount({ RIGHTSDESK_DISCLOSURE_THREADS: '3' })).toBe(3)
    expect(() => loadConfig({ RIGHTSDESK_DISCLOSURE_THREADS: 'two' })).toThrow(/RIGHTSDESK_DISCLOSURE_THREADS/)
    expect(() => loadConfig({ RIGHTSDESK_DISCLOSURE_THREADS: '-1' })).toThrow(/RIGHTSDESK_DISCLOSURE_THREADS/)
  })

  it('reads a few documents in the calling thread: starting threads would cost more than reading them', () => {
    expect(disclosurePool(3).size).toBe(0)
    expect(disclosurePool(MIN_THREADED_ITEMS - 1).concurrency).toBe(1)
  })
})
