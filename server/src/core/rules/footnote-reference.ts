import type { Rule } from '../rule';
import { say } from '../messages/message';

/**
 * Markdown footnotes: remark only turns "[^x]" into a reference when a definition exists, so an
 * undefined one stays in the prose as text, where this rule finds it. A "[^x]" left as text
 * whose label is defined is a call all the same: the paragraph's markup was read as plain text
 * (above the inline markup limit, with a partial-check notice), and reporting each of its calls
 * as undefined and each definition as unused would be a false alarm per footnote.
 */
const UNDEFINED_REFERENCE = /\[\^([^\]\s\u0001]{1,100})\]/g;

export const footnoteReference: Rule = {
  id: 'footnote-reference',
  description: 'A footnote reference without a definition, or a footnote definition that is never referenced.',
  defaultSeverity: 'warning',
  check({ analysis, report }) {
    const { draft } = analysis;
    const defined = new Set(draft.footnoteDefinitions.map((definition) => definition.identifier));
    const referenced = new Set(draft.footnoteReferences.map((ref) => ref.identifier));
    for (const match of draft.prose.matchAll(UNDEFINED_REFERENCE)) {
      // Identifiers are labels in lower case (mdast's normalisation; the pattern admits no space).
      const identifier = match[1].toLowerCase();
      if (defined.has(identifier)) { referenced.add(identifier); continue; }
      report({ start: match.index!, end: match.index! + match[0].length, message: say('footnote-reference.undefined', { reference: match[0] }) });
    }
    for (const definition of draft.footnoteDefinitions) {
      if (referenced.has(definition.identifier)) continue;
      report({ start: definition.start, end: definition.labelEnd, message: say('footnote-reference.unused', { label: definition.label }) });
    }
  },
};
