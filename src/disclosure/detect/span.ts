import type { PiiType } from './types.js'

/** A recogniser's proposal before overlaps are resolved; `text` is filled in once, at the end. */
export interface Candidate {
  start: number
  end: number
  type: PiiType
  score: number
  recogniser: string
}

export function candidate(start: number, end: number, type: PiiType, score: number, recogniser: string): Candidate {
  return { start, end, type, score, recogniser }
}

const WORD_CHAR = /[\p{L}\p{N}_]/u

/** True when the character at `i` is a letter, digit or underscore (a word boundary test that knows Unicode). */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  return WORD_CHAR.test(text[i] ?? '')
}

/** The text before `index` back to the previous line break or `max` characters, lower-cased: for context cues. */
export function contextBefore(text: string, index: number, max = 40): string {
  const from = Math.max(0, index - max)
  return text.slice(from, index).toLowerCase()
}

/** Ensures a caller-supplied pattern can be used with `exec` in a loop. */
export function globalPattern(pattern: RegExp): RegExp {
  return pattern.global ? new RegExp(pattern.source, pattern.flags) : new RegExp(pattern.source, pattern.flags + 'g')
}
