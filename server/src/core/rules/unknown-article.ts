import type { Rule } from '../rule';
import { actName, checkArticle, describeArticles, formatArticleId, resolveCitation } from '../analysis/acts';

/** Articles the cited act does not have, where the model records the act's articles. */
export const unknownArticle: Rule = {
  id: 'unknown-article',
  description: 'An article the cited act does not have, whether the act is cited by number or by short title.',
  defaultSeverity: 'error',
  check({ analysis, language, report }) {
    for (const reference of analysis.articleReferences) {
      const act = reference.act.kind === 'citation'
        ? resolveCitation(analysis.model, reference.act.citation).act
        : analysis.model.acts.get(reference.act.actId);
      if (!act) continue;
      for (const article of reference.articles) {
        const result = checkArticle(act, article.id);
        if (result.exists) continue;
        // The singular word, whatever the text used ("Articles 24 and 60" → "no Article 60").
        const word = language.citation.article[0];
        const shown = `${reference.articleWord[0] === reference.articleWord[0].toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word} ${formatArticleId(article.id, language)}`;
        const message = result.repealedBy !== undefined
          ? `${actName(act, language)}: ${shown} was repealed${result.repealedBy ? ` by ${result.repealedBy}` : ''}.`
          : `${actName(act, language)} has no ${shown} (it has ${describeArticles(act, language)}).`;
        report({ start: article.start, end: article.end, message });
      }
    }
  },
};
