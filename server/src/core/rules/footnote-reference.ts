import type { Rule } from '../rule';

/**
 * Markdown footnotes: remark only turns "[^x]" into a reference when a definition exists, so an
 * undefined one stays in the prose as text, where this rule finds it.
 */
const UNDEFINED_REFERENCE = /\[\^([^\]\s\u0001]{1,100})\]/g;

export const footnoteReference: Rule = {
  id: 'footnote-reference',
  description: 'A footnote reference without a definition, or a footnote definition that is never referenced.',
  defaultSeverity: 'warning',
  check({ analysis, report }) {
    const { draft } = analysis;
    for (const match of draft.prose.matchAll(UNDEFINED_REFERENCE)) {
      report({ start: match.index!, end: match.index! + match[0].length, message: `Footnote reference ${match[0]} has no definition ("${match[0]}: …").` });
    }
    const referenced = new Set(draft.footnoteReferences.map((ref) => ref.identifier));
    for (const definition of draft.footnoteDefinitions) {
      if (referenced.has(definition.identifier)) continue;
      report({ start: definition.start, end: definition.labelEnd, message: `Footnote [^${definition.label}] is defined but never referenced.` });
    }
  },
};
