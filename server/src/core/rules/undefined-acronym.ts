import type { Rule } from '../rule';
import { say } from '../messages/message';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { sameSentence, type AcronymUse } from '../analysis/acronyms';
import { expandAcronym } from '../language/grammar';
import { wellKnownAcronymAdditions } from '../assist/model-addition';

/**
 * Acronyms used before they are spelled out. The first use should spell it out, in any of the
 * forms the Council writes ("Full term (ACR)", "the … Office ACR", "ACR (full term)", or the
 * capitalised full term earlier); acronyms the language data or the model call well known
 * (EU, G20, OSCE, JBZ…), words that are not acronyms (NOTE, LIMITE), Roman numerals, act
 * citations, letterhead codes and the capitals analysis/acronyms.ts leaves out are exempt. A
 * heading is not a first use when the text spells the acronym out, nor is a use spelled out
 * later in the same sentence.
 */
export const undefinedAcronym: Rule = {
  id: 'undefined-acronym',
  description: 'An acronym used before it is spelled out in the document, unless it is well known in that language.',
  defaultSeverity: 'warning',
  fixes: {
    // Safe where the article before the acronym settles the expansion's case (de "des EAD").
    'spell-out': { title: (c) => say('fix.spell-out', { acronym: c.old, new: { quote: c.new } }), safety: 'grammar' },
  },
  // Well known in the draft's language (not for an acronym the draft spells out later).
  modelAddition: { sections: ['acronyms'], additions: wellKnownAcronymAdditions },
  check({ analysis, language, report }) {
    const exempt = exemptAcronyms(analysis);
    const uses = new Map<string, AcronymUse[]>();
    for (const use of analysis.acronymUses) {
      if (exempt.has(use.acronym)) continue;
      const list = uses.get(use.acronym);
      if (list) list.push(use);
      else uses.set(use.acronym, [use]);
    }
    for (const [acronym, list] of uses) {
      const definition = list.find((use) => use.definition);
      const first = (definition ? list.find((use) => !use.inHeading) : undefined) ?? list[0];
      if (definition && (definition.start <= first.start || sameSentence(analysis.prose, first.start, definition.start))) continue;
      const expansion = analysis.model.acronymsByForm(language.code).get(acronym)?.[0]?.expansions[language.code]?.[0];
      if (definition) {
        const line = analysis.lines.positionAt(definition.start).line + 1;
        report({ start: first.start, end: first.end, message: say('undefined-acronym.before-definition', { acronym, line }) });
        continue;
      }
      const suggestion = expansion ? `${expansion} (${acronym})` : undefined;
      report({
        start: first.start,
        end: first.end,
        message: suggestion ? say('undefined-acronym.never-defined', { acronym, suggestion: { quote: suggestion } }) : say('undefined-acronym.never-defined-unknown', { acronym }),
        suggestions: suggestion ? [suggestion] : undefined,
        fixes: expansion && !first.plural ? [{ kind: 'spell-out', ...expandAcronym(language, analysis.prose, first.start, first.end, expansion, acronym) }] : undefined,
      });
    }
  },
};

function exemptAcronyms(analysis: DraftAnalysis): Set<string> {
  const language = analysis.language;
  const exempt = new Set([...language.wellKnownAcronyms, ...(language.notAcronyms ?? [])]);
  for (const acronym of analysis.model.acronyms.values()) {
    if (acronym.wellKnown?.includes(language.code)) for (const form of acronym.forms[language.code] ?? []) exempt.add(form);
  }
  return exempt;
}
