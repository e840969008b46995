import type { Rule } from '../rule';
import { say } from '../messages/message';
import { eurLexReference, resolveCitation } from '../analysis/acts';
import { actAdditions } from '../assist/model-addition';

/**
 * Well-formed citations of acts the policy model does not know. The model cannot hold every act,
 * so this is information, not a warning: said once per act (at its first citation), with the
 * act's CELEX number and a link to it on EUR-Lex, computed from the citation. The citation's
 * form (type word, numbering, "No", domain) is malformed-citation's; a number the model knows as
 * an act of another type is malformed-citation's too.
 */
export const unknownAct: Rule = {
  id: 'unknown-act',
  description: 'A cited regulation, directive or decision that the policy model does not know (once per act, with its EUR-Lex link).',
  defaultSeverity: 'information',
  // The act as its citation gives it: type, year, number, CELEX, ELI, the title the draft writes after it.
  modelAddition: { sections: ['acts'], additions: actAdditions, everyTitle: (count) => `Add every unknown act of this draft to the workspace policy model (${count})` },
  check({ analysis, language, report }) {
    const said = new Set<string>();
    for (const citation of analysis.citations) {
      const { act, sameNumberOtherType } = resolveCitation(analysis.model, citation);
      if (act || sameNumberOtherType) continue;
      const key = `${citation.family} ${citation.year}/${citation.number}`;
      if (said.has(key)) continue;
      said.add(key);
      const cited = analysis.prose.slice(citation.start, citation.end);
      const { celex, url } = eurLexReference(citation, language.code);
      report({
        start: citation.start,
        end: citation.end,
        message: say('unknown-act.not-in-model', { cited: { quote: cited }, celex, url }),
        link: url,
      });
    }
  },
};
