import type { Regulator } from '../../../application/portal/regulator.js'
import type { Controller, PrivacyNoticeContent } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'

/**
 * The privacy notice for this service, per controller (UK GDPR Arts 13–14). A simple fixed notice for now: another
 * issue generates it from the controller's register of processing, so everything the page shows comes from this one
 * function and can be replaced without touching the route or template.
 */
export interface NoticeSection {
  /** Set on the sections about this service itself, which stay beside a notice generated from the register. */
  id?: string
  heading: string
  paragraphs: string[]
  list?: string[]
}

const N = 'portal.privacy.notice'

export function privacyNotice(controller: Controller, regulator: Regulator, identityDays: number): NoticeSection[] {
  const name = controller.name
  const list = (key: string, count: number) => Array.from({ length: count }, (_, i) => text(`${N}.${key}.${i + 1}`))
  return [
    {
      heading: text(`${N}.who.heading`),
      paragraphs: [text(`${N}.who.body`, { name }), text(`${N}.who.contact`, { email: controller.contact.email })],
    },
    { heading: text(`${N}.what.heading`), paragraphs: [text(`${N}.what.body`)], list: list('what', 6) },
    { heading: text(`${N}.why.heading`), paragraphs: [text(`${N}.why.body`), text(`${N}.why.basis`)] },
    { heading: text(`${N}.share.heading`), paragraphs: [text(`${N}.share.body`)], list: list('share', 3) },
    {
      id: 'keep',
      heading: text(`${N}.keep.heading`),
      paragraphs: [text(`${N}.keep.identity`, { days: identityDays }), text(`${N}.keep.records`)],
    },
    { heading: text(`${N}.rights.heading`), paragraphs: [text(`${N}.rights.body`)], list: list('rights', 6) },
    {
      heading: text(`${N}.complain.heading`),
      paragraphs: [
        text(`${N}.complain.us`),
        text(`${N}.complain.regulator`, { regulator: regulator.name }),
        [...regulator.address].join(', '),
        text(`${N}.complain.helpline`, { phone: regulator.helpline }),
      ],
    },
  ]
}

/**
 * What the public page shows: the notice published from the register (UK GDPR Art 30 → Arts 13–14) with this
 * service's identity-document paragraph beside it, or the fixed notice until a first version is published. The
 * staff preview renders a notice generated from the register through this same function and partial.
 */
export function noticePageSections(
  content: PrivacyNoticeContent | null,
  controller: Controller,
  regulator: Regulator,
  identityDays: number,
): NoticeSection[] {
  const fixed = privacyNotice(controller, regulator, identityDays)
  if (!content) return fixed
  return [
    ...content.sections.map((s) => ({ id: s.id, heading: s.heading, paragraphs: s.paragraphs, list: s.items })),
    ...fixed.filter((s) => s.id === 'keep'),
  ]
}
