/** Text normalisation shared by the matchers, so that every index folds text the same way. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Removes diacritics: "Türkiye" → "Turkiye", "Bosnië" → "Bosnie". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** Typographic apostrophes and dashes compare equal to their ASCII forms. */
export function foldPunctuation(char: string): string {
  switch (char) {
    case '\u2019': case '\u2018': case '\u02bc': return "'";
    case '\u2010': case '\u2011': return '-';
    default: return char;
  }
}

/** One character, as the dictionary automaton sees it: lower case, typographic marks folded. */
export function foldChar(char: string): string {
  const lower = char.toLowerCase();
  // A few letters lower-case to two code units (İ); keep those as they are so offsets stay 1:1.
  return foldPunctuation(lower.length === 1 ? lower : char);
}

/** A dictionary key: folded characters with whitespace runs collapsed to one space. */
export function matchKey(text: string): string {
  let out = '';
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (isSpace(unit)) {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
    } else {
      out += foldChar(unit);
      lastWasSpace = false;
    }
  }
  return out.trimEnd();
}
// Code units are folded one by one (not code points) so that a key and the scanned text stay
// aligned unit for unit with the document, whose offsets are UTF-16 code units.

/** Key for fuzzy comparison: match key without diacritics. */
export function looseKey(text: string): string {
  return foldDiacritics(matchKey(text));
}

export function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\u00a0' || char === '\u202f';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && char !== '' && LETTER_OR_DIGIT.test(char);
}

const UPPER = /\p{Lu}/u;
export function isUpper(char: string | undefined): boolean {
  return char !== undefined && UPPER.test(char);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1];
}
