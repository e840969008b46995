/**
 * Acronym uses in a draft: all-capital tokens (EUAA, TEI's, TEIs, EU-lidstaten) and the
 * mixed-case acronyms the model knows (Mocadem, Coreper), with how each use is spelled out.
 *
 * Not every run of capitals is an acronym. Left out: the letterhead's codes ("(OR. en)",
 * "15725/18 PECHE 553", "LIMITE"), document numbers with their subject codes anywhere
 * ("15507/15 VISA 398 MIGR 77"), document references ("COM(2019) 458", "SEK(2007) 839"), the
 * Official Journal's page header ("— DE —") and references ("DO L 77"), act-number suffixes
 * ("2003/495/GASP"), titles and operative words in capitals ("COUNCIL REGULATION",
 * "VERWEIST AUF"), surnames in capitals after a first name ("Luís AMADO"), operation and
 * mission names ("TRITON 2015", "EUCAP Sahel Mali", "Operation SOPHIA"), programme generations
 * ("IPA III"), act names ("AI Act"), codes with digits ("MH17", "P11") and month names.
 */
import type { DraftAnalysis } from './draft-analysis';
import type { Span } from '../markdown/parse';
import { letterheadCodeSpans } from './letterhead';
import { sentenceStart } from './enumerations';

export interface AcronymUse {
  start: number;
  /** End of the acronym itself, without a plural ending. */
  end: number;
  acronym: string;
  /**
   * How this use spells the acronym out: "Full term (ACR)" or "the … Office ACR" (after-expansion),
   * "ACR (full term)" (before-expansion), or capitalised words earlier in the paragraph whose
   * initials it is ("Multiannual Financial Framework … the MFF").
   */
  definition?: 'after-expansion' | 'before-expansion' | 'earlier-full-term';
  /** Where the parenthesis opens, for "Full term (ACR)" definitions. */
  parenthesisStart?: number;
  plural: boolean;
  /** The use stands in a heading: a heading is not where an acronym is spelled out. */
  inHeading: boolean;
}

