/**
 * Everything the rules share about one draft, computed at most once per check: the parsed
 * Markdown, the language, the entity matches and the citations. Rules ask for what they need;
 * a rule that is switched off costs nothing.
 */
import type { LanguageData } from '../../../../schemas/language';
import { leftmostLongest, type SpanMatch } from '../match/automaton';
import type { ParsedDraft, Span } from '../markdown/parse';
import type { Label, PolicyIndex } from '../model/policy-index';
import type { LanguageRegistry } from '../language/registry';
import type { LanguageSource } from '../check';
import { LineIndex } from '../text/positions';
import { findArticleReferences, findCitations, moveCitation, type ArticleReference, type Citation } from './citations';
import { findDates, moveDate, type DateMention } from './dates';
import { combineAcronymUses, findAcronymUses, type AcronymUse } from './acronyms';
import { documentDate, type DocumentDate } from './document-date';
import { escapeRegExp } from '../text/regex';
import { readLetterheads, type Letterhead } from './letterhead';
import { blockRuns, runDraft, type BlockCache, type BlockEntry } from './block-cache';

export class DraftAnalysis {
  readonly lines: LineIndex;
  private entityCache?: SpanMatch<Label>[];
  private citationCache?: Citation[];
  private articleCache?: ArticleReference[];
  private dateCache?: DateMention[];
  private acronymCache?: AcronymUse[];
  private letterheadCache?: Letterhead[];
  private footnoteSpanCache?: { start: number; end: number; countryId: string }[];
  private dateOfDocument?: DocumentDate | null;
  private readonly ruleScans = new Map<string, readonly Span[]>();

  constructor(
    readonly draft: ParsedDraft,
    readonly language: LanguageData,
    readonly languages: LanguageRegistry,
    readonly model: PolicyIndex,
    /** An editor's cache of this document's blocks: names are scanned only in changed blocks. */
    private readonly blockCache?: BlockCache,
    /** Where the language was taken from: the setting, the front matter or detection. */
    readonly languageSource: LanguageSource = 'detected',
  ) {
    this.lines = new LineIndex(draft.text);
  }

  get text(): string { return this.draft.text; }
  get prose(): string { return this.draft.prose; }

  /** Known names found in the prose (leftmost-longest), with every label each span matches. */
  get entities(): SpanMatch<Label>[] {
    return this.entityCache ??= this.byBlock('entities', (prose) => leftmostLongest(this.model.labels.scan(prose)), (match, by) => ({ ...match, start: match.start + by, end: match.end + by }));
  }

  /** What the scans already found in this text (a block's, from the cache): not scanned again. */
  useScans(found: BlockEntry): this {
    this.entityCache ??= found.entities;
    this.citationCache ??= found.citations;
    this.dateCache ??= found.dates;
    return this;
  }

  /**
   * A scan of the whole prose, run of blocks by run with an editor's cache: each run's result
   * comes from the cache when its text is unchanged. All prose lies in blocks and no scan crosses the
   * barrier between them (see block-check.ts), so the result is the same.
   */
  private byBlock<K extends 'entities' | 'citations' | 'dates', T extends NonNullable<BlockEntry[K]>[number]>(
    name: K, scan: (prose: string) => T[], move: (found: T, by: number) => T,
  ): T[] {
    const { prose } = this.draft;
    if (!this.blockCache) return scan(prose);
    const all: T[] = [];
    for (const run of blockRuns(this.draft)) {
      const entry = this.blockCache.entry(run.key, this.language, this.model);
      const found = (entry[name] ??= scan(prose.slice(run.start, run.end)) as BlockEntry[K]) as T[];
      for (const item of found) all.push(move(item, run.start));
    }
    return all;
  }

  /**
   * A rule's own scan of the prose (a summary its check combines, such as the numbers a draft
   * states), once per analysis, and with an editor's cache run of blocks by run: a keystroke
   * scans its run again only. The scan must not look across the barrier between blocks (see
   * byBlock); its results' offsets are moved to where each run stands.
   */
  scanByRun<T extends Span>(name: string, scan: (prose: string) => T[]): readonly T[] {
    const known = this.ruleScans.get(name);
    if (known) return known as readonly T[];
    let all: T[];
    if (!this.blockCache) all = scan(this.prose);
    else {
      all = [];
      for (const run of blockRuns(this.draft)) {
        const scans = (this.blockCache.entry(run.key, this.language, this.model).scans ??= new Map());
        let found = scans.get(name) as readonly T[] | undefined;
        if (!found) scans.set(name, found = scan(this.prose.slice(run.start, run.end)));
        for (const item of found) all.push({ ...item, start: item.start + run.start, end: item.end + run.start });
      }
    }
    this.ruleScans.set(name, all);
    return all;
  }

