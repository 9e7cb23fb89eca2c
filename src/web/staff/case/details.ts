import type { CaseState } from '../../../domain/index.js'
import {
  AUTHORITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENT_TYPES,
  OUTCOME_LABELS,
  exemptionByCode,
  formatLongDate,
  isAuthorityDocumentType,
} from '../../../domain/index.js'
import { actorName, type DirectoryEntry } from '../../../application/staff/user-directory.js'
import { text } from '../../nunjucks.js'
import { safeguardRows } from './safeguard-details.js'

type Row = { key: { text: string }; value: { text?: string; html?: string } }
const row = (key: string, value: string | undefined | null): Row[] =>
  value ? [{ key: { text: text(`casework.details.${key}`) }, value: { text: value } }] : []

const pounds = (p: number) => `£${(p / 100).toFixed(2)}`
const docLabel = (type: string) =>
  isAuthorityDocumentType(type)
    ? AUTHORITY_DOCUMENT_LABELS[type]
    : (IDENTITY_DOCUMENT_TYPES.find((d) => d.type === type)?.label ?? type)

/** The case's facts as GOV.UK summary lists, grouped as a caseworker reads them. */
export function caseDetails(s: CaseState, directory: readonly DirectoryEntry[]) {
  const who = (id: string) => actorName(directory, id)
  const address = s.subject.address
    ? [...s.subject.address.lines, s.subject.address.postcode ?? ''].filter(Boolean).join(', ')
    : null
  const request: Row[] = [
    ...row('type', s.right ? text(`casework.rights.${s.right}`) : text(`casework.caseTypes.${s.caseType}`)),
    ...row('route', text(`casework.routes.${s.route}`)),
    ...row('channel', text(`casework.channels.${s.channel}`)),
    ...row('received', formatLongDate(s.receivedOn)),
    ...row('description', s.request.description),
    ...row('actionWanted', s.request.actionWanted),
    ...row('assignee', s.assigneeId ? who(s.assigneeId) : text('casework.list.unassigned')),
    ...row('regulatorReference', s.regulator?.reference),
    ...row('regulatorDue', s.regulator?.dueOn ? formatLongDate(s.regulator.dueOn) : null),
  ]
  const requester: Row[] = [
    ...row('name', s.subject.name),
    ...(s.subject.dateOfBirth
      ? [{ key: { text: text('find.log.dateOfBirthShort') }, value: { text: formatLongDate(s.subject.dateOfBirth) } }]
      : []),
    ...row('email', s.subject.email),
    ...row('phone', s.subject.phone),
    ...row('address', address),
    ...row('requesterType', text(`casework.requesterTypes.${s.requesterType}`)),
    ...row(
      'representative',
      s.representative
        ? `${s.representative.name} (${s.representative.relationship})${s.representative.organisation ? `, ${s.representative.organisation}` : ''}`
        : null,
    ),
    ...row('representativeEmail', s.representative?.email),
    ...row('representativeReference', s.representative?.ownReference),
    ...row('sraNumber', s.representative?.sraNumber),
  ]
  const checks: Row[] = [
    ...row(
      'identity',
      s.identity?.otherEvidence
        ? text('casework.details.identityOther', {
            who: who(s.identity.verifierId),
            date: formatLongDate(s.identity.verifiedOn),
            description: s.identity.otherEvidence.description,
            reason: s.identity.otherEvidence.reason,
          })
        : s.identity
          ? text('casework.details.identityText', {
              documents: s.identity.documentsSeen.map((d) => docLabel(d.documentType)).join(', '),
              date: formatLongDate(s.identity.verifiedOn),
              who: who(s.identity.verifierId),
            })
          : null,
    ),
    ...row(
      'authority',
      s.authority ? `${docLabel(s.authority.documentType)}, ${formatLongDate(s.authority.receivedOn)}` : null,
    ),
    ...row(
      'fee',
      s.fee
        ? `${pounds(s.fee.amountPence)} (${s.fee.breakdown.hours} h × ${pounds(s.fee.breakdown.ratePence)} + ${pounds(s.fee.breakdown.disbursementsPence)}): ${s.fee.basis}${s.fee.paidOn ? `. ${text('casework.details.paidOn', { date: formatLongDate(s.fee.paidOn) })}` : ''}`
        : null,
    ),
    ...row('clarification', s.clarificationQuestions.length ? s.clarificationQuestions.join(' / ') : null),
    ...row(
      'extension',
      s.extension
        ? `${text(`casework.extensionGrounds.${s.extension.ground}`)}: ${s.extension.reasons} (${formatLongDate(s.extension.noticeGivenOn)})`
        : null,
    ),
  ]
  const decision: Row[] = [
    ...row(
      'refusal',
      s.refusal
        ? `${text(`casework.refusalBases.${s.refusal.basis}`)}${s.refusal.exemptionCodes.length ? ` – ${s.refusal.exemptionCodes.map((c) => exemptionByCode(c)?.shortName ?? c).join(', ')}` : ''}: ${s.refusal.justification}`
        : null,
    ),
    ...row(
      'redirect',
      s.redirect
        ? `${s.redirect.controllerName ?? text(`casework.redirectTargets.${s.redirect.to}`)}: ${s.redirect.note}`
        : null,
    ),
    ...row(
      'draft',
      s.draft
        ? text('casework.details.draftText', {
            version: s.draft.version,
            who: who(s.draft.drafterId),
            summary: s.draft.summary,
          })
        : null,
    ),
    ...row('comments', s.draft?.comments?.length ? s.draft.comments.join(' / ') : null),
    ...row(
      'approval',
      // An appeal's decision is its sign-off: shown as the decision below, never as "Approved" (issue 14).
      s.approval && s.caseType !== 'review'
        ? s.approval.version !== undefined
          ? text('casework.details.approvalText', { version: s.approval.version, who: who(s.approval.approverId) })
          : text('casework.details.approvalNoVersion', { who: who(s.approval.approverId) })
        : null,
    ),
    ...row(
      'reviewDecision',
      s.reviewDecision
        ? text('casework.details.reviewDecisionText', {
            outcome: text(`casework.details.review.${s.outcome ?? 'review-upheld'}`),
            who: who(s.reviewDecision.decidedBy),
            date: formatLongDate(s.reviewDecision.decidedOn),
            reasons: s.reviewDecision.reasons,
          }) +
            (s.reviewDecision.senderId
              ? ` ${text('casework.details.reviewSender', { who: who(s.reviewDecision.senderId) })}`
              : '')
        : null,
    ),
    ...row(
      'complaintOutcome',
      s.complaintOutcome
        ? `${s.complaintOutcome.upheld ? text('casework.details.upheld') : text('casework.details.notUpheld')}: ${s.complaintOutcome.summary}`
        : null,
    ),
    ...row(
      'response',
      s.response ? `${OUTCOME_LABELS[s.response.outcome]}, ${formatLongDate(s.response.sentOn)}` : null,
    ),
    ...row('delivery', s.response?.delivery ? deliveryText(s) : null),
    ...row(
      'password',
      s.response?.passwordRelease
        ? text('casework.details.passwordText', {
            via: text(`casework.passwordVia.${s.response.passwordRelease.via}`),
            date: formatLongDate(s.response.passwordRelease.releasedOn),
            how: s.response.passwordRelease.identityConfirmedHow,
          })
        : s.response?.delivery?.method === 'encrypted-email'
          ? text('casework.details.passwordWaiting')
          : null,
    ),
    ...row('withdrawal', s.withdrawal ? `${formatLongDate(s.withdrawal.on)}: ${s.withdrawal.reason}` : null),
  ]
  return { request, requester, checks, decision, safeguards: safeguardRows(s, directory) }
}

function deliveryText(s: CaseState): string {
  const d = s.response!.delivery!
  if (d.method === 'post') {
    const packed = [
      d.doubleEnvelope ? text('casework.details.doubleEnvelope') : '',
      d.disclaimerIncluded ? text('casework.details.disclaimer') : '',
    ].filter(Boolean)
    return text('casework.details.postText', { packed: packed.join(', '), reference: d.specialDeliveryReference })
  }
  return text(`casework.details.delivery-${d.method}`)
}
