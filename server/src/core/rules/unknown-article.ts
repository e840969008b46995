import type { Rule } from '../rule';
import { say } from '../messages/message';
import { checkArticle, resolveCitation } from '../analysis/acts';

/** Articles the cited act does not have, where the model records the act's articles. */
export const unknownArticle: Rule = {
  id: 'unknown-article',
  description: 'An article the cited act does not have, whether the act is cited by number or by short title.',
  defaultSeverity: 'error',
  check({ analysis, report }) {
    for (const reference of analysis.articleReferences) {
      const act = reference.act.kind === 'citation'
        ? resolveCitation(analysis.model, reference.act.citation).act
        : analysis.model.acts.get(reference.act.actId);
      if (!act) continue;
      for (const article of reference.articles) {
        const result = checkArticle(act, article.id);
        if (result.exists) continue;
        // The act and the article as the UI language writes them ("Visa Code has no Article 25c"), whatever the draft's language.
        const message = result.repealedBy !== undefined
          ? say('unknown-article.repealed', { act: { act: act.id }, article: { article: article.id }, by: result.repealedBy ? { act: result.repealedBy } : undefined })
          : say('unknown-article.missing', { act: { act: act.id }, article: { article: article.id }, articles: { articles: act.id } });
        report({ start: article.start, end: article.end, message });
      }
    }
  },
};
