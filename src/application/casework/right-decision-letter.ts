import { exemptionByCode, formatLongDate, groundWording } from '../../domain/index.js'
import type { AutomatedSafeguard, CaseState } from '../../domain/index.js'

const SAFEGUARDS: Record<AutomatedSafeguard, string> = {
  information: 'information about the decision',
  representations: 'to make representations about it',
  'human-intervention': 'a person to look at it again',
  contest: 'to contest it',
}

/** "a, b and c", for a sentence. */
function andList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

/** The citation, name and letter wording of a code from the rights' own grounds or the exemptions catalogue. */
function wording(code: string) {
  const w = groundWording(code) ?? exemptionByCode(code)
  return w ? { citation: w.citation, shortName: w.shortName, explanation: w.explanation } : null
}

/**
 * What the action-taken, action-declined and restriction-lift-notice letters say about a decision on another right
 * (issue 13): each ground with its citation and the reason recorded for it, the requester's supplementary statement,
 * the restriction ground, the objection balance and the automated-decision safeguards.
 */
export function rightDecisionContext(state: CaseState) {
  const d = state.rightDecision
  const r = state.processingRestriction
  const restrictionWording = r ? wording(r.ground) : null
  const told = (state.recipientNotices ?? []).filter((n) => n.status === 'notified').length
  return {
    rightDecision: d && {
      result: d.result,
      summary: d.summary,
      method: d.rectification?.method ?? null,
      statement: d.rectification?.supplementaryStatement ?? null,
      grounds: d.grounds.flatMap((g) => {
        const w = wording(g.code)
        return w ? [{ code: g.code, ...w, reason: g.reason }] : []
      }),
      restrictionGround: d.restrictionGround ? wording(d.restrictionGround) : null,
      objectionKind: d.objection?.kind ?? null,
      balance: d.objection?.balance ?? null,
      safeguards: andList((d.automated?.safeguards ?? []).map((s) => SAFEGUARDS[s])),
      reviewer: d.automated?.reviewer ?? null,
      decisionChanged: d.automated?.decisionChanged ?? null,
    },
    processingRestriction: r && {
      since: formatLongDate(r.since),
      citation: restrictionWording?.citation ?? '',
      explanation: restrictionWording?.explanation ?? '',
      liftReason: r.liftNotice?.reason ?? null,
    },
    recipientsTold: told,
  }
}
