/**
 * A language version read into the units that two versions share: headings, paragraphs, list
 * items, numbered points, questions to ministers and footnotes, each with what it states that
 * a translation must keep: the model entities it names (by id, so "Marokko" = "Maroc"), its
 * numbers (read in the language's format, "10" = "tien"), its dates and the names the model
 * does not know (by written form). Everything comes from the draft's existing analysis.
 */
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { entityRefs, type EntityRef, type RefKind } from '../assist/entity-refs';
import { casingFits } from '../text/casing';
import { findNumbers } from './numbers';
import { resolveCitation } from '../analysis/acts';
import type { Citation } from '../analysis/citations';
import { findUnknownNames } from './unknown-names';

export type UnitKind = 'heading' | 'paragraph' | 'item' | 'question' | 'footnote';

/** What a unit states that its translation must state too. */
export interface Item {
  /** What is compared: "country:MAR", "article:32009R0810#25a", "number:10", "date:2023-9-28", "name:rabat". */
  key: string;
  kind: 'entity' | 'number' | 'date' | 'name';
  /** For entities: the reference kind (country, act, article…), which sets how much a difference weighs. */
  refKind?: RefKind;
  /** For entities: what it refers to, to name it in the other version's language. */
  ref?: Pick<EntityRef, 'section' | 'id' | 'article'>;
  /** As the version writes it: messages name entities in the other version's language (compare.ts). */
  written: string;
  start: number;
  end: number;
}

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  /** Where the unit's first line ends: findings about the whole unit are shown there. */
  firstLineEnd: number;
  /** "3" for "3." or "3)" opening a numbered point. */
  point?: string;
  /** For a footnote: its identifier. */
  footnote?: string;
  /** Identifiers of the footnotes it refers to, in order. */
  footnoteRefs: { identifier: string; start: number; end: number }[];
  items: Item[];
  /** Letters in the unit: translations are about proportional in length, which aligns units without items. */
  letters: number;
}

/** Kinds of references compared: acronyms are left out (versions spell things out differently), so are terms and fact phrases. */
const COMPARED_KINDS: ReadonlySet<RefKind> = new Set(['country', 'act', 'article', 'body', 'instrument', 'group', 'place']);
/**
 * "EU" is named in almost every paragraph, written out or not as each language prefers ("EU
 * Member States" / "lidstaten"): comparing it would only raise false alarms.
 */
const NOT_COMPARED_IDS: ReadonlySet<string> = new Set(['EUR']);

/** A list marker that opens a line: "- ", "* ", "+ ", "1. ", "2) ". */
const LIST_MARKER = /(?:^|\n)[ \t>]*(?:([-*+])|(\d{1,3})[.)])[ \t]+$/;
/** A numbered paragraph outside a Markdown list: "3. The Presidency …" escaped as "3\. …". */
const NUMBERED_PARAGRAPH = /^(\d{1,3})\\?[.)][ \t]/;
/** The word for minister in the EU languages, to tell the questions to ministers from other list items. */
const MINISTER = /(?<![\p{L}])(?:minist|miniszt|υπουργ|министр)/iu;

export function readUnits(analysis: DraftAnalysis): { body: Unit[]; footnotes: Unit[] } {
  const { draft } = analysis;
  const text = draft.text;
  const all = statedItems(analysis);
  const body: Unit[] = [];
  const footnotes = new Map<string, Unit>();
  const definitions = draft.footnoteDefinitions;
  let i = 0; let f = 0;
  const blocks = [...draft.blocks].sort((a, b) => a.start - b.start);
  for (const block of blocks) {
    // Items and blocks are sorted by start and blocks do not overlap: one pass over both.
    while (i < all.length && all[i].start < block.start) i++;
    const items: Item[] = [];
    for (; i < all.length && all[i].start < block.end; i++) items.push(all[i]);
    const footnoteRefs = draft.footnoteReferences.filter((ref) => ref.start >= block.start && ref.end <= block.end).map(({ identifier, start, end }) => ({ identifier, start, end }));
    const lineEnd = text.indexOf('\n', block.start);
    const unit: Unit = {
      kind: 'paragraph', start: block.start, end: block.end, firstLineEnd: lineEnd < 0 || lineEnd > block.end ? block.end : lineEnd,
      footnoteRefs, items, letters: countLetters(draft.prose, block.start, block.end),
    };
    while (f < definitions.length && definitions[f].end <= block.start) f++;
    const definition = definitions[f] && definitions[f].start <= block.start ? definitions[f] : undefined;
    if (definition) {
      // A footnote of several paragraphs is one unit.
      const known = footnotes.get(definition.identifier);
      if (known) mergeInto(known, unit);
      else footnotes.set(definition.identifier, { ...unit, kind: 'footnote', footnote: definition.identifier, start: definition.start });
      continue;
    }
    const before = text.slice(Math.max(0, block.start - 40), block.start);
    const marker = LIST_MARKER.exec(before);
    const numbered = marker?.[2] ?? NUMBERED_PARAGRAPH.exec(text.slice(block.start, block.start + 6))?.[1];
    if (numbered) unit.point = numbered;
    const blockText = draft.prose.slice(block.start, block.end).trim();
    if (block.kind === 'heading') unit.kind = 'heading';
    // A question to ministers: a point that asks ("…?") or a list item that invites the ministers.
    else if (/[?？]$/.test(blockText) || (marker && MINISTER.test(blockText))) unit.kind = 'question';
    else if (marker) unit.kind = 'item';
    body.push(unit);
  }
  return { body, footnotes: [...footnotes.values()] };
}

