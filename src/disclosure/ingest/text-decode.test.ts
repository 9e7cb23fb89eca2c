import { describe, expect, it } from 'vitest'
import { classifyText, decodeText } from './text-decode.js'

describe('decodeText', () => {
  it('honours byte-order marks', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi')
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]))).toBe('hi')
  })

  it('reads valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodeText(Buffer.from('Zoë', 'utf8'))).toBe('Zoë')
    expect(decodeText(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x80]))).toBe('Zoë €')
  })

  it('refuses binary content', () => {
    expect(decodeText(Buffer.from([0x25, 0x50, 0x00, 0x01, 0x02]))).toBeUndefined()
  })
})

describe('classifyText', () => {
  it('recognises an email by its header block', () => {
    expect(classifyText('From: a@example.com\nTo: b@example.com\nSubject: hi\n\nbody')).toBe('email')
    expect(
      classifyText('Received: from x\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <1@x>\r\n\r\nhi'),
    ).toBe('email')
  })

  it('recognises an mbox by its From_ separator', () => {
    expect(classifyText('From MAILER-DAEMON Mon Apr 18 14:23:22 2022\nMessage-ID: <1@x>\nFrom: a@x\n\nbody')).toBe(
      'mbox',
    )
  })

  it('recognises a table by a steady delimiter count', () => {
    expect(classifyText('name,phone\n"Doe, Jane",0123\nBob,0456\n')).toBe('csv')
    expect(classifyText('a;b;c\n1;2;3\n')).toBe('csv')
  })

  it('treats prose, even with a colon or comma, as text', () => {
    expect(classifyText('Note: the meeting is at 10, room 4.\nBring the file, please.')).toBe('text')
    expect(classifyText('Dear Sir,\n\nI am writing about my request.')).toBe('text')
  })
})
