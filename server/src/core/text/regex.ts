/** Building regular expressions from data (words of the language files and the model). */

/** A literal string as a pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase as a pattern in which each space matches any run of whitespace. */
export function phrasePattern(text: string): string {
  return escapeRegExp(text).replace(/ /g, '\\s+');
}

/** Literal words as one alternation, longest first (so that "Implementing Regulation" wins over "Regulation"). */
export function alternationOf(words: Iterable<string>, pattern: (word: string) => string = escapeRegExp): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(pattern).join('|');
}
