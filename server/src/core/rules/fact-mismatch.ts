import type { Rule, RuleContext } from '../rule';
import { say } from '../messages/message';
import { factAdditions } from '../assist/model-addition';
import type { FactKind } from '../../../../schemas/policy-model';
import { countryOf, leadingArticleLength } from '../analysis/enumerations';
import { escapeRegExp } from '../text/regex';

const ITEM_SEPARATOR = /^\s*[,;]\s*/;
/**
 * How far after a fact phrase, in the same sentence, a paraphrase may put its first dated claim:
 * "proposals for visa measures, tabled under Article 25a, concerned Bangladesh (2021) …".
 */
const CLAIM_WINDOW = 160;
const SENTENCE_END = /[.!?](?:\s|$)|\u0001|\n\s*\n/;
const DATED = /^\s*\(\d{4}\b/;

interface Claim { countryId: string; countryText: string; year: number; start: number; end: number }

/**
 * Dated claims the model contradicts. A fact kind's phrase ("proposals for such measures were
 * submitted for", "De Raad heeft formele besluiten aangenomen in het geval van") introduces
 * "Country (year[, year])" claims, each checked against the facts of that kind; kinds the model
 * records exhaustively also flag claims it has no fact for. The claims follow the phrase at once,
 * or, in other words, later in the same sentence: then the list starts at the first country
 * with a year in brackets. Facts and phrases are model data. Only claims of a country and a
 * year are read: meetings and conferences (dates, places) are not checked.
 */
export const factMismatch: Rule = {
  id: 'fact-mismatch',
  description: 'A dated claim that the policy model contradicts (a proposal or decision dated to the wrong year).',
  defaultSeverity: 'error',
  fixes: {
    // The model's value instead: the drafter checks which is right.
    suggestion: { title: (c) => say('fix.replace-with', { new: { quote: c.new } }), safety: 'unsafe', fromSuggestions: true },
  },
  // The claim as a dated fact of its kind.
  modelAddition: { sections: ['facts'], additions: factAdditions },
  scope: 'block',
  check(context) {
    const { analysis } = context;
    for (const match of analysis.entities) {
      const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'fact-phrase');
      const kind = label && analysis.model.factKinds.get(label.id);
      if (!kind) continue;
      for (const claim of claimsAfter(context, match.end)) checkClaim(context, kind, claim);
    }
  },
};

/** The claims a phrase introduces: right after it, or from the first dated country later in its sentence. */
function claimsAfter(context: RuleContext, from: number): Claim[] {
  const direct = readClaims(context, from);
  if (direct.countries > 0) return direct.claims;
  const { analysis } = context;
  const window = analysis.prose.slice(from, from + CLAIM_WINDOW);
  const stop = window.search(SENTENCE_END);
  const end = from + (stop >= 0 ? stop : window.length);
  const { entities } = analysis;
  // Entities are in text order: a binary search to the first after the phrase, then only the window.
  let low = 0;
  for (let high = entities.length; low < high;) { const mid = (low + high) >> 1; if (entities[mid].start > from) high = mid; else low = mid + 1; }
  for (let i = low; i < entities.length && entities[i].start < end; i++) {
    if (countryOf(entities[i]) && DATED.test(analysis.prose.slice(entities[i].end, entities[i].end + 12))) return readClaims(context, entities[i].start).claims;
  }
  return [];
}

/** "Bangladesh (2021), Irak (2021), Gambia (2021 en 2022) en Senegal (2022)" from `from`; `countries` counts the countries read, dated or not. */
function readClaims({ analysis }: RuleContext, from: number): { claims: Claim[]; countries: number } {
  const { prose } = analysis;
  const conjunctions = analysis.language.listConjunctions.map(escapeRegExp).join('|');
  const joiner = new RegExp(`^\\s*,?\\s*(?:${conjunctions})\\s+`, 'iu');
  const years = new RegExp(`^\\s*\\((\\d{4}(?:\\s*(?:,|${conjunctions})\\s*\\d{4})*)\\)`, 'iu');
  const claims: Claim[] = [];
  let countries = 0;
  let cursor = from;
  for (;;) {
    let at = cursor + /^\s*/.exec(prose.slice(cursor, cursor + 50))![0].length;
    const article = leadingArticleLength(analysis, prose.slice(at, at + 10));
    if (article && countryOf(analysis.entityAt(at + article))) at += article;
    const entity = analysis.entityAt(at);
    const countryId = countryOf(entity);
    if (!entity || !countryId) break;
    countries++;
    cursor = entity.end;
    const dated = years.exec(prose.slice(cursor, cursor + 60));
    if (dated) {
      const yearsStart = cursor + dated[0].indexOf(dated[1]);
      for (const year of dated[1].matchAll(/\d{4}/g)) {
        claims.push({ countryId, countryText: prose.slice(at, entity.end), year: Number(year[0]), start: yearsStart + year.index!, end: yearsStart + year.index! + 4 });
      }
      cursor += dated[0].length;
    }
    const separator = ITEM_SEPARATOR.exec(prose.slice(cursor, cursor + 40)) ?? joiner.exec(prose.slice(cursor, cursor + 40));
    if (!separator) break;
    cursor += separator[0].length;
  }
  return { claims, countries };
}

function checkClaim({ analysis, language, report }: RuleContext, kind: FactKind, claim: Claim): void {
  const facts = analysis.model.factsAbout(kind.id, claim.countryId);
  const years = [...new Set(facts.map((fact) => fact.year ?? Number(fact.date?.slice(0, 4))).filter((year) => !Number.isNaN(year)))].sort();
  if (years.includes(claim.year)) return;
  if (years.length === 0 && !kind.exhaustive) return;
  const country = { country: claim.countryId };
  const what = { factKind: kind.id };
  report({
    start: claim.start,
    end: claim.end,
    message: years.length > 0
      ? say('fact-mismatch.other-years', { country, years: { list: years.map(String), join: 'and' }, year: claim.year, kind: what })
      : say('fact-mismatch.no-fact', { country, kind: what }),
    suggestions: years.length === 1 ? [String(years[0])] : undefined,
  });
}
