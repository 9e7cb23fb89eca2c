import { describe, expect, it } from 'vitest'
import { COMMAND_TYPES } from '../case/commands.js'
import { can, permissionForCommand, rolePermissions, ROLES, type Role } from './roles.js'

const holders = (permission: Parameters<typeof can>[1]): Role[] => ROLES.filter((r) => can([r], permission))

describe('roles and least privilege', () => {
  it('every command needs a permission', () => {
    for (const type of COMMAND_TYPES) expect(permissionForCommand(type)).toMatch(/^[a-z-]+:[a-z-]+$/)
  })

  it('staff can only answer their own tasks and pass on requests they receive, and so cannot approve anything', () => {
    // Seed 002: any member of staff who receives a request passes it to Correspondence (case:refer).
    expect(rolePermissions.staff).toEqual(['task:answer', 'case:refer'])
    expect(can(['staff'], 'case:approve')).toBe(false)
  })

  it('a copy recipient can only view the cases they are copied on', () => {
    expect(rolePermissions['copy-recipient']).toEqual(['case:view'])
  })

  it('an administrator manages users and settings but decides no case', () => {
    // Passing on a request someone handed them is not deciding it (seed 002: every member of staff may refer).
    const deciding = rolePermissions.admin.filter((p) => p !== 'case:refer')
    expect(deciding.some((p) => p.startsWith('case:') || p.startsWith('review:'))).toBe(false)
    expect(can(['admin'], 'user:admin')).toBe(true)
  })

  it('the caseworker who drafts does not hold approval by default', () => {
    expect(can(['dp-manager'], permissionForCommand('SubmitDraft'))).toBe(true)
    expect(can(['dp-manager'], permissionForCommand('Approve'))).toBe(false)
    expect(holders('case:approve')).toEqual(['reviewer', 'chief-executive'])
  })

  it('only the Chief Executive decides reviews (seed 002 appeals)', () => {
    expect(holders(permissionForCommand('DecideReview'))).toEqual(['chief-executive'])
  })

  it('correspondence logs, acknowledges and asks for identity, but does not refuse or send', () => {
    for (const type of ['LogRequest', 'Acknowledge', 'RequestIdentity'] as const)
      expect(can(['correspondence'], permissionForCommand(type))).toBe(true)
    for (const type of ['Refuse', 'RecordResponseSent', 'Extend'] as const)
      expect(can(['correspondence'], permissionForCommand(type))).toBe(false)
  })

  it('no person holds the deadline sweep’s permission', () => {
    expect(holders(permissionForCommand('FlagDeadline'))).toEqual([])
  })

  it('several roles combine', () => {
    expect(can(['staff', 'reviewer'], 'case:approve')).toBe(true)
    expect(can([], 'case:view')).toBe(false)
  })
})
