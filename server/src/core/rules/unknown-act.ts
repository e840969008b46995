import type { Rule } from '../rule';
import { formatAct, resolveCitation } from '../analysis/acts';

/** Citations of regulations, directives and decisions the policy model does not know. */
export const unknownAct: Rule = {
  id: 'unknown-act',
  description: 'A cited regulation, directive or decision that the policy model does not know.',
  defaultSeverity: 'warning',
  fixes: {
    // The type the model records for that number: the number or the type may be the wrong part, so the drafter chooses.
    suggestion: { title: (c) => `Replace with "${c.new}"`, safety: 'unsafe', fromSuggestions: true },
  },
  scope: 'block',
  check({ analysis, language, report }) {
    for (const citation of analysis.citations) {
      const { act, sameNumberOtherType } = resolveCitation(analysis.model, citation);
      if (act) continue;
      const cited = analysis.prose.slice(citation.start, citation.end);
      if (sameNumberOtherType) {
        const right = formatAct(sameNumberOtherType, language);
        report({ start: citation.start, end: citation.end, message: `"${cited}": ${citation.year}/${citation.number} is ${right}, not a ${citation.typeText.toLowerCase()}.`, suggestions: [right] });
      } else {
        report({ start: citation.start, end: citation.end, message: `"${cited}" is not in the policy model. Check the number, or add the act to a workspace model file.` });
      }
    }
  },
};
