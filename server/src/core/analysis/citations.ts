/**
 * Finds citations of legal acts ("Regulation (EC) No 810/2009", "Verordening (EU) 2019/1155",
 * "directive 2013/32/UE") and article references ("Article 25a of the Visa Code",
 * "artikel 25 bis van de Visumcode") using the words of the draft's language data.
 *
 * The patterns are built from alternations of literal words, bounded digit runs and single
 * whitespace runs, with no nested quantifiers, so matching stays linear in the text length.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { ActType } from '../../../../schemas/policy-model';
import type { LanguageRegistry } from '../language/registry';
import type { DraftAnalysis } from './draft-analysis';
import { alternationOf, phrasePattern } from '../text/regex';

export type DomainCode = keyof LanguageData['citation']['domains'];
/** Acts of one family share a number series and a CELEX letter; treaties are cited by title. */
export type ActFamily = 'regulation' | 'directive' | 'decision' | 'recommendation' | 'treaty';

/** The types a citation can name by its type word (treaties are named by title). */
export type CitedType = Exclude<ActType, 'treaty' | 'charter'>;

export interface Citation {
  start: number;
  end: number;
  typeText: string;
  /** The type the word names: "Implementing Decision" → implementing-decision. */
  type: CitedType;
  family: ActFamily;
  /** The bracketed domain as written, e.g. "EG", and its code, e.g. "EC". */
  domain?: { text: string; code?: DomainCode; start: number; end: number };
  marker?: { text: string; start: number; end: number };
  numbers: { text: string; start: number; end: number };
  /** Trailing domain of pre-2015 directives and decisions: 2013/32/EU. */
  suffix?: string;
  /** Where the suffix stands, with its slash: "/EU" of 2013/32/EU, and its domain code. */
  suffixSpan?: { start: number; end: number };
  suffixCode?: DomainCode;
  /** Four digits, also where the text writes two (95/46/EC → 1995). */
  year: number;
  number: number;
  /** How the number was written. */
  order: 'year/number' | 'number/year';
}

export interface ArticleMention {
  /** Normalised id: "25a" for "25a" and "25 bis". */
  id: string;
  text: string;
  start: number;
  end: number;
  style: 'plain' | 'letters' | 'latin';
}

export interface ArticleReference {
  start: number;
  end: number;
  articleWord: string;
  articles: ArticleMention[];
  /** The act the articles belong to: a citation or a short title the model knows. */
  act: { kind: 'citation'; citation: Citation } | { kind: 'title'; actId: string; text: string; start: number; end: number };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function familyOf(type: ActType): ActFamily {
  if (type.endsWith('regulation')) return 'regulation';
  if (type.endsWith('decision')) return 'decision';
  if (type === 'treaty' || type === 'charter') return 'treaty';
  return type as ActFamily;
}

const alternation = (words: Iterable<string>) => alternationOf(words, phrasePattern);
const isYear = (value: number) => value >= 1950 && value <= 2100;

/** Number markers as written in any language, so that a wrong one is recognised and corrected. */
const MARKER_VARIANTS = ['No', 'No.', 'no', 'Nr.', 'nr.', 'Nr', 'nr', 'n°', 'nº', 'N°', 'n.', 'č.', 'nr'];

interface CitationPatterns { citation: RegExp; typeOf: Map<string, CitedType>; domainCodes: Map<string, DomainCode> }
const citationPatternCache = new WeakMap<LanguageData, CitationPatterns>();

function citationPatterns(language: LanguageData, registry: LanguageRegistry): CitationPatterns {
  let patterns = citationPatternCache.get(language);
  if (patterns) return patterns;
  const typeOf = new Map<string, CitedType>();
  for (const [type, words] of Object.entries(language.citation.actTypes) as [CitedType, string[] | undefined][]) {
    for (const word of words ?? []) if (!typeOf.has(word.toLowerCase())) typeOf.set(word.toLowerCase(), type);
  }
  // Domain codes as any language writes them, this language's own forms winning.
  const domainCodes = new Map<string, DomainCode>();
  for (const other of [...registry.all.filter((l) => l !== language), language]) {
    for (const [code, text] of Object.entries(other.citation.domains) as [DomainCode, string][]) domainCodes.set(text, code);
  }
  const markers = [...language.citation.numberMarker, ...registry.all.flatMap((l) => l.citation.numberMarker), ...MARKER_VARIANTS];
  // No lookbehind at the start: a pattern that opens with literal words lets the engine skip
  // ahead quickly; the word boundary before the match is checked in code.
  // "Decyzja Rady 2014/450/WPZiB", "Decisione del Consiglio 2013/93/UE": the author may stand
  // between the type and the number.
  const issuers = language.citation.issuers?.length ? `(?:\\s+(?:${alternation(language.citation.issuers)}))?` : '';
  // Suffixes start with a capital and may hold small letters: WPZiB, Gusp, Euratom.
  const source =
    `(?<type>${alternation(typeOf.keys())})${issuers}` +
    `(?:\\s+\\((?<domain>[\\p{L}, ]{1,20})\\))?` +
    `\\s+(?:(?<marker>${alternation(markers)})\\s*)?` +
    `(?<a>\\d{1,4})\\/(?<b>\\d{1,4})(?:\\/(?<suffix>\\p{Lu}\\p{L}{1,7}))?(?![\\p{L}\\p{N}])`;
  patterns = { citation: new RegExp(source, 'giu'), typeOf, domainCodes };
  citationPatternCache.set(language, patterns);
  return patterns;
}

/** A citation found in a block, moved to where the block stands in the draft. */
export function moveCitation(citation: Citation, by: number): Citation {
  const move = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + by, end: span.end + by });
  return {
    ...move(citation),
    domain: citation.domain && move(citation.domain),
    marker: citation.marker && move(citation.marker),
    numbers: move(citation.numbers),
    suffixSpan: citation.suffixSpan && move(citation.suffixSpan),
  };
}

