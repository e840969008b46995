import type { Rule } from '../rule';
import { say } from '../messages/message';
import { daysInMonth } from '../analysis/dates';

/** Dates that do not exist: "31 September 2023", "30 février 2024", "29 February 2023". */
export const invalidDate: Rule = {
  id: 'invalid-date',
  description: 'An impossible date, such as 31 September or 30 February, in any supported language.',
  defaultSeverity: 'error',
  scope: 'block',
  check({ analysis, report }) {
    for (const date of analysis.dates) {
      const last = daysInMonth(date.month, date.year);
      if (date.day >= 1 && date.day <= last) continue;
      const text = analysis.prose.slice(date.start, date.end);
      const message = date.day === 0
        ? say('invalid-date.day-zero', { date: { quote: text } })
        : say('invalid-date.month-length', { date: { quote: text }, month: { month: date.month }, days: last, year: date.month === 2 && date.year !== undefined ? String(date.year) : undefined });
      report({ start: date.start, end: date.end, message });
    }
  },
};
