/**
 * What a draft mentions, resolved to model entities: names (countries, bodies, instruments,
 * groups, places, act short titles, terms), act citations, articles of acts and acronyms, each
 * with its offsets. The editor features (hover, definition, references, semantic tokens, the
 * References view) all start from these. LSP-free.
 */
import type { SectionName } from '../../../../schemas/policy-model';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { resolveCitation } from '../analysis/acts';
import type { Label, LabelKind } from '../model/policy-index';

export type RefKind = 'country' | 'act' | 'article' | 'body' | 'instrument' | 'acronym' | 'group' | 'place' | 'term' | 'fact-kind';

export interface EntityRef {
  kind: RefKind;
  section: SectionName;
  id: string;
  start: number;
  end: number;
  /** For articles: the article id ("25a"); `id` is the act's. */
  article?: string;
  /** A deprecated or former name, or a deprecated term. */
  deprecated?: boolean;
  /** An acronym use that spells the acronym out ("… (EUAA)"). */
  definition?: boolean;
}

const KIND_OF_LABEL: Record<LabelKind, { kind: RefKind; section: SectionName }> = {
  'country': { kind: 'country', section: 'countries' },
  'country-deprecated': { kind: 'country', section: 'countries' },
  'place': { kind: 'place', section: 'places' },
  'body': { kind: 'body', section: 'bodies' },
  'body-former': { kind: 'body', section: 'bodies' },
  'instrument': { kind: 'instrument', section: 'instruments' },
  'group': { kind: 'group', section: 'groups' },
  'act-title': { kind: 'act', section: 'acts' },
  'acronym': { kind: 'acronym', section: 'acronyms' },
  'acronym-expansion': { kind: 'acronym', section: 'acronyms' },
  'acronym-deprecated-expansion': { kind: 'acronym', section: 'acronyms' },
  'term': { kind: 'term', section: 'terminology' },
  'fact-phrase': { kind: 'fact-kind', section: 'factKinds' },
};

/** Which label names a span when several do ("Frontex" is a body and an acronym). */
const LABEL_PRIORITY: LabelKind[] = ['country', 'body', 'instrument', 'act-title', 'group', 'acronym', 'place', 'acronym-expansion',
  'country-deprecated', 'body-former', 'acronym-deprecated-expansion', 'term', 'fact-phrase'];

export function refKey(ref: Pick<EntityRef, 'section' | 'id' | 'article'>): string {
  return ref.article !== undefined ? `${ref.section}:${ref.id}#${ref.article}` : `${ref.section}:${ref.id}`;
}

/** The label a span is read as in the draft's language, if any. */
export function primaryLabel(labels: readonly Label[]): Label | undefined {
  for (const kind of LABEL_PRIORITY) {
    const label = labels.find((l) => l.kind === kind && (kind !== 'term' || l.status !== undefined));
    if (label) return label;
  }
  return undefined;
}

const refCache = new WeakMap<DraftAnalysis, EntityRef[]>();

/**
 * Every entity the draft mentions, sorted by start. Spans may nest: an article reference holds
 * its act's title or citation. Only names in the draft's language count, so an English
 * "island" is not read as the German name of Iceland.
 */
export function entityRefs(analysis: DraftAnalysis): EntityRef[] {
  const cached = refCache.get(analysis);
  if (cached) return cached;
  const refs: EntityRef[] = [];
  const model = analysis.model;
  const acronymStarts = new Set<number>();
  const forms = model.acronymsByForm(analysis.language.code);
  for (const use of analysis.acronymUses) {
    const acronym = forms.get(use.acronym)?.[0];
    if (!acronym) continue;
    acronymStarts.add(use.start);
    refs.push({ kind: 'acronym', section: 'acronyms', id: acronym.id, start: use.start, end: use.end, definition: use.definition !== undefined });
  }
  // Names inside a citation ("(EU)" in "Regulation (EU) 2019/1896") are part of the citation.
  const citations = analysis.citations;
  let c = 0;
  for (const match of analysis.entities) {
    while (c < citations.length && citations[c].end <= match.start) c++;
    if (c < citations.length && citations[c].start <= match.start && match.end <= citations[c].end) continue;
    const label = primaryLabel(analysis.labelsInLanguage(match));
    if (!label) continue;
    const { kind, section } = KIND_OF_LABEL[label.kind];
    if (kind === 'acronym' && label.kind === 'acronym' && acronymStarts.has(match.start)) continue;
    const deprecated = label.kind === 'country-deprecated' || label.kind === 'body-former' || label.kind === 'acronym-deprecated-expansion'
      || (label.kind === 'term' && (label.status === 'deprecated' || label.status === 'obsolete'));
    refs.push({ kind, section, id: label.id, start: match.start, end: match.end, ...(deprecated ? { deprecated } : {}) });
  }
  for (const citation of analysis.citations) {
    const { act } = resolveCitation(model, citation);
    if (act) refs.push({ kind: 'act', section: 'acts', id: act.id, start: citation.start, end: citation.end });
  }
  for (const reference of analysis.articleReferences) {
    const actId = reference.act.kind === 'title' ? reference.act.actId : resolveCitation(model, reference.act.citation).act?.id;
    if (!actId) continue;
    reference.articles.forEach((article, i) => {
      // The first article carries the word: hovering "Article" shows the article too.
      refs.push({ kind: 'article', section: 'acts', id: actId, article: article.id, start: i === 0 ? reference.start : article.start, end: article.end });
    });
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  refCache.set(analysis, refs);
  return refs;
}

/** The narrowest entity at an offset (a cursor right after a name still points at it). */
export function refAt(analysis: DraftAnalysis, offset: number): EntityRef | undefined {
  let best: EntityRef | undefined;
  let bestScore = Infinity;
  for (const ref of entityRefs(analysis)) {
    if (ref.start > offset) break;
    if (offset > ref.end) continue;
    // Strictly inside beats touching the end; then the narrower span wins.
    const score = (offset < ref.end ? 0 : 1_000_000) + (ref.end - ref.start);
    if (score < bestScore) { best = ref; bestScore = score; }
  }
  return best;
}

/**
 * Spans that do not overlap, for colouring: where spans nest, the inner one wins and the outer
 * one keeps the parts around it ("Article 25a of the Visa Code" → article, act).
 */
export function flatRefs(analysis: DraftAnalysis): EntityRef[] {
  const refs = entityRefs(analysis).filter((ref) => ref.kind !== 'term' && ref.kind !== 'fact-kind');
  const out: EntityRef[] = [];
  // Narrow spans first claim their text; wider ones fill what is left.
  const byWidth = [...refs].sort((a, b) => (a.end - a.start) - (b.end - b.start) || a.start - b.start);
  const claimed: { start: number; end: number }[] = [];
  for (const ref of byWidth) {
    let pieces = [{ start: ref.start, end: ref.end }];
    for (const taken of claimed) {
      pieces = pieces.flatMap((piece) => {
        if (taken.end <= piece.start || taken.start >= piece.end) return [piece];
        return [{ start: piece.start, end: taken.start }, { start: taken.end, end: piece.end }].filter((p) => p.end > p.start);
      });
    }
    for (const piece of pieces) {
      const text = analysis.prose.slice(piece.start, piece.end);
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      if (piece.end - trail > piece.start + lead) out.push({ ...ref, start: piece.start + lead, end: piece.end - trail });
    }
    claimed.push({ start: ref.start, end: ref.end });
  }
  return out.sort((a, b) => a.start - b.start);
}
