/**
 * Enumerations in running text: "(Afghanistan, Bosnia and Herzegovina, … and Egypt)",
 * ": A, B and C", "including Bangladesh, Ethiopia and Iraq". Known names are read whole, so the
 * "and" inside "Bosnia and Herzegovina" does not split an item.
 */
import type { SpanMatch } from '../match/automaton';
import type { Label } from '../model/policy-index';
import type { DraftAnalysis } from './draft-analysis';
import { escapeRegExp } from '../text/regex';

export interface ListItem { start: number; end: number; text: string; countryId?: string }
export interface Enumeration { start: number; end: number; items: ListItem[]; open: boolean }

const ITEM_SEPARATOR = /^\s*[,;]\s*/;
/** Per language: a pattern of the grammatical articles a name may open with (the, l', du). */
const leadingArticlePatterns = new WeakMap<object, RegExp>();

/**
 * Length of an article opening `text` ("the ", "l'", "du "), from the language data; 0 if none.
 * Elided articles (l', d') join the name without a space.
 */
export function leadingArticleLength(analysis: DraftAnalysis, text: string): number {
  const language = analysis.language;
  let pattern = leadingArticlePatterns.get(language);
  if (!pattern) {
    const words = (language.articles ?? []).map((a) => a.replace(/’/g, "'"));
    const elided = words.filter((a) => a.endsWith("'")).map((a) => escapeRegExp(a.slice(0, -1)) + "['’]");
    const spaced = words.filter((a) => !a.endsWith("'")).map((a) => `${escapeRegExp(a)}\\s+`);
    pattern = new RegExp(`^(?:${[...elided, ...spaced].join('|') || '(?!)'})`, 'iu');
    leadingArticlePatterns.set(language, pattern);
  }
  return pattern.exec(text)?.[0].length ?? 0;
}


/** Conjunctions that join the last item: "and", "en", "et", "und", "or"… */
function conjunctionPattern(analysis: DraftAnalysis): RegExp {
  const words = analysis.language.listConjunctions.map(escapeRegExp).join('|');
  return new RegExp(`^\\s*,?\\s*(?:${words})\\s+`, 'iu');
}

/** The country a span names, if it names one in any language. */
export function countryOf(match: SpanMatch<Label> | undefined): string | undefined {
  return match?.values.find((label) => label.kind === 'country' || label.kind === 'country-deprecated')?.id;
}

/** Reads "(item, item and item)" from its opening parenthesis. */
export function readParenthesisedList(analysis: DraftAnalysis, open: number): Enumeration | undefined {
  const close = analysis.prose.indexOf(')', open);
  if (close < 0 || close - open > 1000) return undefined;
  return readDelimitedList(analysis, open + 1, close);
}

/** Reads ": A, B and C." from its colon to the end of the sentence. */
export function readColonList(analysis: DraftAnalysis, colon: number): Enumeration | undefined {
  const rest = analysis.prose.slice(colon + 1, colon + 1000);
  const end = rest.search(/[.!?](?:\s|$)|\n\s*\n|\u0001/);
  return end > 0 ? readDelimitedList(analysis, colon + 1, colon + 1 + end) : undefined;
}

/**
 * Items between `from` and `to`, as "A, B and C" is read: commas and semicolons separate items,
 * and a conjunction only in the last one ("B and C"); ", and C" is the same list. A known name
 * is one item whatever it contains ("Bosnia and Herzegovina").
 */
function readDelimitedList(analysis: DraftAnalysis, from: number, to: number): Enumeration | undefined {
  const { prose } = analysis;
  if (/[()\u0001]|\n\s*\n/.test(prose.slice(from, to))) return undefined;
  const commas: number[] = [];
  const conjunctions: { start: number; end: number }[] = [];
  const conjunction = conjunctionPattern(analysis);
  for (let cursor = from; cursor < to; cursor++) {
    const entity = analysis.entityAt(cursor);
    if (entity && entity.end <= to) { cursor = entity.end - 1; continue; }
    const char = prose[cursor];
    if (char === ',' || char === ';') commas.push(cursor);
    else if (/\s/.test(char) && !/\s/.test(prose[cursor - 1] ?? '')) {
      const found = conjunction.exec(prose.slice(cursor, to));
      if (found && !/^\s*,/.test(found[0])) conjunctions.push({ start: cursor, end: cursor + found[0].length });
    }
  }
  const bounds: { start: number; end: number }[] = [];
  let start = from;
  for (const comma of commas) { bounds.push({ start, end: comma }); start = comma + 1; }
  const lastStart = start;
  const leading = conjunction.exec(prose.slice(lastStart, to));
  const finalJoin = !leading || leading.index !== 0 ? conjunctions.filter((c) => c.start >= lastStart).at(-1) : undefined;
  if (leading && leading.index === 0) bounds.push({ start: lastStart + leading[0].length, end: to });
  else if (finalJoin) bounds.push({ start: lastStart, end: finalJoin.start }, { start: finalJoin.end, end: to });
  else bounds.push({ start: lastStart, end: to });

  const items: ListItem[] = [];
  for (const bound of bounds) {
    const raw = prose.slice(bound.start, bound.end);
    const text = raw.trim();
    if (!text) continue;
    const itemStart = bound.start + raw.indexOf(text);
    items.push({ start: itemStart, end: itemStart + text.length, text, countryId: countryOf(analysis.entityAt(itemStart + leadingArticleLength(analysis, text))) });
  }
  return { start: from, end: to, items, open: false };
}

