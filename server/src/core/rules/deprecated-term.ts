import type { Rule } from '../rule';
import { say } from '../messages/message';
import { introducesAcronym } from '../analysis/acronyms';
import { declinesNames } from '../language/grammar';

/** Terminology the model marks deprecated or obsolete (IATE statuses), with the preferred term. */
export const deprecatedTerm: Rule = {
  id: 'deprecated-term',
  description: 'A term the model\'s terminology marks deprecated or obsolete in the draft\'s language, with the preferred term.',
  defaultSeverity: 'warning',
  scope: 'block',
  fixes: {
    // Same head word and ending; safe in languages whose grammar data is there and that do not decline.
    replace: { title: (c) => say('fix.replace-deprecated', { old: { quote: c.old }, new: { quote: c.new } }), safety: 'grammar' },
  },
  check({ analysis, language, report }) {
    const suffixes = new Set(language.inflectionSuffixes ?? []);
    for (const match of analysis.entities) {
      const labels = analysis.labelsInLanguage(match).filter((label) => label.kind === 'term');
      if (labels.length === 0 || labels.some((label) => label.status === 'preferred' || label.status === 'admitted')) continue;
      // A deprecated country or body name is deprecated-name's finding: one finding per mistake.
      if (analysis.labelsInLanguage(match).some((label) => label.kind === 'country-deprecated' || label.kind === 'body-former')) continue;
      const term = labels.find((label) => label.status === 'deprecated' || label.status === 'obsolete');
      // "European Asylum Support Office (EUAA)": a wrong expansion, which acronym-expansion reports.
      if (!term || introducesAcronym(analysis.prose, match.end)) continue;
      // The term may carry an ending: "illegal migrants", "illegale migranten".
      const ending = /^[\p{L}'’]*/u.exec(analysis.prose.slice(match.end, match.end + 6))![0];
      if (ending && !suffixes.has(ending)) continue;
      const end = match.end + ending.length;
      const found = analysis.prose.slice(match.start, end);
      // A declined form listed after the base form ("illegalen Migrant") cannot take the preferred
      // term with the same ending: it gets the preferred term's base form, without a fix.
      const baseForm = analysis.model.terminology.get(term.id)?.terms[language.code]?.find((t) => t.status === term.status)?.text === term.text;
      const replacement = term.replacement && baseForm ? matchCase(found, term.replacement + ending) : undefined;
      const status = term.status as 'deprecated' | 'obsolete';
      report({
        start: match.start,
        end,
        message: replacement ? say('deprecated-term.use', { found: { quote: found }, status, replacement: { quote: replacement } })
          : term.replacement ? say('deprecated-term.preferred', { found: { quote: found }, status, preferred: { quote: term.replacement } })
            : say('deprecated-term.status', { found: { quote: found }, status }),
        suggestions: replacement ? [replacement] : undefined,
        fixes: replacement ? [{ kind: 'replace', edits: [{ start: match.start, end, newText: replacement }], safe: !!language.grammar && !declinesNames(language) }] : undefined,
      });
    }
  },
};

/** Keeps a capital at the start of a sentence when replacing a term. */
function matchCase(found: string, replacement: string): string {
  const first = found.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