export function findCitations(prose: string, language: LanguageData, registry: LanguageRegistry): Citation[] {
  const { citation, typeOf, domainCodes } = citationPatterns(language, registry);
  const found: Citation[] = [];
  for (const match of prose.matchAll(citation)) {
    const groups = match.groups!;
    const start = match.index!;
    if (WORD_CHAR.test(prose[start - 1] ?? '')) continue;
    const numbering = readNumbering(groups.a, groups.b, groups.suffix !== undefined, groups.marker !== undefined);
    if (!numbering) continue;
    const indices = groupOffsets(match[0], start, groups);
    const domainText = groups.domain?.split(',')[0].trim();
    const type = typeOf.get(groups.type.toLowerCase()) ?? 'regulation';
    found.push({
      start,
      end: start + match[0].length,
      typeText: groups.type,
      type,
      family: familyOf(type),
      domain: groups.domain ? { text: domainText!, code: domainCodes.get(domainText!), ...indices.domain } : undefined,
      marker: groups.marker ? { text: groups.marker, ...indices.marker } : undefined,
      numbers: { text: `${groups.a}/${groups.b}`, start: indices.a.start, end: indices.b.end },
      suffix: groups.suffix,
      suffixSpan: groups.suffix ? { start: indices.suffix.start - 1, end: indices.suffix.end } : undefined,
      suffixCode: groups.suffix ? domainCodes.get(groups.suffix) : undefined,
      ...numbering,
    });
  }
  return found;
}

/**
 * Which of the two numbers is the year. Since 2015 every act is "YYYY/N"; before, regulations
 * were "No N/YYYY", directives and decisions "YYYY/N/XX" (and decisions of the Parliament and the
 * Council "No N/YYYY/XX"). Until 1998 years had two digits: "95/46/EC", "(EEC) No 1408/71".
 * Two numbers neither of which can be a year are not an act's number.
 */
function readNumbering(aText: string, bText: string, hasSuffix: boolean, hasMarker: boolean): Pick<Citation, 'year' | 'number' | 'order'> | undefined {
  const a = Number(aText);
  const b = Number(bText);
  const yearA = aText.length === 4 && isYear(a);
  const yearB = bText.length === 4 && isYear(b);
  const yearFirst = { year: a, number: b, order: 'year/number' as const };
  const numberFirst = { year: b, number: a, order: 'number/year' as const };
  if (yearA && !yearB) return yearFirst;
  if (yearB && !yearA) return numberFirst;
  if (yearA && yearB) return hasSuffix || !hasMarker ? yearFirst : numberFirst;
  const twoDigitYear = (text: string) => text.length === 2 && Number(text) >= 50;
  if (hasSuffix && twoDigitYear(aText)) return { ...yearFirst, year: 1900 + a };
  if (twoDigitYear(bText)) return { ...numberFirst, year: 1900 + b };
  if (twoDigitYear(aText)) return { ...yearFirst, year: 1900 + a };
  return undefined;
}

/** Offsets of named groups, found left to right (the match has no overlapping groups). */
function groupOffsets(whole: string, start: number, groups: Record<string, string | undefined>) {
  const out: Record<string, { start: number; end: number }> = {};
  let cursor = 0;
  for (const name of ['type', 'domain', 'marker', 'a', 'b', 'suffix']) {
    const value = groups[name];
    if (value === undefined) continue;
    const at = whole.indexOf(value, cursor);
    out[name] = { start: start + at, end: start + at + value.length };
    cursor = at + value.length;
  }
  return out;
}

/** Latin suffixes of inserted articles, in order: bis = a, ter = b, … */
const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/**
 * Latin suffixes are read in every language, so that "Article 25 bis" in an English draft is
 * recognised (and malformed-citation can say "25a"). German "Artikel 3 bis 5" is a range: a
 * suffix is never followed by a number.
 */
