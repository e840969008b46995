/**
 * Acronym uses in a draft: all-capital tokens (EUAA, TEI's, TEIs, EU-lidstaten) and the
 * mixed-case acronyms the model knows (Mocadem, Coreper), with how each use is spelled out.
 */
import type { DraftAnalysis } from './draft-analysis';

export interface AcronymUse {
  start: number;
  /** End of the acronym itself, without a plural ending. */
  end: number;
  acronym: string;
  /** "(EUAA)" after its expansion, or "EUAA (European Union Agency for Asylum)". */
  definition?: 'after-expansion' | 'before-expansion';
  /** Where the parenthesis opens, for after-expansion definitions. */
  parenthesisStart?: number;
  plural: boolean;
}

/** Two or more capitals (digits may follow the first letter), then a plural ending, a hyphenated compound, or the word's end. */
const ACRONYM = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}]{1,11})((?:['’]s|s)(?![\p{L}\p{N}])|(?=-\p{L})|(?![\p{L}\p{N}]))/gu;
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const EXPANSION_AFTER = /^\s*\((?=[^)]*\p{Ll})[^()\u0001]{3,200}\)/u;

export function findAcronymUses(analysis: DraftAnalysis): AcronymUse[] {
  const { prose } = analysis;
  const exempt = exemptSpans(analysis);
  const uses: AcronymUse[] = [];
  const shoutingBlocks = analysis.draft.blocks.filter((block) => !/\p{Ll}/u.test(prose.slice(block.start, block.end)));
  const inside = (spans: { start: number; end: number }[], offset: number) => spans.some((span) => span.start <= offset && offset < span.end);

  const add = (start: number, acronym: string, tokenEnd: number) => {
    if (inside(exempt, start) || inside(shoutingBlocks, start)) return;
    const end = start + acronym.length;
    const before = prose.slice(Math.max(0, start - 200), start);
    const after = prose.slice(tokenEnd, tokenEnd + 300);
    let definition: AcronymUse['definition'];
    let parenthesisStart: number | undefined;
    const open = /\(\s*$/.exec(before);
    if (open && /^\s*\)/.test(after) && /\p{L}[^\p{L}]*$/u.test(before.slice(0, open.index))) {
      definition = 'after-expansion';
      parenthesisStart = start - (before.length - open.index);
    } else if (EXPANSION_AFTER.test(after)) definition = 'before-expansion';
    uses.push({ start, end, acronym, definition, parenthesisStart, plural: tokenEnd > end });
  };

  for (const match of prose.matchAll(ACRONYM)) {
    const acronym = match[1];
    if (ROMAN_NUMERAL.test(acronym)) continue;
    add(match.index!, acronym, match.index! + match[0].length);
  }
  // Acronyms the model writes in mixed case (Mocadem, Coreper, AStV) are only found by name.
  const found = new Set(uses.map((use) => use.start));
  for (const entity of analysis.entities) {
    const text = prose.slice(entity.start, entity.end);
    if (text === text.toUpperCase() || found.has(entity.start)) continue;
    if (!analysis.labelsInLanguage(entity).some((label) => label.kind === 'acronym' && label.text === text)) continue;
    add(entity.start, text, entity.end);
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** Fixed formulas and codes that hold capitals without being acronyms to spell out. */
function exemptSpans(analysis: DraftAnalysis): { start: number; end: number }[] {
  return [
    ...analysis.citations.map((citation) => ({ start: citation.start, end: citation.end })),
    ...analysis.designationFootnoteSpans,
  ];
}

/** The text right after an offset opens "(ACRONYM)": the words before it are an acronym's expansion. */
export function introducesAcronym(prose: string, offset: number): boolean {
  return /^\s*\(\s*\p{Lu}[\p{Lu}\p{N}]*\p{Ll}*(?:['’]s)?\s*\)/u.test(prose.slice(offset, offset + 20));
}