const BULLET = /^([ \t]*(?:>[ \t]*)*)([-*+]|\d{1,9}[.)])[ \t]+$/;

/**
 * "five legislative acts concerning:" followed by a bulleted or numbered list: the list's
 * top-level items, when the colon ends its paragraph and the list starts on the next block.
 * Nested items and an item's further paragraphs belong to their item.
 */
export function readBulletList(analysis: DraftAnalysis, colon: number): (Enumeration & { marker: string }) | undefined {
  const { text, prose } = analysis;
  const blocks = analysis.draft.blocks;
  const at = blocks.findIndex((block) => block.start <= colon && colon < block.end);
  if (at < 0 || prose.slice(colon + 1, blocks[at].end).trim() !== '') return undefined;
  const items: ListItem[] = [];
  let indent: number | undefined;
  let marker = '';
  let previousEnd = blocks[at].end;
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i];
    const lineStart = text.lastIndexOf('\n', block.start - 1) + 1;
    // Only line breaks, blank lines and list markers between the colon and the item.
    if (block.kind !== 'paragraph' || /[^\s>*+\-.)\d]/.test(text.slice(previousEnd, lineStart))) break;
    previousEnd = block.end;
    const bullet = BULLET.exec(text.slice(lineStart, block.start));
    if (!bullet) {
      if (indent !== undefined && /^[ \t>]+$/.test(text.slice(lineStart, block.start))) continue;
      break;
    }
    const depth = bullet[1].length;
    indent ??= depth;
    if (depth > indent) continue;
    if (depth < indent) break;
    marker ||= text.slice(lineStart, block.start);
    const raw = prose.slice(block.start, block.end).trimEnd();
    // What ends an item without being part of it: "; and", ",", ".".
    const itemText = raw.replace(new RegExp(`(?:[\\s,;.]+(?:${analysis.language.listConjunctions.map(escapeRegExp).join('|')}))?[\\s,;.:]*$`, 'iu'), '');
    items.push({ start: block.start, end: block.start + itemText.length, text: itemText, countryId: countryOf(analysis.entityAt(block.start + leadingArticleLength(analysis, itemText))) });
  }
  return items.length >= 2 ? { start: items[0].start, end: items[items.length - 1].end, items, open: false, marker } : undefined;
}

/**
 * Reads a list of country names that starts at an offset ("Bangladesh, Ethiopia, Iraq and
 * Senegal"), stopping at the first thing that is not a country or a separator.
 */
export function readCountryList(analysis: DraftAnalysis, from: number): Enumeration | undefined {
  const { prose } = analysis;
  const conjunction = conjunctionPattern(analysis);
  const items: ListItem[] = [];
  let cursor = from;
  for (;;) {
    const lead = /^\s*/.exec(prose.slice(cursor, cursor + 50))![0].length;
    let at = cursor + lead;
    const article = leadingArticleLength(analysis, prose.slice(at, at + 10));
    if (article && countryOf(analysis.entityAt(at + article))) at += article;
    const entity = analysis.entityAt(at);
    const countryId = countryOf(entity);
    if (!entity || !countryId) break;
    items.push({ start: at, end: entity.end, text: prose.slice(at, entity.end), countryId });
    cursor = entity.end;
    const rest = prose.slice(cursor, cursor + 40);
    const separator = ITEM_SEPARATOR.exec(rest) ?? conjunction.exec(rest);
    if (!separator) break;
    cursor += separator[0].length;
  }
  if (items.length === 0) return undefined;
  return { start: items[0].start, end: items[items.length - 1].end, items, open: true };
}

/** Start of the sentence that holds an offset (after ". ", "? ", "! ", a blank line or non-prose). */
export function sentenceStart(prose: string, offset: number): number {
  for (let i = offset - 1; i > 0; i--) {
    const char = prose[i];
    if (char === '\u0001') return i + 1;
    if ((char === '.' || char === '?' || char === '!') && /\s/.test(prose[i + 1] ?? '') && !/\d/.test(prose[i - 1] ?? '')) return i + 1;
    if (char === '\n' && prose[i - 1] === '\n') return i + 1;
  }
  return 0;
}

/** Words that make a list non-exhaustive: including, such as, waaronder, notamment… */
export function inclusionMarkerIn(analysis: DraftAnalysis, text: string): boolean {
  const markers = analysis.language.inclusionMarkers ?? [];
  const lower = text.toLowerCase();
  return markers.some((marker) => new RegExp(`(?<![\\p{L}])${escapeRegExp(marker.toLowerCase())}(?![\\p{L}])`, 'u').test(lower))
    || /…|\.\.\.|\betc\b|\busw\b|\benz\b/u.test(lower);
}