function latinSuffixesOf(language: LanguageData): string[] {
  return language.citation.latinSuffixes ?? LATIN_SUFFIXES;
}

interface ArticleCitationPatterns { article: RegExp; connector: RegExp; number: RegExp }
const articleCitationPatternCache = new WeakMap<LanguageData, ArticleCitationPatterns>();

function articleCitationPatterns(language: LanguageData): ArticleCitationPatterns {
  let patterns = articleCitationPatternCache.get(language);
  if (patterns) return patterns;
  const latin = latinSuffixesOf(language);
  const latinPart = `\\s(?:${alternation(latin)})(?![\\p{L}])(?!\\s*\\d)`;
  // "1er" is how French writes Article 1.
  const single = `\\d{1,4}(?:${latinPart}|er(?![\\p{L}])|[a-z]{1,2}(?![\\p{L}]))?`;
  const number = new RegExp(`(\\d{1,4})(?:\\s(${alternation(latin)})(?![\\p{L}])(?!\\s*\\d)|(er)(?![\\p{L}])|([a-z]{1,2})(?![\\p{L}]))?`, 'giu');
  const joiner = `\\s*(?:,|${alternation([...language.listConjunctions, 'to', 'tot', 'à', 'bis', 'tot en met', 'through'])})\\s*`;
  // A paragraph or point after the number: 25a(1), 25a(1)(b).
  const subdivision = `(?:\\(\\d{1,3}\\)|\\([a-z]\\))*`;
  const article = new RegExp(
    `(?<![\\p{L}\\p{N}])(?<word>${alternation(language.citation.article)})\\s+(?<list>${single}${subdivision}(?:${joiner}${single}${subdivision}){0,20})`,
    'giu');
  const connector = new RegExp(`\\s+(?:${alternation(language.citation.connectors)})\\s+`, 'iuy');
  patterns = { article, connector, number };
  articleCitationPatternCache.set(language, patterns);
  return patterns;
}

export function findArticleReferences(analysis: DraftAnalysis): ArticleReference[] {
  const { prose } = analysis;
  const language = analysis.language;
  const { article, connector, number: articleNumber } = articleCitationPatterns(language);
  const latin = latinSuffixesOf(language);
  const citationsByStart = new Map(analysis.citations.map((c) => [c.start, c]));
  const references: ArticleReference[] = [];
  for (const match of prose.matchAll(article)) {
    const start = match.index!;
    const listText = match.groups!.list;
    const listStart = start + match[0].length - listText.length;
    const end = start + match[0].length;
    connector.lastIndex = end;
    const connected = connector.exec(prose);
    const act = connected ? actAt(analysis, end + connected[0].length, citationsByStart) : titleRightAfter(analysis, end);
    if (!act) continue;
    const articles: ArticleMention[] = [];
    for (const number of listText.matchAll(articleNumber)) {
      const [text, digits, latinWord, ordinal, letters] = number;
      if (ordinal) {
        const mentionStart = listStart + number.index!;
        articles.push({ id: digits, text, start: mentionStart, end: mentionStart + text.length, style: 'plain' });
        continue;
      }
      const latinIndex = latinWord ? latin.indexOf(latinWord.toLowerCase()) : -1;
      const suffix = latinIndex >= 0 ? String.fromCharCode(97 + latinIndex) : (letters ?? '').toLowerCase();
      const mentionStart = listStart + number.index!;
      articles.push({ id: `${digits}${suffix}`, text, start: mentionStart, end: mentionStart + text.length, style: latinWord ? 'latin' : letters ? 'letters' : 'plain' });
    }
    references.push({ start, end, articleWord: match.groups!.word, articles, act });
  }
  return references;
}

/** "Article 29 TEU", "Artikel 122 AEUV", "article 6 TUE": a short title straight after the number. */
function titleRightAfter(analysis: DraftAnalysis, end: number): ArticleReference['act'] | undefined {
  const gap = /^[ \u00a0]{1,2}/.exec(analysis.prose.slice(end, end + 2));
  if (!gap) return undefined;
  const act = actAt(analysis, end + gap[0].length, new Map());
  return act?.kind === 'title' ? act : undefined;
}

function actAt(analysis: DraftAnalysis, offset: number, citationsByStart: Map<number, Citation>): ArticleReference['act'] | undefined {
  const citation = citationsByStart.get(offset);
  if (citation) return { kind: 'citation', citation };
  const entity = analysis.entityAt(offset);
  const title = entity?.values.find((label) => label.kind === 'act-title');
  if (entity && title) return { kind: 'title', actId: title.id, text: analysis.prose.slice(entity.start, entity.end), start: entity.start, end: entity.end };
  return undefined;
}