/** Everything the draft states that is compared, sorted by start. */
function statedItems(analysis: DraftAnalysis): Item[] {
  const text = analysis.text;
  const items: Item[] = [];
  for (const ref of entityRefs(analysis)) {
    if (!COMPARED_KINDS.has(ref.kind) || NOT_COMPARED_IDS.has(ref.id) || !writtenAsName(analysis, ref)) continue;
    items.push({
      key: ref.article !== undefined ? `article:${ref.id}#${ref.article}` : `${ref.kind}:${ref.id}`, kind: 'entity', refKind: ref.kind,
      ref: { section: ref.section, id: ref.id, article: ref.article }, written: text.slice(ref.start, ref.end), start: ref.start, end: ref.end,
    });
  }
  // Acts the model does not know are compared by their number, which every language writes alike.
  const unknownActKey = (citation: Citation) => `act:${citation.family}:${citation.year}/${citation.number}`;
  for (const citation of analysis.citations) {
    if (resolveCitation(analysis.model, citation).act) continue;
    const written = text.slice(citation.start, citation.end);
    items.push({ key: unknownActKey(citation), kind: 'entity', refKind: 'act', written, start: citation.start, end: citation.end });
  }
  for (const reference of analysis.articleReferences) {
    if (reference.act.kind !== 'citation') continue;
    const citation = reference.act.citation;
    if (resolveCitation(analysis.model, citation).act) continue;
    reference.articles.forEach((article, n) => {
      const start = n === 0 ? reference.start : article.start;
      items.push({ key: `article:${unknownActKey(citation).slice(4)}#${article.id}`, kind: 'entity', refKind: 'article', written: text.slice(start, article.end), start, end: article.end });
    });
  }
  for (const number of findNumbers(analysis)) items.push({ key: `number:${number.value}`, kind: 'number', written: number.text, start: number.start, end: number.end });
  for (const date of analysis.dates) {
    const written = text.slice(date.start, date.end);
    items.push({ key: `date:${date.year ?? '?'}-${date.month}-${date.day}`, kind: 'date', written, start: date.start, end: date.end });
  }
  for (const name of findUnknownNames(analysis)) items.push({ key: `name:${name.key}`, kind: 'name', written: name.text, start: name.start, end: name.end });
  return items.sort((a, b) => a.start - b.start);
}

function mergeInto(unit: Unit, more: Unit): void {
  unit.end = more.end;
  unit.items.push(...more.items);
  unit.footnoteRefs.push(...more.footnoteRefs);
  unit.letters += more.letters;
}

function countLetters(prose: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = prose.charCodeAt(i);
    // Letters and digits of any script; spaces, punctuation and the barrier are not counted.
    if (code > 47 && (code < 58 || code > 64) && code !== 0x2019) count++;
  }
  return count;
}

/**
 * Whether a name is written with its label's capitals: matching ignores case, so "remind us"
 * matches "US". Citations and articles have no label here and always count.
 */
function writtenAsName(analysis: DraftAnalysis, ref: EntityRef): boolean {
  const match = analysis.entityAt(ref.start);
  if (!match || match.end !== ref.end) return true;
  const written = analysis.prose.slice(ref.start, ref.end);
  const labels = match.values.filter((label) => label.id === ref.id && label.lang === analysis.language.code);
  // Only names written in capitals ("US", "UK") are kept apart from words ("us"): other labels'
  // capitals vary between drafts ("talent partnerships", "Talent Partnerships").
  const capitalsOnly = labels.filter((label) => label.text === label.text.toUpperCase() && label.text !== label.text.toLowerCase());
  return capitalsOnly.length === 0 || labels.some((label) => casingFits(written, label.text));
}
