/**
 * Folding of characters to plain Latin letters. Two parts of the system need the same answer: the renderer, which
 * can only draw WinAnsi characters with the standard fonts, and the redaction matcher, which must find "Łukasz" in a
 * page that shows "Lukasz". Keeping one table means a name never slips between what is drawn and what is searched.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const NO_DECOMPOSITION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  Ɓ: 'B',
  ƀ: 'b',
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
}

const COMBINING_MARK = /\p{M}/gu

/**
 * Cyrillic and Greek letters drawn exactly like Latin ones. A name typed with a Cyrillic "а" looks the same on the
 * page and must be found by the same search (matching only: never used for display).
 */
const LOOK_ALIKES: Record<string, string> = Object.fromEntries(
  [
    ['АаΑα', 'a'],
    ['ВΒβ', 'b'],
    ['СсϹϲ', 'c'],
    ['ԁ', 'd'],
    ['ЕеЁёΕ', 'e'],
    ['ɡ', 'g'],
    ['НһΗ', 'h'],
    ['ІіЇїΙιӀ', 'i'],
    ['Јј', 'j'],
    ['КкΚκ', 'k'],
    ['Мм Μ', 'm'],
    ['Νη', 'n'],
    ['ОоΟοՕօ', 'o'],
    ['РрΡρ', 'p'],
    ['ԛ', 'q'],
    ['Ѕѕ', 's'],
    ['ТтΤτ', 't'],
    ['υ', 'u'],
    ['ν', 'v'],
    ['Ԝԝ', 'w'],
    ['ХхΧχ', 'x'],
    ['УуΥγү', 'y'],
    ['Ζ', 'z'],
  ].flatMap(([chars, latin]) => [...(chars as string)].filter((c) => c !== ' ').map((c) => [c, latin as string])),
)

/**
 * Folds one character (one code point, possibly a surrogate pair) to lowercase plain letters for matching:
 * "É" → "e", "ﬁ" → "fi", "Ł" → "l". Returns '' for combining marks, so they never break a match.
 */
export function foldForMatch(ch: string): string {
  const mapped = NO_DECOMPOSITION[ch] ?? LOOK_ALIKES[ch]
  if (mapped !== undefined) return mapped.toLowerCase()
  return ch.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase()
}

/**
 * The nearest plain-Latin spelling of a character for drawing when the font cannot show it. Keeps case.
 * Returns undefined when there is no sensible spelling (CJK, emoji), so the caller can show a placeholder.
 */
export function foldForDisplay(ch: string): string | undefined {
  // Invisible formatting (zero-width space, joiners, word joiner, BOM) draws nothing; a "?" there would be seen.
  if (/^\p{Cf}$/u.test(ch)) return ''
  const mapped = NO_DECOMPOSITION[ch]
  if (mapped !== undefined) return mapped
  // A look-alike is drawn as the Latin letter it looks like: that is what the page showed.
  const alike = LOOK_ALIKES[ch]
  if (alike !== undefined) return ch === ch.toLowerCase() ? alike : alike.toUpperCase()
  const folded = ch.normalize('NFKD').replace(COMBINING_MARK, '')
  return /^[\x20-\x7e]+$/.test(folded) ? folded : undefined
}
