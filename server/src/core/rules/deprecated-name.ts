import type { Rule } from '../rule';
import { say } from '../messages/message';
import { casingFits } from '../text/casing';
import { introducesAcronym } from '../analysis/acronyms';
import { replaceName } from '../language/grammar';
import { isBefore } from '../analysis/document-date';

/**
 * Former or deprecated names of countries and bodies, with the name to use instead. A name with a
 * date (`since`) is only deprecated in drafts written on or after it; the draft's date is its
 * front matter `date:` or its letterhead's date line, and today without either.
 */
export const deprecatedName: Rule = {
  id: 'deprecated-name',
  description: 'A country or body name the policy model marks as deprecated in the draft\'s language.',
  defaultSeverity: 'warning',
  scope: 'block',
  fixes: {
    // Safe where the grammar data makes the article and case fit (language/grammar.ts).
    replace: { title: (c) => say('fix.replace-deprecated', { old: { quote: c.old }, new: { quote: c.new } }), safety: 'grammar' },
  },
  check({ analysis, language, report }) {
    for (const match of analysis.entities) {
      const labels = analysis.labelsInLanguage(match);
      // A form that is also a current name in this language is not deprecated.
      // A historical country's name ("Wit-Rusland" for the Byelorussian SSR) does not make it current.
      if (labels.some((label) => (label.kind === 'country' && !label.historical) || label.kind === 'body')) continue;
      const old = labels.find((label) => label.kind === 'country-deprecated' || label.kind === 'body-former');
      if (!old?.replacement) continue;
      // "Turkey" in a 2019 note was the name then: a name is deprecated from its date on.
      const written = analysis.documentDate;
      if (written && old.since && isBefore(written, old.since)) continue;
      // "European Asylum Support Office (EUAA)": a wrong expansion, which acronym-expansion reports.
      if (introducesAcronym(analysis.prose, match.end)) continue;
      const found = analysis.prose.slice(match.start, match.end);
      if (!casingFits(found, old.text)) continue;
      report({
        start: match.start,
        end: match.end,
        message: say('deprecated-name.replace', { found: { quote: found }, replacement: { quote: old.replacement } }),
        suggestions: [old.replacement],
        fixes: [{ kind: 'replace', ...replaceName(language, analysis.prose, match.start, match.end, old.replacement, { bodyName: old.kind === 'body-former' }) }],
      });
    }
  },
};
