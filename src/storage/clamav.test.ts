import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.js'
import { clamdAddress } from './clamav.js'

describe('where clamd is, from CLAMAV_URL or CLAMAV_SOCKET', () => {
  it('reads tcp://host:port (3310, clamd’s own port, when none is given) or a socket path', () => {
    expect(clamdAddress('tcp://clamav.internal:3399', undefined)).toEqual({ host: 'clamav.internal', port: 3399 })
    expect(clamdAddress('tcp://127.0.0.1', undefined)).toEqual({ host: '127.0.0.1', port: 3310 })
    expect(clamdAddress(undefined, '/run/clamav/clamd.ctl')).toEqual({ socketPath: '/run/clamav/clamd.ctl' })
    expect(clamdAddress(undefined, undefined)).toBeNull()
  })

  it('refuses to start with a URL clamd does not speak, or with both set', () => {
    expect(() => loadConfig({ CLAMAV_URL: 'http://clamav:3310' })).toThrow(/CLAMAV_URL must be tcp:\/\/host:port/)
    expect(() => loadConfig({ CLAMAV_URL: 'tcp://a:3310', CLAMAV_SOCKET: '/run/c.sock' })).toThrow(/not both/)
    expect(loadConfig({ CLAMAV_URL: 'tcp://clamav:3310' }).CLAMAV_URL).toBe('tcp://clamav:3310')
  })
})
