import type { Command, Right } from '../../domain/index.js'

// Arts 22A–22D apply to requests received from 5 February 2026 (SI 2026/82), Art 22 before.

type DecideRight = Extract<Command, { type: 'DecideRight' }>

/**
 * The decision a demo request for another right records before its response (issue 13: rectification, erasure,
 * restriction, objection and automated decisions each have their own decision step, with coded grounds and reasons).
 */
export function demoRightDecision(right: Right | undefined, taken: boolean, receivedOn: string): DecideRight | null {
  const result = taken ? 'in-full' : 'declined'
  switch (right) {
    case 'rectification':
      return taken
        ? {
            type: 'DecideRight',
            result,
            summary: 'We corrected your address on the complaint record.',
            rectification: { method: 'corrected' },
          }
        : {
            type: 'DecideRight',
            result,
            summary: 'We checked the record against the call recording and it is accurate.',
            grounds: [{ code: 'ART16_ACCURATE', reason: 'The call recording confirms what the note says.' }],
          }
    case 'erasure':
      return taken
        ? { type: 'DecideRight', result, summary: 'We erased your survey response.' }
        : {
            type: 'DecideRight',
            result,
            summary: 'We must keep the complaint file.',
            grounds: [
              { code: 'ART17_3_B', reason: 'Complaint files are kept for six years under our statutory scheme.' },
            ],
          }
    case 'restriction':
      return taken
        ? {
            type: 'DecideRight',
            result,
            summary: 'We restricted the record while we check it.',
            restrictionGround: 'ART18_1_A',
          }
        : {
            type: 'DecideRight',
            result,
            summary: 'We will keep using the record.',
            grounds: [
              { code: 'ART18_1_NO_GROUND', reason: 'The accuracy is not disputed and the processing is lawful.' },
            ],
          }
    case 'objection':
      return {
        type: 'DecideRight',
        result,
        summary: taken
          ? 'We stopped using your details for the survey panel.'
          : 'We will keep your details for victim updates.',
        objection: {
          kind: 'particular-situation',
          balance: 'Weighed the statutory duty to update victims against the distress described.',
        },
        ...(taken
          ? {}
          : { grounds: [{ code: 'ART21_1_COMPELLING', reason: 'Victim updates are required by the Victims’ Code.' }] }),
      }
    case 'automated-decision':
      return taken
        ? {
            type: 'DecideRight',
            result,
            summary: 'A caseworker looked at the decision again.',
            automated: {
              safeguards: ['human-intervention'],
              reviewer: 'Information rights team',
              decisionChanged: false,
            },
          }
        : {
            type: 'DecideRight',
            result,
            summary: 'The decision was made by a person.',
            grounds: [
              {
                code: receivedOn >= '2026-02-05' ? 'ART22A_NOT_SOLELY' : 'ART22_NOT_SOLELY',
                reason: 'An officer reviewed and signed off the risk score.',
              },
            ],
          }
    case 'access':
    case 'portability':
    case undefined:
      return null
  }
}
