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
  const actTypes = Object.values(analysis.language.citation.actTypes).flat().filter((w): w is string => !!w).map((w) => w.toLowerCase());
  const endsWithActType = (text: string) => {
    const lower = text.trimEnd().toLowerCase();
    return actTypes.some((word) => lower.endsWith(word) && !/\p{L}/u.test(lower.charAt(lower.length - word.length - 1)));
  };
  const exempt = exemptSpans(analysis);
  const uses: AcronymUse[] = [];
  // Capitals inside a known name ("NDICI-Global Europe") belong to the name, not to an acronym to spell out.
  const names = analysis.entities.filter((match) => /[\s-]/.test(prose.slice(match.start, match.end))
    && match.values.some((l) => l.kind === 'instrument' || l.kind === 'body' || l.kind === 'act-title'));
  const shoutingBlocks = analysis.draft.blocks.filter((block) => !/\p{Ll}/u.test(prose.slice(block.start, block.end)));
  const inside = (spans: { start: number; end: number }[], offset: number) => spans.length > 0 && spanContaining(spans, offset);

  const add = (start: number, acronym: string, tokenEnd: number) => {
    if (inside(exempt, start) || inside(shoutingBlocks, start) || inside(names, start)) return;
    const end = start + acronym.length;
    // "Full term (ACR)" is written within one paragraph: the look-back stops at the block's start.
    const before = prose.slice(Math.max(0, start - 200, blockStart(analysis.draft.blocks, start)), start);
    const after = prose.slice(tokenEnd, tokenEnd + 300);
    let definition: AcronymUse['definition'];
    let parenthesisStart: number | undefined;
    const open = /\(\s*$/.exec(before);
    // "Regulation (EU)" is a citation being typed, not "Regulation" spelled out as EU.
    if (open && /^\s*\)/.test(after) && /\p{L}[^\p{L}]*$/u.test(before.slice(0, open.index)) && !endsWithActType(before.slice(0, open.index))) {
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

/** Whether a sorted, non-nested list of spans has one holding the offset. */
function spanContaining(spans: { start: number; end: number }[], offset: number): boolean {
  return indexOfSpanContaining(spans, offset) >= 0;
}

/** The start of the block holding the offset (0 outside every block). */
function blockStart(blocks: { start: number; end: number }[], offset: number): number {
  const index = indexOfSpanContaining(blocks, offset);
  return index >= 0 ? blocks[index].start : 0;
}

/** The index of the span holding the offset in a sorted, non-nested list of spans (binary search), or -1. */
function indexOfSpanContaining(spans: { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** Fixed formulas and codes that hold capitals without being acronyms to spell out. */
function exemptSpans(analysis: DraftAnalysis): { start: number; end: number }[] {
  const spans = [
    ...analysis.citations.map((citation) => ({ start: citation.start, end: citation.end })),
    ...analysis.designationFootnoteSpans,
  ].sort((a, b) => a.start - b.start);
  // Merged, so that the binary search sees no nested spans.
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text right after an offset opens "(ACRONYM)": the words before it are an acronym's expansion. */
export function introducesAcronym(prose: string, offset: number): boolean {
  return /^\s*\(\s*\p{Lu}[\p{Lu}\p{N}]*\p{Ll}*(?:['’]s)?\s*\)/u.test(prose.slice(offset, offset + 20));
}
