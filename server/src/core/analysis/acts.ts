/** Resolving citations to acts of the model, and writing acts and articles the way a language does. */
import type { LanguageData } from '../../../../schemas/language';
import type { Act, LanguageCode } from '../../../../schemas/policy-model';
import type { PolicyIndex } from '../model/policy-index';
import { familyOf, type Citation, type CitedType } from './citations';

/** The first year of the single "(EU) YYYY/N" numbering of all acts. */
export const UNIFIED_NUMBERING_YEAR = 2015;

export interface ActResolution { act?: Act; sameNumberOtherType?: Act }

export function resolveCitation(model: PolicyIndex, citation: Citation): ActResolution {
  const candidates = model.actsNumbered(citation.year, citation.number);
  const act = candidates.find((candidate) => familyOf(candidate.type) === citation.family);
  if (act) return { act };
  // Before 2015 regulations had a number series of their own: "Decision 2014/269/CFSP" and
  // "Regulation (EU) No 269/2014" are two acts. Since 2015 one number names one act.
  return citation.year >= UNIFIED_NUMBERING_YEAR ? { sameNumberOtherType: candidates[0] } : {};
}

/** "Regulation (EC) No 810/2009", "Verordening (EU) 2019/1155", "Directive 2013/32/EU"; a treaty by its short title. */
export function formatAct(act: Act, language: LanguageData): string {
  if (act.number === undefined || familyOf(act.type) === 'treaty') return actTitle(act, language.code) ?? act.id;
  const types = language.citation.actTypes;
  const words = types[act.type as CitedType] ?? types[familyOf(act.type) as 'regulation'];
  const typeWord = capitalise(words?.[0] ?? act.type);
  const domain = language.citation.domains[act.domain];
  if (act.year >= UNIFIED_NUMBERING_YEAR) return `${typeWord} (${domain}) ${act.year}/${act.number}`;
  if (familyOf(act.type) === 'regulation') return `${typeWord} (${domain}) ${language.citation.numberMarker[0]} ${act.number}/${act.year}`;
  return `${typeWord} ${act.year}/${act.number}/${domain}`;
}

function actTitle(act: Act, code: LanguageCode): string | undefined {
  return act.titles?.[code]?.short?.[0] ?? act.titles?.en?.short?.[0];
}

/** The act's short title in the language if it has one, else its citation. */
export function actName(act: Act, language: LanguageData): string {
  return act.titles?.[language.code]?.short?.[0] ?? formatAct(act, language);
}

/** CELEX sector-3 document letters: R regulation, L directive, D decision, F framework decision, H recommendation. */
const CELEX_LETTER: Record<CitedType, string> = {
  regulation: 'R', 'implementing-regulation': 'R', 'delegated-regulation': 'R',
  directive: 'L',
  decision: 'D', 'implementing-decision': 'D', 'framework-decision': 'F',
  recommendation: 'H',
};

/** ELI document types, where the citation's type word says exactly which. */
const ELI_TYPE: Partial<Record<CitedType, string>> = {
  regulation: 'reg', 'implementing-regulation': 'reg_impl', 'delegated-regulation': 'reg_del',
  directive: 'dir', decision: 'dec', 'implementing-decision': 'dec_impl',
};

export interface EurLexReference { celex: string; eli?: string; url: string }

/**
 * Where a cited act is on EUR-Lex, computed from its citation: CELEX 3 + year + letter + number
 * in four digits (Regulation (EU) 2022/1369 → 32022R1369). The link is the CELEX page in the
 * draft's language: it is right for every type word, also where the draft says "Decision" for an
 * implementing decision (whose ELI is dec_impl, not dec).
 */
export function eurLexReference(citation: Pick<Citation, 'type' | 'year' | 'number'>, language: LanguageCode): EurLexReference {
  const celex = `3${citation.year}${CELEX_LETTER[citation.type]}${String(citation.number).padStart(4, '0')}`;
  const eliType = ELI_TYPE[citation.type];
  return {
    celex,
    eli: eliType && `http://data.europa.eu/eli/${eliType}/${citation.year}/${citation.number}/oj`,
    url: `https://eur-lex.europa.eu/legal-content/${language.toUpperCase()}/TXT/?uri=CELEX:${celex}`,
  };
}

/** "25a" → "25a" (letters) or "25 bis" (latin), as the language writes inserted articles. */
export function formatArticleId(id: string, language: LanguageData): string {
  const match = /^(\d+)([a-z]*)$/.exec(id);
  if (!match || !match[2] || language.citation.articleSuffix === 'letters') return id;
  const latin = language.citation.latinSuffixes ?? [];
  const index = match[2].charCodeAt(0) - 97;
  return match[2].length === 1 && latin[index] ? `${match[1]} ${latin[index]}` : id;
}

export interface ArticleCheck { exists: boolean; known: boolean; repealedBy?: string }

/** Whether an act has an article, as far as the model records its structure. */
export function checkArticle(act: Act, id: string): ArticleCheck {
  const articles = act.articles;
  if (!articles) return { exists: true, known: false };
  const repealed = articles.repealed?.find((r) => r.article === id);
  if (repealed) return { exists: false, known: true, repealedBy: repealed.by ?? '' };
  if (articles.inserted?.some((inserted) => inserted.article === id)) return { exists: true, known: true };
  const plain = /^\d+$/.test(id) ? Number(id) : undefined;
  return { exists: plain !== undefined && plain >= articles.range[0] && plain <= articles.range[1], known: true };
}

/** ["1–58", "25a", "51a"]: the act's original range and its inserted articles, as the language writes them. */
export function articleParts(act: Act, language: LanguageData): string[] {
  const articles = act.articles;
  if (!articles) return [];
  return [`${articles.range[0]}–${articles.range[1]}`, ...(articles.inserted ?? []).map((a) => formatArticleId(a.article, language))];
}

/** "1–58, 25a and 51a": what an act has, for hover cards. */
export function describeArticles(act: Act, language: LanguageData): string {
  const parts = articleParts(act, language);
  if (parts.length === 0) return '';
  const and = language.listConjunctions[0] ?? 'and';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

function capitalise(word: string): string { return word.charAt(0).toUpperCase() + word.slice(1); }
