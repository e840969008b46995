import type { Rule } from '../rule';
import { say } from '../messages/message';

/** Asterisk forms that attach the designation footnote: Kosovo*, Kosovo\*, Kosovo[^1]. */
const MARKERS = ['*', '\\*', '[^'];

/**
 * Names that carry a designation footnote (Kosovo*), as the Council writes them: the first
 * mention is marked with the asterisk (or a footnote reference), later mentions need not be, and
 * the footnote is in the document. The rule is the same in every language: the footnote is the
 * model's text in the draft's language or any block holding its key as a number ("1244", so
 * "UNSCR 1244/1999", "UNSCR 1244/99" and "1244 (1999)" all count).
 */
export const designationFootnote: Rule = {
  id: 'designation-footnote',
  description: 'An entity whose designation requires a footnote (Kosovo*) is first mentioned without the asterisk, or the footnote is missing.',
  defaultSeverity: 'warning',
  fixes: {
    asterisk: { title: () => say('fix.add-designation-asterisk', {}), safety: 'safe' },
    footnote: { title: () => say('fix.add-designation-footnote', {}), safety: 'safe' },
  },
  check({ analysis, language, report }) {
    const footnoteReported = new Set<string>();
    const mentioned = new Set<string>();
    for (const match of analysis.entities) {
      const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'country');
      const country = label && analysis.model.countries.get(label.id);
      if (!label || !country || Object.keys(country.designationFootnote ?? {}).length === 0) continue;
      const footnote = country.designationFootnote?.[language.code];
      const spans = analysis.designationFootnoteSpans.filter((span) => span.countryId === label.id);
      // The footnote itself names the entity ("the Kosovo declaration of independence").
      if (spans.some((span) => span.start <= match.start && match.end <= span.end)) continue;
      const name = analysis.text.slice(match.start, match.end);
      const after = analysis.text.slice(match.end, match.end + 2);
      const footnoteText = footnote ? { quote: `* ${footnote}` } : undefined;
      const first = !mentioned.has(label.id);
      mentioned.add(label.id);
      if (first && !MARKERS.some((marker) => after.startsWith(marker))) {
        report({
          start: match.start,
          end: match.end,
          message: say('designation-footnote.first-mention', { name: { quote: name }, marked: { quote: `${name}*` }, footnote: footnoteText }),
          suggestions: [`${name}*`],
          fix: [{ start: match.end, end: match.end, newText: '*' }],
        });
      }
      if (!footnoteReported.has(label.id) && spans.length === 0 && (footnote || country.designationFootnoteKey)) {
        footnoteReported.add(label.id);
        report({
          start: match.start,
          end: match.end,
          message: say('designation-footnote.missing', { name: { quote: name }, footnote: footnoteText }),
          fixes: footnote ? [{ kind: 'footnote', edits: [{ start: analysis.text.length, end: analysis.text.length, newText: `${analysis.text.endsWith('\n') ? '' : '\n'}\n\\* ${footnote}\n` }] }] : undefined,
        });
      }
    }
  },
};
