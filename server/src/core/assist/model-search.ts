/**
 * Model entities matching a query, for workspace symbols: any name in any language, or the id.
 * LSP-free.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { SectionName } from '../../../../schemas/policy-model';
import type { PolicyIndex } from '../model/policy-index';
import { foldDiacritics } from '../text/normalize';
import { entityDetail, entityName } from './cards';

export interface ModelSymbol { section: SectionName; id: string; name: string; detail: string }

export const SEARCHED_SECTIONS: readonly SectionName[] = ['countries', 'acts', 'bodies', 'instruments', 'acronyms', 'groups', 'places', 'terminology', 'factKinds'];

const fold = (text: string) => foldDiacritics(text.toLowerCase());

/** Every text an entity is known by, folded for matching. */
function searchTexts(model: PolicyIndex): Map<string, string[]> {
  return model.memo('assist:search-texts', () => {
    const texts = new Map<string, string[]>();
    const collect = (value: unknown, out: string[], key?: string) => {
      if (typeof value === 'string') { if (key !== 'source' && key !== 'note' && key !== 'reason' && key !== 'since') out.push(fold(value)); return; }
      if (Array.isArray(value)) { for (const item of value) collect(item, out, key); return; }
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (['names', 'short', 'formal', 'variants', 'labels', 'forms', 'expansions', 'titles', 'full', 'terms', 'text', 'acronyms', 'description', 'name'].includes(k) || /^[a-z]{2}$/.test(k)) collect(v, out, k);
    };
    for (const section of SEARCHED_SECTIONS) {
      for (const [id, entity] of model.merged.sections[section]) {
        const out = [fold(id)];
        collect(entity, out);
        texts.set(`${section}:${id}`, [...new Set(out)]);
      }
    }
    return texts;
  });
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; i < needle.length && j < haystack.length; j++) if (needle[i] === haystack[j]) i++;
  return i === needle.length;
}

/** Entities whose names match the query (prefix, then word start, then substring, then fuzzy), best first. */
export function searchModel(model: PolicyIndex, language: LanguageData, query: string, limit = 200): ModelSymbol[] {
  const q = fold(query.trim());
  const texts = searchTexts(model);
  const scored: { score: number; section: SectionName; id: string; name: string }[] = [];
  for (const section of SEARCHED_SECTIONS) {
    for (const id of model.merged.sections[section].keys()) {
      let score = q === '' ? 3 : Infinity;
      if (q !== '') {
        for (const text of texts.get(`${section}:${id}`) ?? []) {
          const at = text.indexOf(q);
          const s = text === q ? -1 : at === 0 ? 0 : at > 0 && !/[\p{L}\p{N}]/u.test(text[at - 1]) ? 1 : at > 0 ? 2 : isSubsequence(q, text) ? 3 : Infinity;
          if (s < score) score = s;
          if (score === -1) break;
        }
      }
      if (score === Infinity) continue;
      scored.push({ score, section, id, name: entityName(model, section, id, language) });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map(({ section, id, name }) => ({ section, id, name, detail: entityDetail(model, language, section, id) }));
}