/** Two or more capitals (digits may follow the first letter), then a plural ending, a hyphenated compound, or the word's end. */
const ACRONYM = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}]{1,11})((?:['’]s|s)(?![\p{L}\p{N}])|(?=-\p{L})|(?![\p{L}\p{N}]))/gu;
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const EXPANSION_AFTER = /^\s*\((?=[^)]*\p{Ll})[^()\u0001]{3,200}\)/u;
/** What a parenthesis may hold besides the acronym and still define it: "(COP 24)", "(PNR-Daten)", "(RB ONZ)". */
const DEFINING_PARENTHESIS = /^[\p{Lu}\p{N}]+(?:-\p{L}+)?(?:\s+[\p{Lu}\p{N}]+(?:-\p{L}+)?)*$/u;

/**
 * The acronym uses of a draft. `exempt`: the spans whose capitals are no acronyms (citations,
 * designation footnotes, letterhead codes); none for a run of blocks whose uses are combined
 * with the draft's (combineAcronymUses).
 */
export function findAcronymUses(analysis: DraftAnalysis, exempt: Span[] = exemptSpans(analysis)): AcronymUse[] {
  const { prose } = analysis;
  const domains = new Set(Object.values(analysis.language.citation.domains));
  const actTypes = Object.values(analysis.language.citation.actTypes).flat().filter((w): w is string => !!w).map((w) => w.toLowerCase());
  const endsWithActType = (text: string) => {
    const lower = text.trimEnd().toLowerCase();
    return actTypes.some((word) => lower.endsWith(word) && !/\p{L}/u.test(lower.charAt(lower.length - word.length - 1)));
  };
  const known = analysis.model.acronymsByForm(analysis.language.code);
  const months = new Set(analysis.language.months.map((m) => m.toUpperCase()));
  const notAnAcronym = notAcronymTest(analysis, (token) => known.has(token));
  const uses: AcronymUse[] = [];
  // Capitals inside a known name ("NDICI-Global Europe") belong to the name, not to an acronym to spell out.
  const names = analysis.entities.filter((match) => /[\s-]/.test(prose.slice(match.start, match.end))
    && match.values.some((l) => l.kind === 'instrument' || l.kind === 'body' || l.kind === 'act-title'));
  const shoutingBlocks = analysis.draft.blocks.filter((block) => !/\p{Ll}/u.test(prose.slice(block.start, block.end)));
  const headings = analysis.draft.blocks.filter((block) => block.kind === 'heading');
  const inside = (spans: Span[], offset: number) => spans.length > 0 && spanContaining(spans, offset);

  const add = (start: number, acronym: string, tokenEnd: number) => {
    const end = start + acronym.length;
    if (inside(exempt, start) || inside(shoutingBlocks, start) || inside(names, start) || notAnAcronym(start, end)) return;
    // "Full term (ACR)" is written within one paragraph: the look-back stops at the block's start.
    const before = prose.slice(Math.max(0, start - 200, blockStart(analysis.draft.blocks, start)), start);
    const after = prose.slice(tokenEnd, tokenEnd + 300);
    let definition: AcronymUse['definition'];
    let parenthesisStart: number | undefined;
    const open = /\(\s*((?:[\p{Lu}\p{N}]+(?:-\p{L}+)?\s+)*)$/u.exec(before);
    const close = /^((?:-\p{L}+)?(?:\s+[\p{Lu}\p{N}]+(?:-\p{L}+)?)*)\s*\)/u.exec(prose.slice(tokenEnd, tokenEnd + 60));
    const inParenthesis = open && close && DEFINING_PARENTHESIS.test(`${open[1]}X${close[1]}`.trim());
    const wordsBefore = open ? before.slice(0, open.index) : '';
    // "Regulation (EU)" is a citation being typed, not "Regulation" spelled out as EU.
    if (inParenthesis && /\p{L}[^\p{L}]*$/u.test(wordsBefore) && !(domains.has(acronym) && endsWithActType(wordsBefore))) {
      definition = 'after-expansion';
      parenthesisStart = start - (before.length - open!.index);
    } else if (EXPANSION_AFTER.test(after)) definition = 'before-expansion';
    else if (APPOSITION.test(before)) definition = 'after-expansion';
    else if (spelledOutEarlier(analysis, acronym, start)) definition = 'earlier-full-term';
    uses.push({ start, end, acronym, definition, parenthesisStart, plural: tokenEnd > end, inHeading: inside(headings, start) });
  };

  for (const match of prose.matchAll(ACRONYM)) {
    const acronym = match[1];
    if (ROMAN_NUMERAL.test(acronym) || months.has(acronym)) continue;
    // "MH17", "P11", "CRP1": codes, flight numbers and labels, unless the model knows them (G7, G20).
    if (/\p{N}/u.test(acronym) && !known.has(acronym)) continue;
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

/**
 * The draft's acronym uses from the uses of each run of blocks (found without exemptions, offsets
 * from the run's start): moved into the draft, less those in the draft's exempt spans. Every
 * look around a use stops at the barrier between blocks, and the exemptions only leave uses
 * out, so this equals findAcronymUses on the whole draft (test/unit/block-check.test.ts).
 */
export function combineAcronymUses(analysis: DraftAnalysis, byRun: Iterable<{ start: number; uses: readonly AcronymUse[] }>): AcronymUse[] {
  const exempt = exemptSpans(analysis);
  const out: AcronymUse[] = [];
  for (const { start: by, uses } of byRun) {
    for (const use of uses) {
      const start = use.start + by;
      if (exempt.length > 0 && spanContaining(exempt, start)) continue;
      out.push({ ...use, start, end: use.end + by, ...(use.parenthesisStart === undefined ? {} : { parenthesisStart: use.parenthesisStart + by }) });
    }
  }
  return out;
}

/**
 * "the Humanitarian Aid and Civil Protection Office ECHO": two capitalised words (up to two
 * short function words between them) right before the acronym name it, as "(ECHO)" would.
 */
const APPOSITION = /(?<![\p{L}])\p{Lu}\p{Ll}+[\s-](?:\p{Ll}{1,4}\s){0,2}\p{Lu}\p{Ll}+\s$/u;

/**
 * The acronym is spelled out before this use, in the same paragraph, without brackets:
 * capitalised words whose initials are the acronym ("the Multiannual Financial Framework
 * 2021-2027 … the MFF"). Further away, a reader no longer links the two.
 */
function spelledOutEarlier(analysis: DraftAnalysis, acronym: string, offset: number): boolean {
  if (acronym.length < 2 || acronym.length > 8 || !/^\p{Lu}+$/u.test(acronym)) return false;
  // Within the paragraph, and no further back than 1,000 characters: bounded work per use.
  const before = analysis.prose.slice(Math.max(blockStart(analysis.draft.blocks, offset), offset - 1000), offset);
  return initialsPattern(acronym).test(before);
}

const initialsPatterns = new Map<string, RegExp>();
/** Capitalised words with optional short function words between them: "Multiannual Financial Framework" for MFF. */
function initialsPattern(acronym: string): RegExp {
  let pattern = initialsPatterns.get(acronym);
  if (!pattern) {
    const letters = [...acronym].map((letter) => `${letter}\\p{Ll}+`);
    pattern = new RegExp(`(?<![\\p{L}])${letters.join('(?:[\\s-]+(?:\\p{Ll}{1,4}\\s+)*)')}(?![\\p{L}])`, 'u');
    if (initialsPatterns.size > 1000) initialsPatterns.clear();
    initialsPatterns.set(acronym, pattern);
  }
  return pattern;
}

/** Whether a sorted, non-nested list of spans has one holding the offset. */
function spanContaining(spans: Span[], offset: number): boolean {
  return indexOfSpanContaining(spans, offset) >= 0;
}

/** The start of the block holding the offset (0 outside every block). */
function blockStart(blocks: Span[], offset: number): number {
  const index = indexOfSpanContaining(blocks, offset);
  return index >= 0 ? blocks[index].start : 0;
}

/** The index of the span holding the offset in a sorted, non-nested list of spans (binary search), or -1. */
function indexOfSpanContaining(spans: Span[], offset: number): number {
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

/** Sorted and merged, so that the binary search sees no nested spans. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** Fixed formulas and codes that hold capitals without being acronyms to spell out. */
function exemptSpans(analysis: DraftAnalysis): Span[] {
  return merged([
    ...analysis.citations.map((citation) => ({ start: citation.start, end: citation.end })),
    ...analysis.designationFootnoteSpans,
    ...letterheadCodeSpans(analysis.letterheads, analysis.prose),
  ]);
}

/** Two vowels: a name or a word one can say (TRITON, AMADO, COUNCIL), not an initialism (TTIP, IGC). */
const TWO_VOWELS = /[AEIOUYÀ-ÖØ-ÝĀ-ž][^AEIOUYÀ-ÖØ-ÝĀ-ž]*[AEIOUYÀ-ÖØ-ÝĀ-ž]/u;
/** A word in capitals, not an acronym: five letters or more with two vowels (COUNCIL, VERWEIST, DECYZJI). */
const isWordInCapitals = (word: string) => word.length >= 5 && TWO_VOWELS.test(word);
const CAPITAL_WORD = /(?<![\p{L}\p{N}])\p{Lu}+(?![\p{L}\p{N}])/gu;
/** Ends a stretch of capitals: a lower-case letter, a bracket, a comma, a line or the barrier. */
const STRETCH_END = /[\p{Ll}(),;\n\u0001]/u;
const DOCUMENT_NUMBER = /(?<![\p{N}/])\d{1,5}\/(?:\d{1,2}\/)?\d{2}(?![\p{N}/])/u;
/** "EUCO 34/16", "COM(2019) 458", "SEK(2007)839" (what follows the token). */
const DOCUMENT_REFERENCE = /^\s?(?:\d{1,5}\/\d{2}(?![\p{N}])|\(\d{4}\))/u;
/** "ST/14382/2018/INIT". */
const REGISTER_NUMBER = /^\/\d{1,5}\/\d{4}\//u;
/** Official Journal references: "OJ L 268", "DO L 77", "ABl. C 269". */
const JOURNAL_REFERENCE = /^\.?\s+(?:L|C|LI|CI)\s+\d/u;
/** The suffix of an act number: 2003/495/GASP, 2014/450/WPZiB. */
const ACT_NUMBER_BEFORE = /\d{2,4}\/\d{1,4}\/$/u;
/** A programme generation or an act's name: "IPA III", "AI Act". */
const GENERATION_OR_ACT = /^\s(?:I{2,3}|IV|Act)(?![\p{L}])/u;
/** An operation with its year: "TRITON 2015" (not "TTIP 2015", which has one vowel). */
const YEAR_AFTER = /^\s(?:19|20)\d{2}(?![\p{N}])/u;
/** A CSDP mission or operation before its place: "EUCAP Sahel Mali", "EUTM Mali", "EUNAVFOR Med". */
const PLACE_AFTER = /^\s\p{Lu}\p{Ll}/u;
/** "Operation SOPHIA", "l'opération ATALANTA", "operatie IRINI", "misji EUFOR". */
const OPERATION_BEFORE = /(?:[Oo]p[eé]ra(?:tion|tie|ción|zione|ção|cja|ce|tsioon)|[Mm]issio[nen]?|[Mm]isj[aię]|[Mm]isión|[Mm]issão)\s$/u;
/** A first name or an initial before a surname in capitals: "Luís AMADO", "V. SKOURIS", "Jordi AYET PUIGARNAU". */
const FIRST_NAME_BEFORE = /(?<![\p{L}])(\p{Lu}\p{Ll}+|\p{Lu}\.)\s(?:\p{Lu}{2,}[\s-])*$/u;

/**
 * Decides, token by token, whether capitals are a code, a word or a name rather than an acronym
 * (see the module comment), from a few characters around each token: the work grows with the
 * number of tokens in capitals, not with the draft.
 */
function notAcronymTest(analysis: DraftAnalysis, isKnown: (token: string) => boolean): (start: number, end: number) => boolean {
  const { prose } = analysis;
  const stopwords = new Set(analysis.language.detection.stopwords);
  // Tokens come in order: the stretch of capitals of the last one is kept for the next.
  let stretch = { start: -1, end: -1, title: false };
  const titleStretch = (start: number, end: number) => {
    if (start < stretch.start || start >= stretch.end) {
      let from = start;
      while (from > 0 && !STRETCH_END.test(prose[from - 1])) from--;
      let to = end;
      while (to < prose.length && !STRETCH_END.test(prose[to])) to++;
      const words = [...prose.slice(from, to).matchAll(CAPITAL_WORD)].map((m) => m[0]);
      stretch = { start: from, end: to, title: words.length >= 2 && words.some((w) => isWordInCapitals(w) && !isKnown(w)) };
    }
    return stretch.title;
  };
  return (start, end) => {
    const token = prose.slice(start, end);
    const before = prose.slice(Math.max(0, start - 60), start);
    const after = prose.slice(end, end + 30);
    // The letterhead's "(OR. en)" and the Official Journal's page header "— DE —".
    if (token === 'OR' && before.endsWith('(') && /^\.\s*\p{Ll}{2}/u.test(after)) return true;
    if (token.length === 2 && /—\s*$/u.test(before) && /^\s*—/u.test(after)) return true;
    if (DOCUMENT_REFERENCE.test(after) || JOURNAL_REFERENCE.test(after) || ACT_NUMBER_BEFORE.test(before)) return true;
    if (token.length === 2 && REGISTER_NUMBER.test(after)) return true;
    // Subject codes after a document number on the same stretch: "15507/15 VISA 398 MIGR 77".
    let codes = before.length;
    while (codes > 0 && !STRETCH_END.test(before[codes - 1])) codes--;
    if (DOCUMENT_NUMBER.test(before.slice(codes))) return true;
    if (titleStretch(start, end)) return true;
    if (isKnown(token) || !TWO_VOWELS.test(token)) return false;
    if (GENERATION_OR_ACT.test(after) || OPERATION_BEFORE.test(before)) return true;
    if (token.length >= 4 && YEAR_AFTER.test(after)) return true;
    if (token.startsWith('EU') && token.length >= 4 && PLACE_AFTER.test(after)) return true;
    const firstName = FIRST_NAME_BEFORE.exec(before);
    if (firstName && token.length >= 3) {
      const name = firstName[1];
      const ahead = before.slice(0, firstName.index);
      // "the Office ECHO" after more capitalised words is an apposition, handled as a definition;
      // "In TTIP" at a sentence's start has no first name.
      const opensSentence = name.length <= 3 && sentenceStart(prose, start - before.length + firstName.index) >= start - before.length + firstName.index - 1;
      if (!/\p{Lu}\p{Ll}+\s+$/u.test(ahead) && !stopwords.has(name.toLowerCase()) && !opensSentence) return true;
    }
    return false;
  };
}

/** The text right after an offset opens "(ACRONYM)": the words before it are an acronym's expansion. */
export function introducesAcronym(prose: string, offset: number): boolean {
  return /^\s*\(\s*\p{Lu}[\p{Lu}\p{N}]*\p{Ll}*(?:['’]s)?\s*\)/u.test(prose.slice(offset, offset + 20));
}

/** Whether two offsets stand in the same sentence (the definition may follow the first use there). */
export function sameSentence(prose: string, first: number, later: number): boolean {
  return sentenceStart(prose, later) <= first;
}
