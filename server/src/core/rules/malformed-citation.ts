import { LANGUAGE_NAMES_EN } from '../../../../schemas/policy-model';
import type { Rule, RuleContext } from '../rule';
import { UNIFIED_NUMBERING_YEAR, formatArticleId } from '../analysis/acts';
import type { Citation } from '../analysis/citations';

/**
 * Act numbers against the numbering rules: since 2015 "(EU) 2019/1155" (no "No", year first);
 * before 2015 regulations "(EC) No 810/2009". Also the number sign, the bracketed domain and
 * the inserted-article suffix as the draft's language writes them (nr., (EG), 25 bis).
 */
export const malformedCitation: Rule = {
  id: 'malformed-citation',
  description: 'An act number or article written against the numbering rules of the draft\'s language.',
  defaultSeverity: 'warning',
  fixes: {
    // The citation's form only ("No", the order of number and year, the domain, the suffix): the act cited stays the same.
    form: { title: (c) => (c.new === '' ? `Remove "${c.old}"` : c.old === '' ? `Insert "${c.new}"` : `Write "${c.new}" instead of "${c.old}"`), safety: 'safe' },
  },
  check(context) {
    for (const citation of context.analysis.citations) checkCitation(context, citation);
    checkArticleSuffixes(context);
  },
};

function checkCitation({ language, report }: RuleContext, citation: Citation): void {
  const marker = language.citation.numberMarker[0];
  const { year, number } = citation;
  if (citation.domain && !citation.suffix) {
    const expected = citation.domain.code && language.citation.domains[citation.domain.code];
    if (expected && expected !== citation.domain.text) {
      report({ start: citation.domain.start, end: citation.domain.end, message: `In ${LANGUAGE_NAMES_EN[language.code]} the domain is written "(${expected})", not "(${citation.domain.text})".`, suggestions: [expected], fix: [{ start: citation.domain.start, end: citation.domain.end, newText: expected }] });
    }
  }
  if (year >= UNIFIED_NUMBERING_YEAR) {
    if (citation.marker) {
      report({ start: citation.marker.start, end: citation.numbers.start, message: `Acts since ${UNIFIED_NUMBERING_YEAR} take no "${citation.marker.text}": write "${year}/${number}".`, fix: [{ start: citation.marker.start, end: citation.numbers.start, newText: '' }] });
    }
    if (citation.order === 'number/year') {
      report({ start: citation.numbers.start, end: citation.numbers.end, message: `Since ${UNIFIED_NUMBERING_YEAR} the year comes first: "${year}/${number}".`, suggestions: [`${year}/${number}`], fix: [{ start: citation.numbers.start, end: citation.numbers.end, newText: `${year}/${number}` }] });
    }
    return;
  }
  if (citation.family !== 'regulation' || citation.suffix) return;
  if (!citation.marker) {
    report({ start: citation.numbers.start, end: citation.numbers.end, message: `Regulations before ${UNIFIED_NUMBERING_YEAR} are cited with "${marker}": "${marker} ${number}/${year}".`, fix: [{ start: citation.numbers.start, end: citation.numbers.start, newText: `${marker} ` }] });
  } else if (!language.citation.numberMarker.includes(citation.marker.text)) {
    report({ start: citation.marker.start, end: citation.marker.end, message: `In ${LANGUAGE_NAMES_EN[language.code]} the number sign is "${marker}", not "${citation.marker.text}".`, suggestions: [marker], fix: [{ start: citation.marker.start, end: citation.marker.end, newText: marker }] });
  }
  if (citation.order === 'year/number') {
    report({ start: citation.numbers.start, end: citation.numbers.end, message: `Regulations before ${UNIFIED_NUMBERING_YEAR} are numbered number/year: "${number}/${year}".`, fix: [{ start: citation.numbers.start, end: citation.numbers.end, newText: `${number}/${year}` }] });
  }
}

/** "artikel 25a" in Dutch (which writes "25 bis"), "Article 25 bis" in English (which writes "25a"). */
function checkArticleSuffixes({ analysis, language, report }: RuleContext): void {
  const wanted = language.citation.articleSuffix;
  for (const reference of analysis.articleReferences) {
    for (const article of reference.articles) {
      if (article.style === 'plain' || article.style === wanted) continue;
      const right = formatArticleId(article.id, language);
      if (right === article.text) continue;
      report({ start: article.start, end: article.end, message: `In ${LANGUAGE_NAMES_EN[language.code]} inserted articles are written "${right}", not "${article.text}".`, suggestions: [right], fix: [{ start: article.start, end: article.end, newText: right }] });
    }
  }
}
