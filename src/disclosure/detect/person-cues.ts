import { GIVEN, MONTH, ORG, PLACE, STOP, SURNAME, WORD, type Lexicon } from './person-lexicon.js'
import { isInitial, runEnd } from './person-runs.js'
import { candidate, type Candidate } from './span.js'
import { CAP, INIT, LOWER, NL, PUNCT, UPPER, type Tokens } from './tokens.js'
import { WordTable } from './word-table.js'

// Words around a name in mail that make any capitalised word after them a name: "Hi Teb,",
// "Thanks Ramona", "spoke to Zhiyong", "Zhiyong said". Names found only this way score lower.
const GREETINGS = new Set(
  'hi hello hey dear hiya morning afternoon evening greetings thanks thank thx cheers congratulations congrats welcome bye ta love attn fao'.split(
    ' ',
  ),
)
const CLOSINGS = new Set(
  'thanks thank you regards kind best wishes cheers many sincerely yours faithfully truly warmly thx ta rgds love take care all the again much warm warmest'.split(
    ' ',
  ),
)
const BEFORE_NAME = new Set(
  'told asked ask tell contact contacted emailed phoned rang thank thanked introduce introduced cc'.split(' '),
)
const TO_WITH = new Set('spoke speak talked talk met meet spoken chatted'.split(' '))
const AFTER_NAME = new Set(
  'said says wrote writes asked told stated mentioned explained confirmed reported advised informed agreed suggested replied responded'.split(
    ' ',
  ),
)

// Every word that cues a name, for a lookup straight from a token's characters before its key is built.
const CUE_WORDS = new WordTable(new Map([...GREETINGS, ...BEFORE_NAME, ...TO_WITH, ...AFTER_NAME].map((w) => [w, 1])))

export function findCuedNames(lex: Lexicon, out: Candidate[]): void {
  const t = lex.t
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i]
    if (kind === NL) {
      lineCues(lex, i + 1, out)
      continue
    }
    if (kind !== CAP && kind !== LOWER && kind !== UPPER) continue
    // Most words have no capitalised word near them: skip them before building their key.
    const capBehind = i > 0 && (t.kind[i - 1] === CAP || t.kind[i - 1] === UPPER)
    if (!capBehind && !capitalAhead(t, i)) continue
    if (CUE_WORDS.getRange(t.text, t.start[i] ?? 0, t.end[i] ?? 0) === 0) continue
    const key = t.key(i)
    let after = -1
    let score = 0.85
    if (GREETINGS.has(key)) after = i + 1
    else if (BEFORE_NAME.has(key)) [after, score] = [i + 1, 0.6]
    else if (TO_WITH.has(key) && (t.key(i + 1) === 'to' || t.key(i + 1) === 'with')) [after, score] = [i + 2, 0.6]
    if (after !== -1) {
      if (key === 'thank' && t.key(after) === 'you') after++
      while (t.kind[after] === PUNCT && [44, 45, 58].includes(t.ch(after))) after++
      if (!emitRun(lex, after, score, 'person-greeting-cue', out) && CLOSINGS.has(key)) signedInitials(lex, after, out)
    }
    if (AFTER_NAME.has(key) && i > 0 && t.kind[i - 1] !== NL) nameBefore(lex, i, out)
  }
  lineCues(lex, 0, out)
}

function capitalAhead(t: Tokens, i: number): boolean {
  for (let j = i + 1; j <= i + 4 && j < t.count; j++) {
    const k = t.kind[j]
    if (k === CAP || k === UPPER || k === INIT) return true
    if (k === NL) return false
  }
  return false
}

/** A name run starting at `first` (capitalised, not an everyday word unless a known name). */
function cuedRun(lex: Lexicon, first: number): number {
  const t = lex.t
  if (first >= t.count || t.kind[first] === NL) return -1
  if (!lex.nameWord(first) && !isInitial(t, first)) return -1
  if (lex.has(first, WORD) && !lex.has(first, GIVEN | SURNAME)) return -1
  return runEnd(lex, first)
}

function emitRun(lex: Lexicon, first: number, score: number, recogniser: string, out: Candidate[]): boolean {
  const last = cuedRun(lex, first)
  if (last < 0) return false
  const t = lex.t
  out.push(candidate(t.start[first] ?? 0, t.end[last] ?? 0, 'PERSON', score, recogniser))
  return true
}

/** "Thanks, SPR": initials closing a line after a closing word. */
function signedInitials(lex: Lexicon, i: number, out: Candidate[]): void {
  const t = lex.t
  const length = (t.end[i] ?? 0) - (t.start[i] ?? 0)
  if (t.kind[i] !== UPPER || length > 4 || lex.has(i, STOP | ORG)) return
  if (i + 1 < t.count && t.kind[i + 1] !== NL) return
  out.push(candidate(t.start[i] ?? 0, t.end[i] ?? 0, 'PERSON', 0.6, 'person-sign-off'))
}

/** "… Zhiyong said": walk back over the run that ends just before the verb. */
function nameBefore(lex: Lexicon, verb: number, out: Candidate[]): void {
  const t = lex.t
  let first = verb - 1
  if (!lex.nameWord(first)) return
  while (first > 0 && lex.nameWord(first - 1) && t.kind[first - 1] !== NL && t.gapBefore(first) > 0) first--
  if (lex.has(first, WORD) && !lex.has(first, GIVEN | SURNAME)) return
  out.push(candidate(t.start[first] ?? 0, t.end[verb - 1] ?? 0, 'PERSON', 0.6, 'person-verb-cue'))
}

