import { REQUESTER_TYPES, RIGHTS } from '../../../domain/index.js'
import type { Right } from '../../../domain/index.js'
import type { RequestAnswers } from './answers.js'
import { dateFromParts } from '../../date-input.js'
import { text } from '../../nunjucks.js'
import { LIMITS, type Form } from '../shared/form.js'
import { whose, type StepContext, type StepPage } from './page-types.js'
import { dateOfBirthProblem } from './steps.js'

// Question pages about who is asking and for whom.

const P = 'portal.request'
const tooLong = `${P}.tooLong`

export const organisationPage: StepPage = {
  step: 'organisation',
  template: 'public/request/views/organisation.njk',
  fields: ['controllerId'],
  values: ({ answers }) => ({ controllerId: answers.controllerId ?? '' }),
  data: ({ controllers }) => ({
    organisationItems: controllers.map((c) => ({
      value: c.id,
      text: c.name,
      hint: { text: text(`${P}.organisation.kindHint.${c.kind}`) },
    })),
    // A signpost to an organisation this service also handles (an OPCC pointing at its own force) would send people
    // away from the choice in front of them: only organisations outside this service are signposted.
    signposts: controllers.flatMap((c) =>
      c.signpost && !controllers.some((o) => o.name === c.signpost?.name) ? [{ ...c.signpost, from: c.name }] : [],
    ),
    acro: controllers.some((c) => c.kind !== 'other'),
  }),
  save(form, { answers, controllers }) {
    const ids = controllers.map((c) => c.id)
    const controllerId = form.choice('controllerId', ids, `${P}.organisation.required`)
    return { ...answers, controllerId }
  },
}

export const whoPage: StepPage = {
  step: 'who',
  template: 'public/request/views/who.njk',
  fields: ['requesterType'],
  values: ({ answers }) => ({ requesterType: answers.requesterType ?? '' }),
  data: () => ({
    requesterItems: REQUESTER_TYPES.map((type) => ({
      value: type,
      text: text(`portal.requesterTypes.${type}.label`),
      hint: { text: text(`portal.requesterTypes.${type}.hint`) },
    })),
  }),
  save(form, { answers }) {
    const requesterType = form.choice('requesterType', REQUESTER_TYPES, `${P}.who.required`)
    if (requesterType === 'self') {
      const { representative: _r, alive: _a, ...rest } = answers
      return { ...rest, requesterType }
    }
    return { ...answers, requesterType }
  },
}

export const alivePage: StepPage = {
  step: 'alive',
  template: 'public/request/views/alive.njk',
  fields: ['alive'],
  values: ({ answers }) => ({ alive: answers.alive ?? '' }),
  save: (form, { answers }) => ({
    ...answers,
    alive: form.choice('alive', ['yes', 'no'] as const, `${P}.alive.required`),
  }),
}

/** The locale key for a right's wording as this person reads it (whole sentences per case, for translators). */
export function rightKey(answers: RequestAnswers, right: Right, part: 'title' | 'hint'): string {
  const who = whose(answers)
  return who === 'self' ? `portal.rights.${right}.${part}` : `portal.rightsFor.${who}.${right}.${part}`
}

export const rightsPage: StepPage = {
  step: 'rights',
  template: 'public/request/views/rights.njk',
  fields: ['rights'],
  values: ({ answers }) => ({ rights: answers.rights ?? [] }),
  // A parent reads "your child’s information", a representative "their information": never "your information".
  data: ({ answers }) => ({
    rightItems: RIGHTS.map((right) => ({
      value: right,
      text: text(rightKey(answers, right, 'title')),
      hint: { text: text(rightKey(answers, right, 'hint')) },
    })),
  }),
  save(form, { answers }) {
    const rights = form.choices('rights', RIGHTS, `${P}.rights.required`)
    // Answers to a right no longer asked for are dropped, so they are neither shown nor sent.
    const details = Object.fromEntries(
      Object.entries(answers.details ?? {}).filter(([r]) => rights.includes(r as Right)),
    )
    return { ...answers, rights, details }
  },
}

