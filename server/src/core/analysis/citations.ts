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
export type ActFamily = 'regulation' | 'directive' | 'decision' | 'recommendation';

export interface Citation {
  start: number;
  end: number;
  typeText: string;
  family: ActFamily;
  /** The bracketed domain as written, e.g. "EG", and its code, e.g. "EC". */
  domain?: { text: string; code?: DomainCode; start: number; end: number };
  marker?: { text: string; start: number; end: number };
  numbers: { text: string; start: number; end: number };
  /** Trailing domain of pre-2015 directives and decisions: 2013/32/EU. */
  suffix?: string;
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
  return type as ActFamily;
}

const alternation = (words: Iterable<string>) => alternationOf(words, phrasePattern);
const isYear = (value: number) => value >= 1950 && value <= 2100;

/** Number markers as written in any language, so that a wrong one is recognised and corrected. */
const MARKER_VARIANTS = ['No', 'No.', 'no', 'Nr.', 'nr.', 'Nr', 'nr', 'n°', 'nº', 'N°', 'n.', 'č.', 'nr'];

interface CitationPatterns { citation: RegExp; typeFamily: Map<string, ActFamily>; domainCodes: Map<string, DomainCode> }
const citationPatternCache = new WeakMap<LanguageData, CitationPatterns>();

function citationPatterns(language: LanguageData, registry: LanguageRegistry): CitationPatterns {
  let patterns = citationPatternCache.get(language);
  if (patterns) return patterns;
  const typeFamily = new Map<string, ActFamily>();
  for (const [type, words] of Object.entries(language.citation.actTypes) as [ActType, string[] | undefined][]) {
    for (const word of words ?? []) typeFamily.set(word.toLowerCase(), familyOf(type));
  }
  // Domain codes as any language writes them, this language's own forms winning.
  const domainCodes = new Map<string, DomainCode>();
  for (const other of [...registry.all.filter((l) => l !== language), language]) {
    for (const [code, text] of Object.entries(other.citation.domains) as [DomainCode, string][]) domainCodes.set(text, code);
  }
  const markers = [...language.citation.numberMarker, ...registry.all.flatMap((l) => l.citation.numberMarker), ...MARKER_VARIANTS];
  // No lookbehind at the start: a pattern that opens with literal words lets the engine skip
  // ahead quickly; the word boundary before the match is checked in code.
  const source =
    `(?<type>${alternation(typeFamily.keys())})` +
    `(?:\\s+\\((?<domain>[\\p{L}, ]{1,20})\\))?` +
    `\\s+(?:(?<marker>${alternation(markers)})\\s*)?` +
    `(?<a>\\d{1,4})\\/(?<b>\\d{1,4})(?:\\/(?<suffix>\\p{Lu}{2,8}))?(?![\\p{L}\\p{N}])`;
  patterns = { citation: new RegExp(source, 'giu'), typeFamily, domainCodes };
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
  };
}

export function findCitations(prose: string, language: LanguageData, registry: LanguageRegistry): Citation[] {
  const { citation, typeFamily, domainCodes } = citationPatterns(language, registry);
  const found: Citation[] = [];
  for (const match of prose.matchAll(citation)) {
    const groups = match.groups!;
    const start = match.index!;
    if (WORD_CHAR.test(prose[start - 1] ?? '')) continue;
    const indices = groupOffsets(match[0], start, groups);
    const a = Number(groups.a);
    const b = Number(groups.b);
    // Since 2015 every act is "YYYY/N"; before, regulations were "N/YYYY" and directives "YYYY/N/XX".
    const yearFirst = groups.suffix !== undefined || (isYear(a) && !isYear(b)) || (isYear(a) && isYear(b) && !groups.marker);
    const domainText = groups.domain?.split(',')[0].trim();
    found.push({
      start,
      end: start + match[0].length,
      typeText: groups.type,
      family: typeFamily.get(groups.type.toLowerCase()) ?? 'regulation',
      domain: groups.domain ? { text: domainText!, code: domainCodes.get(domainText!), ...indices.domain } : undefined,
      marker: groups.marker ? { text: groups.marker, ...indices.marker } : undefined,
      numbers: { text: `${groups.a}/${groups.b}`, start: indices.a.start, end: indices.b.end },
      suffix: groups.suffix,
      year: yearFirst ? a : b,
      number: yearFirst ? b : a,
      order: yearFirst ? 'year/number' : 'number/year',
    });
  }
  return found;
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

interface ArticlePatterns { article: RegExp; connector: RegExp; number: RegExp }
const articlePatternCache = new WeakMap<LanguageData, ArticlePatterns>();

function articlePatterns(language: LanguageData): ArticlePatterns {
  let patterns = articlePatternCache.get(language);
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
  articlePatternCache.set(language, patterns);
  return patterns;
}

export function findArticleReferences(analysis: DraftAnalysis): ArticleReference[] {
  const { prose } = analysis;
  const language = analysis.language;
  const { article, connector, number: articleNumber } = articlePatterns(language);
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
    if (!connected) continue;
    const actStart = end + connected[0].length;
    const act = actAt(analysis, actStart, citationsByStart);
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

function actAt(analysis: DraftAnalysis, offset: number, citationsByStart: Map<number, Citation>): ArticleReference['act'] | undefined {
  const citation = citationsByStart.get(offset);
  if (citation) return { kind: 'citation', citation };
  const entity = analysis.entityAt(offset);
  const title = entity?.values.find((label) => label.kind === 'act-title');
  if (entity && title) return { kind: 'title', actId: title.id, text: analysis.prose.slice(entity.start, entity.end), start: entity.start, end: entity.end };
  return undefined;
}
