/**
 * What a draft cites, grouped by kind (countries, acts, articles, bodies, instruments, acronyms,
 * groups), with every place it is mentioned: the References view and "find references" start
 * here. LSP-free.
 */
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { formatArticleId } from '../analysis/acts';
import { entityName } from './cards';
import { entityRefs, refKey, type EntityRef, type RefKind } from './entity-refs';

export type ReferenceKind = Extract<RefKind, 'country' | 'act' | 'article' | 'body' | 'instrument' | 'acronym' | 'group'>;
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['country', 'act', 'article', 'body', 'instrument', 'acronym', 'group'];

export interface ReferencedEntry {
  kind: ReferenceKind;
  /** The entity id; for articles `<act id>#<article id>` (e.g. "32009R0810#25a"). */
  id: string;
  label: string;
  spans: { start: number; end: number }[];
}

export interface ReferenceGroup { kind: ReferenceKind; entries: ReferencedEntry[] }

/** A reference's label in the draft's language: "Tunisia", "Visa Code", "Article 25a — Visa Code". */
export function referenceLabel(analysis: DraftAnalysis, ref: Pick<EntityRef, 'section' | 'id' | 'article'>): string {
  const name = entityName(analysis.model, ref.section, ref.id, analysis.language);
  if (ref.article === undefined) return name;
  const word = analysis.language.citation.article[0];
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${formatArticleId(ref.article, analysis.language)} — ${name}`;
}

export function referencesByKind(analysis: DraftAnalysis): ReferenceGroup[] {
  const entries = new Map<string, ReferencedEntry>();
  for (const ref of entityRefs(analysis)) {
    if (!(REFERENCE_KINDS as readonly string[]).includes(ref.kind)) continue;
    const key = refKey(ref);
    let entry = entries.get(key);
    if (!entry) {
      entry = { kind: ref.kind as ReferenceKind, id: ref.article !== undefined ? `${ref.id}#${ref.article}` : ref.id, label: referenceLabel(analysis, ref), spans: [] };
      entries.set(key, entry);
    }
    entry.spans.push({ start: ref.start, end: ref.end });
  }
  return REFERENCE_KINDS
    .map((kind) => ({ kind, entries: [...entries.values()].filter((entry) => entry.kind === kind) }))
    .filter((group) => group.entries.length > 0);
}
