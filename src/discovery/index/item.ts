import { createHash } from 'node:crypto'
import { findIdentifiers, type IdentifierKind } from '../match/identifiers.js'
import type { ParsedMessage } from '../mail/parse-message.js'

/** One row of the index, as the readers produce it. */
export interface IndexItem {
  locator: string
  kind: 'email' | 'file' | 'row'
  version: string
  messageId: string | null
  title: string
  sender: string | null
  recipients: string | null
  sentAt: Date | null
  body: string
  nameWords: string
  emailLocals: string[]
  identifiers: Record<IdentifierKind, string[]>
}

/** Something a reader found: its place and version, and how to read it if the index does not have it yet. */
export interface PendingItem {
  locator: string
  version: string
  build(): Promise<IndexItem | null>
}

/** A very long text is cut here: the index is for finding, and the item itself is read again from the source. */
export const MAX_BODY_CHARS = 1_000_000
const NAME_WORD = /\p{Lu}[\p{L}'’-]{1,30}/gu

export const sha1 = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex')

/** The text an email is searched (and shown) as: its header block, then its body. */
export function messageText(m: ParsedMessage): string {
  const lines = [
    ['From', m.from],
    ['To', m.to],
    ['Cc', m.cc],
    ['Names', m.displayNames],
    ['Date', m.date?.toISOString() ?? ''],
    ['Subject', m.subject],
    ['Attachments', m.attachmentNames.join(', ')],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
  return `${lines.join('\n')}\n\n${m.body}`
}

export function emailItem(m: ParsedMessage, locator: string, version: string): IndexItem {
  return buildItem({
    locator,
    kind: 'email',
    version,
    messageId: m.messageId ?? null,
    title: m.subject || '(no subject)',
    sender: m.from || null,
    recipients: [m.to, m.cc].filter(Boolean).join(', ') || null,
    sentAt: m.date ?? null,
    text: messageText(m),
  })
}

/** Identifier columns and name words are worked out here, once, so every reader fills them alike. */
export function buildItem(
  input: Omit<IndexItem, 'body' | 'nameWords' | 'emailLocals' | 'identifiers'> & { text: string },
) {
  const body = input.text.length > MAX_BODY_CHARS ? input.text.slice(0, MAX_BODY_CHARS) : input.text
  const identifiers: Record<IdentifierKind, Set<string>> = {
    email: new Set(),
    phone: new Set(),
    postcode: new Set(),
    dob: new Set(),
    ni: new Set(),
    pnc: new Set(),
    vrm: new Set(),
    reference: new Set(),
  }
  for (const id of findIdentifiers(body)) identifiers[id.kind].add(id.value)
  const emailLocals = new Set<string>()
  for (const e of identifiers.email) {
    const local = e.slice(0, e.indexOf('@')).replace(/[^\p{L}]/gu, '')
    if (local.length >= 2) emailLocals.add(local)
  }
  const words = new Set<string>()
  for (const m of body.matchAll(NAME_WORD)) {
    words.add(m[0].toLowerCase())
    if (words.size >= 2000) break
  }
  const { text: _text, ...rest } = input
  const item: IndexItem = {
    ...rest,
    body,
    nameWords: [...words].join(' '),
    emailLocals: [...emailLocals],
    identifiers: Object.fromEntries(Object.entries(identifiers).map(([k, v]) => [k, [...v]])) as Record<
      IdentifierKind,
      string[]
    >,
  }
  return item
}
