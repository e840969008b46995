/** Whether text found in a draft is written with the casing of a known label. */

/** Words a name may begin with in lower case mid-sentence: "the Gambia", "de Filipijnen". */
const LEADING_ARTICLES = new Set(['the', 'de', 'het', 'la', 'le', 'les', "l'", 'die', 'der', 'das', 'den']);

/**
 * The draft's text matches the label's capitals, except that a leading article may change case.
 * Dictionary matching ignores case, so this keeps "turkey" (the bird) apart from "Turkey".
 */
export function casingFits(foundText: string, labelText: string): boolean {
  // Typographic and straight apostrophes are the same letter here, as in matching.
  const found = foundText.replace(/’/g, "'");
  const label = labelText.replace(/’/g, "'");
  const foundWords = found.split(/\s+/);
  const labelWords = label.split(/\s+/);
  if (foundWords.length !== labelWords.length) return found.toLowerCase() === label.toLowerCase();
  return labelWords.every((word, i) => {
    const other = foundWords[i];
    if (i === 0 && LEADING_ARTICLES.has(word.toLowerCase()) && labelWords.length > 1) return other.toLowerCase() === word.toLowerCase();
    // A label that starts in lower case mid-sentence ("voormalige Joegoslavische Republiek …")
    // starts with a capital at the start of a sentence or a list item.
    if (i === 0 && labelWords.length > 1 && word[0] !== word[0].toUpperCase() && other === word[0].toUpperCase() + word.slice(1)) return true;
    // Names in ALL CAPS (headings, headers) are fine too.
    return other === word || other === word.toUpperCase();
  });
}
