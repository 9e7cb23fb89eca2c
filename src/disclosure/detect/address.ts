import { POSTCODE_SOURCE } from './postcode.js'
import { candidate, type Candidate } from './span.js'

// A UK street address: [flat,] [building,] number, one to three capitalised words and a street
// suffix, then optional localities and a postcode ("Flat 2, 14 St Mary's Road, Leeds, LS6 1AA").
const SUFFIX =
  '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Gardens|Gdns|Place|Pl|Court|Ct|' +
  'Terrace|Terr|Tce|Grove|Gr|Hill|Square|Sq|Mews|Row|Walk|Park|Rise|View|Green|Parade|Pde|Wharf|Vale|Yard|Gate|' +
  'Boulevard|Blvd|Broadway|Embankment|Esplanade|Promenade|Quay|Circus|Croft|Fields|Meadows?|Chase|Drove|Grange|' +
  'Heights|Mount|Orchard|Ridge|Villas|Wynd|Highway|Approach|Causeway|Lawns?|Hollow|Copse|Dene|Glade|Brow|Nook|Path)'
const WORD = "[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
const NUMBER = '\\d{1,4}[A-Za-z]?(?:\\s?-\\s?\\d{1,4}[A-Za-z]?)?'
const FLAT = '(?:(?:Flat|Apartment|Apt|Unit|Room|Suite)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?'
const BUILDING = `(?:${WORD}(?: ${WORD}){0,2} (?:House|Court|Lodge|Cottages?|Farm|Mansions|Buildings?|Tower|Hall|Chambers),?\\s+)?`
// Anchored on the house number (most positions fail at once); the flat and building in front of it
// are then looked for in the text just before.
const STREET = new RegExp(`(?<![\\w/.-])${NUMBER},?[ \\t]+(?:The[ \\t]+)?(?:${WORD}[ \\t]+){1,3}${SUFFIX}\\b\\.?`, 'g')
const PREFIX = new RegExp(`${FLAT}${BUILDING}$`)
const LOCALITY_SAME_LINE = new RegExp(`,[ \\t]*${WORD}(?:[ \\t]+${WORD}){0,2}(?![\\w'’])`, 'y')
const LOCALITY_NEXT_LINE = new RegExp(`,?[ \\t]*\\n[ \\t]*${WORD}(?:[ \\t]+${WORD}){0,2},?(?=[ \\t]*(?:\\n|$))`, 'y')
const TAIL_POSTCODE = new RegExp(`,?[ \\t]*\\n?[ \\t]*${POSTCODE_SOURCE}(?![\\w])`, 'y')
const US_STATE_ZIP = /,?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?!\d)/y
const NOT_A_PLACE =
  /^(?:,?\s*)(?:Thanks|Regards|Best|Cheers|Yours|Kind|Many|Dear|Hi|Hello|Please|Tel|Phone|Mobile|Email)\b/

export function findAddresses(text: string, out: Candidate[]): void {
  STREET.lastIndex = 0
  for (let m = STREET.exec(text); m; m = STREET.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index)
    const prefix = PREFIX.exec(before)?.[0] ?? ''
    const end = extend(text, m.index + m[0].length)
    out.push(candidate(m.index - prefix.length, end, 'ADDRESS', 0.85, 'address-pattern'))
    STREET.lastIndex = end
  }
}

/** Adds localities on the same line freely; a locality on the next line only if a postcode follows. */
function extend(text: string, from: number): number {
  let end = from
  for (let i = 0; i < 3; i++) {
    const same = sticky(LOCALITY_SAME_LINE, text, end)
    if (same === undefined || NOT_A_PLACE.test(text.slice(end, same))) break
    end = same
  }
  let tentative = end
  for (let i = 0; i < 3; i++) {
    const next = sticky(LOCALITY_NEXT_LINE, text, tentative) ?? sticky(LOCALITY_SAME_LINE, text, tentative)
    if (next === undefined || NOT_A_PLACE.test(text.slice(tentative, next))) break
    tentative = next
  }
  const postcode = sticky(TAIL_POSTCODE, text, tentative) ?? sticky(TAIL_POSTCODE, text, end)
  if (postcode !== undefined) return postcode
  return sticky(US_STATE_ZIP, text, end) ?? end
}

function sticky(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at
  const m = pattern.exec(text)
  return m ? at + m[0].length : undefined
}
