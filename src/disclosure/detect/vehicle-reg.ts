import { candidate, type Candidate } from './span.js'

// DVLA formats. Current (2001-): two memory-tag letters (never I, Q, Z), an age identifier (02-29 for
// March, 51-79 for September), three random letters (never I or Q). Prefix (1983-2001) and suffix
// (1963-1983) formats are rarer and score lower; Northern Irish and dateless plates are only taken
// with a vehicle word nearby, since "ABZ 1234" is otherwise any code.
const CURRENT = /(?<![A-Za-z0-9])[A-HJ-PR-Y]{2}(?:0[2-9]|[12]\d|[5-7]\d) ?[A-HJ-PR-Z]{3}(?![A-Za-z0-9])/g
const PREFIX = /(?<![A-Za-z0-9])[A-HJ-NPR-TV-Y]\d{1,3} ?[A-HJ-PR-Y]{3}(?![A-Za-z0-9])/g
const SUFFIX = /(?<![A-Za-z0-9])[A-HJ-PR-Y]{3} ?\d{1,3}[A-HJ-NPR-TV-Y](?![A-Za-z0-9])/g
// A vehicle word, then (within a few characters) a plate of any shape: "VRM AIZ 1234", "reg: 123 ABC".
const CUE_THEN_PLATE =
  /\b(?:vrm|vrn|reg(?:istration)?(?:\s+(?:no|number|mark|plate))?|number\s?plate|index|vehicle|car|van|motorbike|plate)\b[\s.:#-]{0,6}((?:[A-Z]{1,3} ?\d{1,4}|\d{1,4} ?[A-Z]{1,3})(?![A-Za-z0-9]))/gi

export function findVehicleRegs(text: string, out: Candidate[]): void {
  run(text, CURRENT, 0.9, out)
  run(text, PREFIX, 0.7, out)
  run(text, SUFFIX, 0.7, out)
  CUE_THEN_PLATE.lastIndex = 0
  for (let m = CUE_THEN_PLATE.exec(text); m; m = CUE_THEN_PLATE.exec(text)) {
    const plate = m[1] ?? ''
    // The plate itself must be in capitals; the cue may be in any case.
    if (plate !== plate.toUpperCase()) continue
    const start = m.index + m[0].length - plate.length
    out.push(candidate(start, start + plate.length, 'VEHICLE_REG', 0.75, 'vehicle-reg-context'))
  }
}

function run(text: string, pattern: RegExp, score: number, out: Candidate[]): void {
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(candidate(m.index, m.index + m[0].length, 'VEHICLE_REG', score, 'vehicle-reg-pattern'))
  }
}