export const namePage: StepPage = {
  step: 'name',
  template: 'public/request/views/name.njk',
  fields: ['subjectName', 'subjectOtherNames'],
  values: ({ answers }) => ({
    subjectName: answers.subjectName ?? '',
    subjectOtherNames: answers.subjectOtherNames ?? '',
  }),
  data: ({ answers }) => ({ who: whose(answers) }),
  save(form, { answers }) {
    const who = whose(answers)
    const subjectName = form.text('subjectName', { required: `${P}.name.required.${who}`, max: LIMITS.short, tooLong })
    const subjectOtherNames = form.text('subjectOtherNames', { max: LIMITS.short * 2, tooLong })
    return { ...answers, subjectName, subjectOtherNames }
  },
}

function checkDate(
  form: Form,
  ctx: StepContext,
  parts: { day: string; month: string; year: string },
): string | undefined {
  const who = whose(ctx.answers)
  const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '')
  const date = dateFromParts(parts.day, parts.month, parts.year)
  const problem = date ? dateOfBirthProblem({ ...ctx.answers, dateOfBirth: date }, ctx.today) : null
  if (missing.length === 3) form.fail('dob-day', `${P}.dob.required.${who}`)
  else if (missing[0]) form.fail(`dob-${missing[0]}`, `${P}.dob.missing.${missing[0]}`)
  else if (!date) form.fail('dob-day', `${P}.dob.invalid`)
  else if (problem) form.fail('dob-day', `${P}.dob.${problem}`)
  return form.ok ? (date ?? undefined) : undefined
}

export const dobPage: StepPage = {
  step: 'dob',
  template: 'public/request/views/date-of-birth.njk',
  fields: ['dob-day', 'dob-month', 'dob-year'],
  values: ({ answers }) => ({
    'dob-day': answers.dobParts?.day ?? '',
    'dob-month': answers.dobParts?.month ?? '',
    'dob-year': answers.dobParts?.year ?? '',
  }),
  data: ({ answers }) => ({ who: whose(answers) }),
  save(form, ctx) {
    // 12 characters: room for a month written out ("September") as GOV.UK's date guidance asks us to accept.
    const part = (name: string) => form.text(`dob-${name}`, { max: 12, tooLong: `${P}.dob.invalid` })
    const parts = { day: part('day'), month: part('month'), year: part('year') }
    const dateOfBirth = form.ok ? checkDate(form, ctx, parts) : undefined
    return { ...ctx.answers, dobParts: parts, dateOfBirth }
  },
}

export const representativePage: StepPage = {
  step: 'representative',
  template: 'public/request/views/representative.njk',
  fields: ['repName', 'relationship', 'organisation', 'ownReference', 'sraNumber'],
  values: ({ answers }) => ({
    repName: answers.representative?.name ?? '',
    relationship: answers.representative?.relationship ?? '',
    organisation: answers.representative?.organisation ?? '',
    ownReference: answers.representative?.ownReference ?? '',
    sraNumber: answers.representative?.sraNumber ?? '',
  }),
  data: ({ answers }) => ({ requesterType: answers.requesterType }),
  save(form, { answers }) {
    const name = form.text('repName', { required: `${P}.representative.nameRequired`, max: LIMITS.short, tooLong })
    const relationship = form.text('relationship', {
      required: `${P}.representative.relationshipRequired`,
      max: LIMITS.short,
      tooLong,
    })
    const needsOrganisation = answers.requesterType === 'solicitor-or-agent'
    const organisation = form.text('organisation', {
      ...(needsOrganisation ? { required: `${P}.representative.organisationRequired` } : {}),
      max: LIMITS.short,
      tooLong,
    })
    if (!needsOrganisation) return { ...answers, representative: { name, relationship, organisation: '' } }
    // A solicitor quotes their own file reference and may give their SRA number, so the office can check the firm.
    const ownReference = form.text('ownReference', { max: LIMITS.short, tooLong })
    const sraNumber = form.text('sraNumber', { max: 12, tooLong: `${P}.representative.sraInvalid` }).replace(/\s/g, '')
    if (sraNumber !== '' && !/^\d{3,8}$/.test(sraNumber)) form.fail('sraNumber', `${P}.representative.sraInvalid`)
    return { ...answers, representative: { name, relationship, organisation, ownReference, sraNumber } }
  },
}
