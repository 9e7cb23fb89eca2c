import { RIGHTS, rightDefinition } from '../../../domain/index.js'
import type { ResponseChannel, Right } from '../../../domain/index.js'
import { LIMITS } from '../shared/form.js'
import { hasPostalAddress, type RequestAnswers } from './answers.js'
import { text } from '../../nunjucks.js'
import { evidenceSections } from './evidence.js'
import { keyOr, textOr, whose, type StepPage } from './page-types.js'

// Question pages about the request itself: contact details, what it is about, each right's questions, evidence.

const P = 'portal.request'
const tooLong = `${P}.tooLong`

export const contactPage: StepPage = {
  step: 'contact',
  template: 'public/request/views/contact.njk',
  fields: ['email', 'phone', 'line1', 'line2', 'town', 'postcode'],
  values: ({ answers }) => ({ ...(answers.contact ?? {}) }),
  save(form, { answers }) {
    const email = form.email('email', { invalid: `${P}.contact.emailInvalid`, tooLong })
    const phone = form.phone('phone', { invalid: `${P}.contact.phoneInvalid` })
    const line1 = form.text('line1', { max: LIMITS.short, tooLong })
    const line2 = form.text('line2', { max: LIMITS.short, tooLong })
    const town = form.text('town', { max: LIMITS.short, tooLong })
    const postcode = form.postcode('postcode', { invalid: `${P}.contact.postcodeInvalid` })
    const anyAddress = [line1, line2, town, postcode].some((v) => v !== '')
    if (anyAddress) {
      if (line1 === '') form.fail('line1', `${P}.contact.line1Required`)
      if (town === '') form.fail('town', `${P}.contact.townRequired`)
      if (postcode === '') form.fail('postcode', `${P}.contact.postcodeRequired`)
    } else if (email === '' && !('email' in form.errors)) {
      form.fail('email', `${P}.contact.oneRequired`)
    }
    return { ...answers, contact: { email, phone, line1, line2, town, postcode } }
  },
}

const FORMATS: readonly ResponseChannel[] = ['email', 'portal', 'post']

/** The ways of replying the contact details allow: email and download need an email address, post an address. */
export function formatsFor(answers: RequestAnswers): ResponseChannel[] {
  return FORMATS.filter((f) => (f === 'post' ? hasPostalAddress(answers.contact) : !!answers.contact?.email))
}

export const responseFormatPage: StepPage = {
  step: 'response-format',
  template: 'public/request/views/response-format.njk',
  fields: ['responseFormat'],
  values: ({ answers }) => ({ responseFormat: answers.responseFormat ?? '' }),
  // Only the ways we can actually use are offered: "By post" without an address given was offered and then refused.
  data: ({ answers }) => ({
    formatItems: formatsFor(answers).map((f) => ({
      value: f,
      text: text(`${P}.responseFormat.${f}`),
      hint: { text: text(`${P}.responseFormat.${f}Hint`) },
    })),
    hasEmail: !!answers.contact?.email,
    hasAddress: hasPostalAddress(answers.contact),
  }),
  save(form, { answers }) {
    const responseFormat = form.choice('responseFormat', formatsFor(answers), `${P}.responseFormat.required`)
    return { ...answers, responseFormat }
  },
}

/** One page per right for its own questions (rightDefinition(right).requiredDetails), e.g. erasure: which and why. */
export function detailsPage(right: Right): StepPage {
  const definition = rightDefinition(right)
  const fields = definition.requiredDetails.map((d) => d.field)
  return {
    step: `details:${right}`,
    template: 'public/request/views/details.njk',
    fields,
    values: ({ answers }) => Object.fromEntries(fields.map((f) => [f, answers.details?.[right]?.[f] ?? ''])),
    data: ({ answers }) => ({
      right,
      maxLength: LIMITS.long,
      questions: definition.requiredDetails.map((d) => ({
        field: d.field,
        label: textOr(`portal.details.${d.field}.label`, d.label),
        hint: textOr(
          `portal.details.${d.field}.hintFor.${whose(answers)}`,
          textOr(`portal.details.${d.field}.hint`, ''),
        ),
      })),
    }),
    save(form, { answers }) {
      const given: Record<string, string> = {}
      for (const field of fields) {
        const required = keyOr(`portal.details.${field}.required`, `${P}.details.required`)
        given[field] = form.text(field, { required, max: LIMITS.long, tooLong, multiline: true })
      }
      return { ...answers, details: { ...(answers.details ?? {}), [right]: given } }
    },
  }
}

export const DETAILS_PAGES = new Map(RIGHTS.map((right) => [right, detailsPage(right)]))

export const evidencePage: StepPage = {
  step: 'evidence',
  template: 'public/request/views/evidence.njk',
  fields: ['evidenceMethod'],
  values: ({ answers }) => ({ evidenceMethod: answers.evidenceMethod ?? '' }),
  data: ({ answers }) => ({ sections: evidenceSections(answers) }),
  save(form, { answers }) {
    const method = form.choice('evidenceMethod', ['upload', 'post', 'none'] as const, `${P}.evidence.required`)
    return { ...answers, evidenceMethod: method }
  },
}

/** No listed documents: what they can offer instead, for the officer to weigh (they may accept it, with a reason). */
export const noDocumentsPage: StepPage = {
  step: 'no-documents',
  template: 'public/request/views/no-documents.njk',
  fields: ['noDocuments'],
  values: ({ answers }) => ({ noDocuments: answers.noDocuments ?? '' }),
  data: ({ answers }) => ({ who: whose(answers), maxLength: LIMITS.long }),
  save(form, { answers }) {
    const noDocuments = form.text('noDocuments', {
      required: `${P}.noDocuments.required`,
      max: LIMITS.long,
      tooLong,
      multiline: true,
    })
    return { ...answers, noDocuments }
  },
}