function lineEnd(lex: Lexicon, first: number, max = Infinity): number {
  let j = first
  while (j < lex.t.count && lex.t.kind[j] !== NL && j - first < max) j++
  return j
}

function blankOrEnd(lex: Lexicon, lineStart: number): boolean {
  return lineStart >= lex.t.count || lex.t.kind[lineStart] === NL
}

/** A line of only closing words: "Thanks,", "Kind regards", "Many thanks!" */
function isClosingLine(lex: Lexicon, first: number, end: number): boolean {
  const t = lex.t
  let words = 0
  for (let j = first; j < end; j++) {
    if (t.kind[j] === PUNCT) continue
    if (!CLOSINGS.has(t.key(j))) return false
    words++
  }
  return words > 0 && words <= 4
}

/**
 * Whole-line cues for the line starting at `first`: a signature after a closing line, a name alone
 * on a line before a blank line (a sign-off), "Mary Kay," opening a message.
 */
function lineCues(lex: Lexicon, first: number, out: Candidate[]): void {
  const t = lex.t
  const kind = t.kind[first]
  if (kind !== CAP && kind !== UPPER && kind !== INIT && !(kind === LOWER && CLOSINGS.has(t.key(first)))) return
  // Every whole-line cue is about a short line: a long one is only looked at up to its 12th token.
  const end = lineEnd(lex, first, 12)
  if (end === first || !isClosingLine(lex, first, end)) {
    loneNameLine(lex, first, end, out)
    return
  }
  let next = end + 1
  if (blankOrEnd(lex, next) && next < t.count) next++
  const nextEnd = lineEnd(lex, next, 12)
  const last = cuedRun(lex, next)
  if (last >= 0 && onlyPunctuation(lex, last + 1, nextEnd) && last - next < 6) {
    out.push(candidate(t.start[next] ?? 0, t.end[last] ?? 0, 'PERSON', 0.85, 'person-sign-off'))
  } else if (t.kind[next] === UPPER && next + 1 === nextEnd && (t.end[next] ?? 0) - (t.start[next] ?? 0) <= 3) {
    // Initials as a sign-off: "MK", "TK".
    out.push(candidate(t.start[next] ?? 0, t.end[next] ?? 0, 'PERSON', 0.7, 'person-sign-off'))
  }
}

function onlyPunctuation(lex: Lexicon, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (lex.t.kind[j] !== PUNCT) return false
  return true
}

// The line after a sign-off name: a quoted or forwarded message, a header, a rule, or nothing.
const MESSAGE_BOUNDARY =
  /^[ \t]*(?:-{2,}|_{3,}|\*{3,}|={3,}|>|(?:-+ ?)?Original Message|(?:X ?- ?)?(?:From|To|Sent|Date|Subject|Cc) ?:|On .{0,80} wrote:|.{0,80}\bon \d{1,2}\/\d{1,2}\/\d{2,4})/i

function loneNameLine(lex: Lexicon, first: number, end: number, out: Candidate[]): void {
  const t = lex.t
  if (end === first + 1 && t.kind[first] === UPPER && !lex.has(first, STOP | ORG) && endsMessage(lex, end)) {
    // Initials signing off a message: "MK", "SPR".
    if ((t.end[first] ?? 0) - (t.start[first] ?? 0) <= 6)
      out.push(candidate(t.start[first] ?? 0, t.end[first] ?? 0, 'PERSON', 0.6, 'person-signature-line'))
    return
  }
  const last = cuedRun(lex, first)
  if (last < 0 || last - first > 5) return
  const known = lex.has(first, GIVEN) && !lex.has(first, MONTH)
  const trailing = last + 1 < end ? t.ch(last + 1) : -1
  const placeAfter = lex.has(last + 2, PLACE) || lex.has(first, PLACE)
  if ((trailing === 44 || trailing === 45) && last + 2 < end && known && first === last && !placeAfter) {
    // "Frank, I was out last week" / "Karon - please order…": a first name addressing the reader.
    out.push(candidate(t.start[first] ?? 0, t.end[last] ?? 0, 'PERSON', 0.7, 'person-salutation-line'))
    return
  }
  if (!onlyPunctuation(lex, last + 1, end) || end - last > 3) return
  if (trailing === 44) {
    // "Mary Kay," alone on a line opens a message.
    if (known || (last - first < 3 && !lex.has(first, PLACE | WORD)))
      out.push(candidate(t.start[first] ?? 0, t.end[last] ?? 0, 'PERSON', 0.75, 'person-salutation-line'))
    return
  }
  if (trailing !== -1 || !endsMessage(lex, end)) return
  if (known || (first === last && !lex.has(first, WORD | PLACE))) {
    out.push(candidate(t.start[first] ?? 0, t.end[last] ?? 0, 'PERSON', 0.7, 'person-signature-line'))
  }
}

/** The line ending at token `end` (a line break or the end) is the last of a message. */
function endsMessage(lex: Lexicon, end: number): boolean {
  const t = lex.t
  const next = end + 1
  if (blankOrEnd(lex, next)) return true
  const lineEndAt = lineEnd(lex, next)
  const to = lineEndAt < t.count ? (t.start[lineEndAt] ?? t.text.length) : t.text.length
  return MESSAGE_BOUNDARY.test(t.text.slice(t.start[next] ?? 0, to))
}
