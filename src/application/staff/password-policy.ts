import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIN_PASSWORD_LENGTH = 12

/**
 * The 49,233 most common passwords, lower-cased: the "passwords" dictionary of @zxcvbn-ts/language-common 4.1.3 (MIT),
 * itself the most frequent entries of Mark Burnett's 10 million password corpus of breached passwords (published
 * for research, public domain). NCSC password guidance and NIST SP 800-63B §5.1.1.2 ask for new passwords to be
 * checked against a list of common and breached ones; shipping the list keeps the check offline.
 */
const LIST_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'common-passwords.txt')

let common: Set<string> | null = null
function commonPasswords(): Set<string> {
  common ??= new Set(fs.readFileSync(LIST_FILE, 'utf8').split('\n').filter(Boolean))
  return common
}

/**
 * Whether a password is one people often choose: in the list as typed (ignoring case), or a listed password with
 * digits and symbols added at the end ("Password123!"), or one short listed word repeated ("qwertyqwerty").
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  const list = commonPasswords()
  if (list.has(lower)) return true
  const stem = lower.replace(/[^a-z]+$/, '')
  if (stem.length >= 4 && stem !== lower && list.has(stem)) return true
  const repeated = /^(.{1,6}?)\1+$/.exec(lower)
  return repeated !== null
}

/** What is wrong with a new password, in words for a GOV.UK error message; null when it will do. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters`
  const local = email.split('@')[0]?.toLowerCase() ?? ''
  if (local.length >= 3 && password.toLowerCase().includes(local))
    return 'Do not use your email address in your password'
  if (isCommonPassword(password))
    return 'This password is too common and easy to guess. Choose a different one, for example three random words'
  return null
}
