// Demo disclosure material (issue 5): the documents a search of a force's records might return for a subject access
// request by Alex Morgan about an incident with a neighbour. Everyone in them is fictional; the third parties
// (Rebecca Thornley, Gary Whitfield, a witness's phone and email, a car) are what the workbench should propose to redact,
// and Alex Morgan's own details what it must leave in. Phone numbers are Ofcom's drama ranges; emails use example.com.
import { renderTextPdf } from '../../disclosure/pdf/index.js'

export const DEMO_MATERIAL_SUBJECT = { name: 'Alex Morgan', email: 'alex.morgan@example.com' }

/** A two-page witness statement: page 1 names the witness and a neighbour, page 2 is officer's notes. */
export function witnessStatementPdf(): Uint8Array {
  return renderTextPdf([
    { text: 'WITNESS STATEMENT (CJ Act 1967, s.9; MC Act 1980, ss.5A(3)(a) and 5B)', font: 'bold', size: 12 },
    { label: 'Statement of:', text: 'Rebecca Thornley', labelWidth: 110, spaceBefore: 10 },
    { label: 'Address:', text: '14 Elm Road, Leeds LS6 2AB', labelWidth: 110 },
    { label: 'Telephone:', text: '07700 900123', labelWidth: 110 },
    { label: 'Email:', text: 'rebecca.thornley@example.com', labelWidth: 110 },
    {
      text:
        'On the evening of 3 March 2026 I was at home when I heard shouting from the street. I looked out and saw ' +
        'Alex Morgan standing by the gate of number 12 talking loudly to Gary Whitfield, who lives at number 16. ' +
        'Mr Whitfield had parked his blue Ford Fiesta across the shared drive again. I know Alex Morgan as a ' +
        'neighbour. I did not see anyone hit anyone. Gary Whitfield went back inside at about 8.15pm.',
      spaceBefore: 12,
    },
    {
      text: 'I am willing to attend court. This statement is true to the best of my knowledge and belief.',
      spaceBefore: 8,
    },
    { label: 'Signed:', text: 'R. Thornley', labelWidth: 110, spaceBefore: 40 },
    { text: 'Officer’s notes', font: 'bold', size: 12, pageBreakBefore: true },
    {
      text:
        'Spoke to Gary Whitfield on 4 March 2026 at his home. He says the drive belongs to him and he will keep ' +
        'parking there. Advised both parties about the civil nature of the boundary dispute. No further action ' +
        'for Alex Morgan. Intelligence report submitted about the vehicle.',
      spaceBefore: 8,
    },
  ]).pdf
}

/** An email from a neighbour to the neighbourhood team, with the usual header block. */
export function neighbourEmail(): Uint8Array {
  return new TextEncoder().encode(
    [
      'From: Gary Whitfield <gary.whitfield@example.com>',
      'To: Neighbourhood Team <neighbourhood.team@example.com>',
      'Subject: Complaint about my neighbour',
      'Date: Wed, 4 Mar 2026 09:12:00 +0000',
      'Message-ID: <demo-neighbour-1@example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello,',
      '',
      'I want to complain about Alex Morgan at number 12. Last night they shouted at me in the street over the',
      'drive. My wife Susan Whitfield was very upset. You can call me on 07700 900456.',
      '',
      'Regards,',
      'Gary Whitfield',
      '',
    ].join('\r\n'),
  )
}

/** A call log exported from the control room system. */
export function callLogText(): Uint8Array {
  return new TextEncoder().encode(
    [
      'CONTROL ROOM CALL LOG — incident 13/45872/26',
      '03/03/2026 20:02  Caller: Rebecca Thornley (07700 900123) reports raised voices in Elm Road.',
      '03/03/2026 20:05  Resource assigned: PC 4471.',
      '03/03/2026 20:31  PC 4471 on scene. Parties: Alex Morgan (no. 12), Gary Whitfield (no. 16).',
      '03/03/2026 20:58  Words of advice given. Log closed.',
      '',
    ].join('\n'),
  )
}

export const DEMO_MATERIAL = [
  { filename: 'witness-statement-thornley.pdf', contentType: 'application/pdf', bytes: witnessStatementPdf },
  { filename: 'email-from-neighbour.eml', contentType: 'message/rfc822', bytes: neighbourEmail },
  { filename: 'control-room-call-log.txt', contentType: 'text/plain', bytes: callLogText },
] as const
