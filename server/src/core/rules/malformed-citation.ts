import { say } from '../messages/message';
import type { Rule, RuleContext } from '../rule';
import { UNIFIED_NUMBERING_YEAR, formatAct, formatArticleId, resolveCitation } from '../analysis/acts';
import type { Citation, DomainCode } from '../analysis/citations';

/**
 * A citation's form against the citation rules: since 2015 "(EU) 2019/1155" and "(CFSP) 2019/797"
 * (no "No", year first, the domain in brackets before the number); before 2015 regulations
 * "(EC) No 810/2009" and directives and decisions "2013/32/EU", "2014/512/CFSP". The domain must
 * fit the year, and be written as the draft's language writes it ((EG), PESC, WPZiB…), as must
 * the number sign and inserted articles (nr., 25 bis). A number the model knows as an act of
 * another type is named.
 */
export const malformedCitation: Rule = {
  id: 'malformed-citation',
  description: 'An act number, its domain or an article written against the citation rules of the draft\'s language and the act\'s year.',
  defaultSeverity: 'warning',
  fixes: {
    // The citation's form only ("No", the order of number and year, the domain, the suffix): the act cited stays the same.
    form: { title: (c) => (c.new === '' ? say('fix.remove', { old: { quote: c.old } }) : c.old === '' ? say('fix.insert', { new: { quote: c.new } }) : say('fix.write-instead', { old: { quote: c.old }, new: { quote: c.new } })), safety: 'safe' },
    // Another type or domain for the number ("Directive" for a regulation, "(EC)" after 2009): the number may be the wrong part.
    suggestion: { title: (c) => say('fix.replace-with', { new: { quote: c.new } }), safety: 'unsafe', fromSuggestions: true },
  },
  check(context) {
    for (const citation of context.analysis.citations) checkCitation(context, citation);
    checkArticleSuffixes(context);
  },
};

/**
 * The years in which a domain was used. (EEC) ends with the Maastricht Treaty (1 November 1993),
 * (EC) and JHA acts with the Lisbon Treaty (1 December 2009), where (EU) begins: in those two
 * years both are right. CFSP acts exist since Maastricht.
 */
const DOMAIN_YEARS: Record<DomainCode, [number, number]> = {
  EEC: [1950, 1993], EC: [1993, 2009], JHA: [1993, 2009], EU: [2009, 2100], CFSP: [1993, 2100], Euratom: [1950, 2100],
};

/** The domain an act of this year and type had, for a message and a fix: (EEC), (EC) or (EU). */
function domainOfYear(year: number): DomainCode {
  return year < 1993 ? 'EEC' : year < 2009 ? 'EC' : 'EU';
}

