import { describe, expect, it } from 'vitest'
import { contentDisposition } from './downloads.js'

describe('the name a downloaded file is saved as', () => {
  it('gives a plain ASCII name once, as every browser reads it', () => {
    expect(contentDisposition('compliance-pack-2026-03.pdf')).toBe('attachment; filename="compliance-pack-2026-03.pdf"')
  })

  it('adds the UTF-8 form for a Welsh name ASCII cannot carry', () => {
    expect(contentDisposition('Ymateb i’ch cais.pdf', 'inline')).toBe(
      `inline; filename="Ymateb i_ch cais.pdf"; filename*=UTF-8''Ymateb%20i%E2%80%99ch%20cais.pdf`,
    )
  })

  it('never lets a right-to-left override turn a PDF into an .exe', () => {
    expect(contentDisposition('passport\u202Efdp.exe')).not.toContain('\u202E')
  })
})
