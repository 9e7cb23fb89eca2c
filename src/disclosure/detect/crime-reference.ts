import { candidate, globalPattern, type Candidate } from './span.js'

// Shapes common across UK forces; a force adds its own through DetectOptions.crimeReferencePatterns.
//  - force/serial/year: 01/123456/21
//  - letters-serial-year: CR/12345/21, MPS-1234567-21
//  - Action Fraud: NFRC followed by 8-12 digits
//  - any code right after a crime/incident/log reference cue: "crime number 4212345/21", "CAD 1234"
export const DEFAULT_CRIME_REFERENCE_PATTERNS: RegExp[] = [
  /(?<![\w/])\d{2}\/\d{4,7}\/\d{2}(?![\w/])/g,
  /(?<![\w/-])[A-Z]{2,4}[-/]\d{4,9}[-/]\d{2,4}(?![\w/-])/g,
  /\bNFRC\d{8,12}\b/g,
]
const CUE =
  /\b(?:crime|incident|occurrence|log|cad|crn|urn|cris|storm|niche|athena|ref(?:erence)?)(?:\s+(?:ref(?:erence)?|no|number|num|id))?\.?[\s:#]{1,3}(?:no\.?\s*)?([A-Z]{0,4}[-/]?\d[\dA-Z/-]{3,20}\d)\b/gi

export function findCrimeReferences(text: string, out: Candidate[], patterns?: RegExp[], defaults = true): void {
  const list = [...(defaults ? DEFAULT_CRIME_REFERENCE_PATTERNS : []), ...(patterns ?? []).map(globalPattern)]
  for (const pattern of list) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++
        continue
      }
      out.push(candidate(m.index, m.index + m[0].length, 'CRIME_REFERENCE', 0.9, 'crime-reference-pattern'))
    }
  }
  if (!defaults) return
  CUE.lastIndex = 0
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const ref = m[1] ?? ''
    // Digits-only codes need at least five digits, so "log 2001" (a year) is not a reference.
    if ((ref.match(/\d/g) ?? []).length < 5) continue
    const start = m.index + m[0].length - ref.length
    out.push(candidate(start, start + ref.length, 'CRIME_REFERENCE', 0.8, 'crime-reference-cue'))
  }
}