function checkCitation(context: RuleContext, citation: Citation): void {
  const { language, report } = context;
  const marker = language.citation.numberMarker[0];
  const { year, number } = citation;
  const domains = language.citation.domains;
  checkType(context, citation);
  // The domain, in brackets "(EG)" or as a suffix "/PESC": as this language writes it, and of its years.
  const written = citation.domain
    ? { text: citation.domain.text, code: citation.domain.code, start: citation.domain.start, end: citation.domain.end }
    : citation.suffix && citation.suffixSpan
      ? { text: citation.suffix, code: citation.suffixCode, start: citation.suffixSpan.start + 1, end: citation.suffixSpan.end }
      : undefined;
  if (written?.code) {
    const expected = domains[written.code];
    const [from, to] = DOMAIN_YEARS[written.code];
    if (year < from || year > to) {
      const right = domains[domainOfYear(year)];
      report({ start: written.start, end: written.end, message: year < from
        ? say('malformed-citation.domain-not-yet', { year, written: { quote: written.text }, from, right: { quote: right } })
        : say('malformed-citation.domain-ended', { year, written: { quote: written.text }, to, right: { quote: right } }), suggestions: [right] });
    } else if (expected !== written.text) {
      report({ start: written.start, end: written.end, message: say('malformed-citation.domain-spelling', { language: { language: language.code }, expected: { quote: expected }, written: { quote: written.text } }), suggestions: [expected], fix: [{ start: written.start, end: written.end, newText: expected }] });
    }
  }
  if (year >= UNIFIED_NUMBERING_YEAR) {
    if (citation.marker) {
      report({ start: citation.marker.start, end: citation.numbers.start, message: say('malformed-citation.no-marker', { since: UNIFIED_NUMBERING_YEAR, marker: { quote: citation.marker.text }, right: { quote: `${year}/${number}` } }), fix: [{ start: citation.marker.start, end: citation.numbers.start, newText: '' }] });
    }
    if (citation.order === 'number/year') {
      report({ start: citation.numbers.start, end: citation.numbers.end, message: say('malformed-citation.year-first', { since: UNIFIED_NUMBERING_YEAR, right: { quote: `${year}/${number}` } }), suggestions: [`${year}/${number}`], fix: [{ start: citation.numbers.start, end: citation.numbers.end, newText: `${year}/${number}` }] });
    }
    if (citation.suffixSpan && !citation.domain && written?.code) {
      // "Decision 2018/1611/CFSP" → "Decision (CFSP) 2018/1611".
      const domain = domains[written.code];
      report({
        start: citation.numbers.start, end: citation.suffixSpan.end,
        message: say('malformed-citation.domain-before-number', { since: UNIFIED_NUMBERING_YEAR, right: { quote: `(${domain}) ${year}/${number}` } }),
        suggestions: [`(${domain}) ${year}/${number}`],
        fix: [{ start: citation.numbers.start, end: citation.numbers.start, newText: `(${domain}) ` }, { start: citation.suffixSpan.start, end: citation.suffixSpan.end, newText: '' }],
      });
    }
    return;
  }
  if (citation.family !== 'regulation' || citation.suffix) return;
  if (!citation.marker) {
    report({ start: citation.numbers.start, end: citation.numbers.end, message: say('malformed-citation.marker-needed', { before: UNIFIED_NUMBERING_YEAR, marker: { quote: marker }, right: { quote: `${marker} ${number}/${year}` } }), fix: [{ start: citation.numbers.start, end: citation.numbers.start, newText: `${marker} ` }] });
  } else if (!language.citation.numberMarker.includes(citation.marker.text)) {
    report({ start: citation.marker.start, end: citation.marker.end, message: say('malformed-citation.marker-spelling', { language: { language: language.code }, marker: { quote: marker }, written: { quote: citation.marker.text } }), suggestions: [marker], fix: [{ start: citation.marker.start, end: citation.marker.end, newText: marker }] });
  }
  if (citation.order === 'year/number') {
    report({ start: citation.numbers.start, end: citation.numbers.end, message: say('malformed-citation.number-first', { before: UNIFIED_NUMBERING_YEAR, right: { quote: `${number}/${year}` } }), fix: [{ start: citation.numbers.start, end: citation.numbers.end, newText: `${number}/${year}` }] });
  }
}

/** "Regulation (EU) 2024/1346" where 2024/1346 is a directive: since 2015 one number names one act. */
function checkType({ analysis, language, report }: RuleContext, citation: Citation): void {
  const { sameNumberOtherType } = resolveCitation(analysis.model, citation);
  if (!sameNumberOtherType) return;
  const cited = analysis.prose.slice(citation.start, citation.end);
  // In the draft's case: "la directive (UE) 2024/1351" → "règlement (UE) 2024/1351".
  const formatted = formatAct(sameNumberOtherType, language);
  const lowerFirst = citation.typeText.charAt(0) !== citation.typeText.charAt(0).toUpperCase();
  const right = lowerFirst ? formatted.charAt(0).toLowerCase() + formatted.slice(1) : formatted;
  report({ start: citation.start, end: citation.end, message: say('malformed-citation.other-type', { cited: { quote: cited }, number: `${citation.year}/${citation.number}`, right: { draft: right }, family: citation.family }), suggestions: [right] });
}

/** "artikel 25a" in Dutch (which writes "25 bis"), "Article 25 bis" in English (which writes "25a"). */
function checkArticleSuffixes({ analysis, language, report }: RuleContext): void {
  const wanted = language.citation.articleSuffix;
  for (const reference of analysis.articleReferences) {
    for (const article of reference.articles) {
      if (article.style === 'plain' || article.style === wanted) continue;
      const right = formatArticleId(article.id, language);
      if (right === article.text) continue;
      report({ start: article.start, end: article.end, message: say('malformed-citation.inserted-article', { language: { language: language.code }, right: { quote: right }, written: { quote: article.text } }), suggestions: [right], fix: [{ start: article.start, end: article.end, newText: right }] });
    }
  }
}
