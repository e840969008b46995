import { say } from '../messages/message';
import type { Rule } from '../rule';
import { daysInMonth, formatDate, textAfterYear } from '../analysis/dates';

/**
 * Dates against the language's EU style (Interinstitutional Style Guide): day before month, no
 * ordinal suffix or leading zero, the month's capitalisation, "28. September" in German,
 * "1er octobre" in French. Accepted as published: a month in capitals inside a title in capitals
 * ("WEDNESDAY 20 SEPTEMBER 2023"), and the words the style writes after the year when the draft
 * has them ("1 grudnia 2016 r.").
 */
export const dateFormat: Rule = {
  id: 'date-format',
  description: 'A date written against the EU style of the draft\'s language ("September 28, 2023" in English → "28 September 2023").',
  defaultSeverity: 'warning',
  scope: 'block',
  fixes: {
    // The same date in the language's EU style: day, month and year are kept.
    format: { title: (c) => say('fix.write', { text: { quote: c.new } }), safety: 'safe' },
  },
  check({ analysis, language, report }) {
    for (const date of analysis.dates) {
      if (date.day < 1 || date.day > daysInMonth(date.month, date.year)) continue;
      const written = analysis.prose.slice(date.start, date.end);
      // A title in capitals writes its dates in capitals too.
      if (date.monthText.length > 1 && date.monthText === date.monthText.toUpperCase()) continue;
      // Only the date itself is rewritten; a trailing year is compared when it is there.
      let right = formatDate(date, language);
      // "1 grudnia 2016 r.": the match ends at the year; the "r." after it is already there.
      const afterYear = date.year !== undefined ? textAfterYear(language) : '';
      if (afterYear && right.endsWith(afterYear) && normalise(analysis.prose.slice(date.end, date.end + afterYear.length + 2)).startsWith(normalise(afterYear))) {
        right = right.slice(0, right.length - afterYear.length);
      }
      if (normalise(written) === normalise(right)) continue;
      // What the style adds after the date may already follow it ("1 grudnia 2016 r."): a fix would add it again.
      if (normalise(analysis.prose.slice(date.start, date.start + right.length)) === normalise(right)) continue;
      report({
        start: date.start,
        end: date.end,
        message: say('date-format.style', { right: { quote: right }, language: { language: language.code }, written: { quote: written } }),
        suggestions: [right],
        fix: [{ start: date.start, end: date.end, newText: right }],
      });
    }
  },
};

function normalise(text: string): string { return text.replace(/[\s\u00a0]+/g, ' '); }