  get citations(): Citation[] {
    return this.citationCache ??= this.byBlock('citations', (prose) => findCitations(prose, this.language, this.languages), moveCitation);
  }

  get articleReferences(): ArticleReference[] {
    return this.articleCache ??= findArticleReferences(this);
  }

  get dates(): DateMention[] {
    return this.dateCache ??= this.byBlock('dates', (prose) => findDates(prose, this.language), moveDate);
  }

  /** The Council letterheads: at the draft's start and after each page break (letterhead.ts). */
  get letterheads(): Letterhead[] {
    return this.letterheadCache ??= readLetterheads(this.draft, this.language);
  }

  /** With an editor's cache, found run of blocks by run: a keystroke looks again only at its own run. */
  get acronymUses(): AcronymUse[] {
    if (this.acronymCache) return this.acronymCache;
    const cache = this.blockCache;
    if (!cache) return this.acronymCache = findAcronymUses(this);
    // The runs' entries get their names and citations first, so that each run's analysis reuses them.
    void this.entities;
    void this.citations;
    const byRun = blockRuns(this.draft).map((run) => {
      const entry = cache.entry(run.key, this.language, this.model);
      entry.acronyms ??= findAcronymUses(new DraftAnalysis(runDraft(this.draft, run), this.language, this.languages, this.model).useScans(entry), []);
      return { start: run.start, uses: entry.acronyms };
    });
    return this.acronymCache = combineAcronymUses(this, byRun);
  }

  /** When the draft was written (front matter `date:` or the letterhead's date line); undefined: today. */
  get documentDate(): DocumentDate | undefined {
    if (this.dateOfDocument === undefined) this.dateOfDocument = documentDate(this.draft, this.letterheads) ?? null;
    return this.dateOfDocument ?? undefined;
  }

  /**
   * Where designation footnotes (Kosovo*) stand in the prose, per country: the model's footnote
   * text in the draft's language, and, in every language, any block holding the footnote's key
   * as a number ("1244": the Council writes "UNSCR 1244/1999", "UNSCR 1244/99", "1244 (1999)").
   */
  get designationFootnoteSpans(): { start: number; end: number; countryId: string }[] {
    if (!this.footnoteSpanCache) {
      const spans: { start: number; end: number; countryId: string }[] = [];
      const { prose } = this.draft;
      for (const country of this.model.designatedCountries()) {
        const text = country.designationFootnote?.[this.language.code];
        if (text) for (const span of textOccurrences(prose, text)) spans.push({ ...span, countryId: country.id });
        const key = country.designationFootnoteKey;
        if (key) {
          const keyPattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(key)}(?![\\p{L}\\p{N}])`, 'u');
          for (const block of this.draft.blocks) if (keyPattern.test(prose.slice(block.start, block.end))) spans.push({ start: block.start, end: block.end, countryId: country.id });
        }
      }
      this.footnoteSpanCache = spans;
    }
    return this.footnoteSpanCache;
  }

  /** The entity span that starts exactly at an offset, if any. */
  entityAt(offset: number): SpanMatch<Label> | undefined {
    const list = this.entities;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].start === offset) return list[mid];
      if (list[mid].start < offset) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** Labels of a span in the draft's language (falling back to none). */
  labelsInLanguage(match: SpanMatch<Label>): Label[] {
    return match.values.filter((label) => label.lang === this.language.code);
  }
}

/**
 * Where a fixed text stands in the prose, whatever the line breaks and markup between its words:
 * a pattern of its escaped words joined by runs of space, markup or barrier (linear to match).
 */
export function textOccurrences(prose: string, text: string): { start: number; end: number }[] {
  const words = text.split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.join('[\\s\\u0001*_]+'), 'giu');
  return [...prose.matchAll(pattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
