import type { CaseReceipt, EmailText } from '../../../application/portal/intake-support.js'
import { formatLongDate } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { caseTitle } from './case-words.js'

/**
 * The portal's emails, written from the locale file. Plain text only: it reads the same in every mail program,
 * and a message that may be seen by someone else on a shared device says no more than it needs to.
 */
const E = 'portal.emails'

type AckKind = 'request' | 'review' | 'complaint' | 'consent'

function whenLine(c: CaseReceipt): string {
  if (c.awaitingEvidence) return text(`${E}.whenAwaiting`)
  return c.due ? text(`${E}.whenDue`, { date: formatLongDate(c.due) }) : ''
}

/** What is still owed before the clock starts, and how to send it (issue 15: the email used to say neither). */
export interface EvidenceOwed {
  missing: readonly string[]
  postalAddress: readonly string[]
  /** They said they have none of the listed documents: we will contact them rather than wait. */
  noDocuments: boolean
}

function owedLines(owed: EvidenceOwed | undefined, cases: CaseReceipt[], baseUrl: string): string[] {
  if (!owed || !cases.some((c) => c.awaitingEvidence) || owed.missing.length === 0) return []
  const lines = ['', text(`${E}.owed.heading`), ...owed.missing.map((m) => `- ${m}`), '']
  if (owed.noDocuments) lines.push(text(`${E}.owed.noDocuments`), '')
  lines.push(text(`${E}.owed.upload`, { url: `${baseUrl}/follow` }))
  if (owed.postalAddress.length > 0)
    lines.push(text(`${E}.owed.post`), ...owed.postalAddress.map((l) => `  ${l}`), text(`${E}.owed.writeReference`))
  lines.push('', text(`${E}.owed.clock`))
  return lines
}

export function acknowledgementEmail(
  kind: AckKind,
  opts: { organisation: string; baseUrl: string; controllerId?: string; owed?: EvidenceOwed },
): (cases: CaseReceipt[]) => EmailText {
  return (cases) => {
    const references = cases.map((c) => c.reference).join(', ')
    const lines = cases.map((c) => `- ${c.reference}: ${caseTitle(c)}. ${whenLine(c)}`.trim())
    const body = [
      text(`${E}.greeting`),
      text(`${E}.${kind}.received`, { organisation: opts.organisation }),
      '',
      ...lines,
      ...owedLines(opts.owed, cases, opts.baseUrl),
      '',
      text(`${E}.${kind}.next`),
      '',
      text(`${E}.follow`, { url: `${opts.baseUrl}/follow` }),
      '',
      text(`${E}.notYou`),
      // Issue 13: every email to a requester links the privacy notice (Arts 13–14 UK GDPR; DPA s.44).
      text(`${E}.privacy`, { url: `${opts.baseUrl}/privacy${opts.controllerId ? `/${opts.controllerId}` : ''}` }),
      text(`${E}.signOff`, { organisation: opts.organisation }),
    ]
    return { subject: text(`${E}.${kind}.subject`, { references }), text: `${body.join('\n')}\n` }
  }
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })

export function accessCodeEmail(facts: {
  reference: string
  code: string
  expiresAt: Date
  privacyUrl: string
}): EmailText {
  const body = [
    text(`${E}.code.intro`, { reference: facts.reference }),
    '',
    facts.code,
    '',
    text(`${E}.code.expires`, { time: LONDON_TIME.format(facts.expiresAt) }),
    text(`${E}.code.notYou`),
    '',
    text(`${E}.privacy`, { url: facts.privacyUrl }),
  ]
  return { subject: text(`${E}.code.subject`), text: `${body.join('\n')}\n` }
}

export function messageNotificationEmail(facts: { reference: string; caseUrl: string }): EmailText {
  return {
    subject: text(`${E}.officeMessage.subject`, { reference: facts.reference }),
    text: `${text(`${E}.officeMessage.body`, { reference: facts.reference, url: facts.caseUrl })}\n`,
  }
}
