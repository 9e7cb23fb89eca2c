/**
 * The shape of a case reference as people are given it (an organisation's short name, the year, a number:
 * OPCC-2026-00012). Checked on every public form that takes one, so "XX-123" is answered with the right format
 * rather than accepted and never matched. Spaces are dropped and case ignored, as people copy them from letters.
 */
const REFERENCE = /^[A-Z0-9]{1,20}-\d{4}-\d{1,8}$/

export function normaliseReference(typed: string): string {
  return typed.toUpperCase().replace(/\s/g, '')
}

export function isReferenceFormat(typed: string): boolean {
  return REFERENCE.test(normaliseReference(typed))
}
