/**
 * Dates written with a month name, in the draft's language: "28 September 2023",
 * "28. September 2023", "1er octobre 2023", "September 28, 2023", "16 en 17 november".
 * Patterns are built from the language's month names; they are alternations of literals and
 * bounded digit runs, so matching is linear.
 */
import type { LanguageData } from '../../../../schemas/language';
import { escapeRegExp } from '../text/regex';

export interface DateMention {
  start: number;
  end: number;
  day: number;
  dayStart: number;
  dayEnd: number;
  /** What follows the day number: "." (de), "er" (fr 1er), "th"… or nothing. */
  dayMark: string;
  month: number;
  monthText: string;
  monthStart: number;
  year?: number;
  /** Day before month (EU style) or month before day (US style). */
  order: 'day-month' | 'month-day';
}

const ORDINAL_MARKS = ['st', 'nd', 'rd', 'th', 'er', 're', 'e', '.'];

interface DatePatterns { dayMonth: RegExp; monthDay: RegExp; months: Map<string, number> }
const cache = new WeakMap<LanguageData, DatePatterns>();

function patterns(language: LanguageData): DatePatterns {
  let found = cache.get(language);
  if (found) return found;
  const months = new Map<string, number>();
  language.months.forEach((name, i) => months.set(name.toLowerCase(), i + 1));
  const monthAlternation = [...months.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const marks = ORDINAL_MARKS.map(escapeRegExp).join('|');
  // The words the style writes between day, month and year: "29 de noviembre de 2018", "1 ta’ Lulju".
  const { dayToMonth, monthToYear } = connectors(language);
  const dayConnector = dayToMonth ? `(?:${escapeRegExp(dayToMonth)}[ \\u00a0]+)?` : '';
  const yearConnector = monthToYear ? `(?:${escapeRegExp(monthToYear)}[ \\u00a0]+)?` : '';
  const dayMonth = new RegExp(`(?<![\\p{L}\\p{N}./])(?<day>\\d{1,2})(?<mark>${marks})?[ \\u00a0]+${dayConnector}(?<month>${monthAlternation})(?![\\p{L}])(?:[ \\u00a0]+${yearConnector}(?<year>\\d{4})(?![\\p{N}]))?`, 'giu');
  const monthDay = new RegExp(`(?<![\\p{L}])(?<month>${monthAlternation})[ \\u00a0]+(?<day>\\d{1,2})(?<mark>st|nd|rd|th)?(?![\\p{N}])(?:,?[ \\u00a0]+(?<year>\\d{4})(?![\\p{N}]))?`, 'giu');
  found = { dayMonth, monthDay, months };
  cache.set(language, found);
  return found;
}

/** The words of the date pattern between day and month and between month and year ("de" in "D de MMMM de YYYY"). */
function connectors(language: LanguageData): { dayToMonth: string; monthToYear: string } {
  const word = (between: RegExpExecArray | null) => (between?.[1] ?? '').replace(/[^\p{L}’']/gu, '');
  const pattern = language.dateFormat.pattern;
  return { dayToMonth: word(/D+(.*?)MMMM/u.exec(pattern)), monthToYear: word(/MMMM(.*?)YYYY/u.exec(pattern)) };
}

/** A date found in a block, moved to where the block stands in the draft. */
export function moveDate(date: DateMention, by: number): DateMention {
  return { ...date, start: date.start + by, end: date.end + by, dayStart: date.dayStart + by, dayEnd: date.dayEnd + by, monthStart: date.monthStart + by };
}

export function findDates(prose: string, language: LanguageData): DateMention[] {
  const { dayMonth, monthDay, months } = patterns(language);
  const dates: DateMention[] = [];
  const read = (match: RegExpMatchArray, order: DateMention['order']) => {
    const g = match.groups!;
    // "Article 3 may apply": in languages that capitalise months, a lower-case one needs a year to be a date.
    if (language.capitaliseMonths && !g.year && g.month === g.month.toLowerCase()) return;
    const start = match.index!;
    const dayOffset = order === 'day-month' ? 0 : match[0].indexOf(g.day, g.month.length);
    const monthOffset = order === 'day-month' ? match[0].toLowerCase().indexOf(g.month.toLowerCase(), g.day.length) : 0;
    dates.push({
      start, end: start + match[0].length,
      day: Number(g.day), dayStart: start + dayOffset, dayEnd: start + dayOffset + g.day.length, dayMark: g.mark ?? '',
      month: months.get(g.month.toLowerCase())!, monthText: g.month, monthStart: start + monthOffset,
      year: g.year ? Number(g.year) : undefined,
      order,
    });
  };
  for (const match of prose.matchAll(dayMonth)) read(match, 'day-month');
  // A month followed by a number is only a US-style date when a year follows ("May 2, 2023"), not "May 2023".
  for (const match of prose.matchAll(monthDay)) if (match.groups!.year) read(match, 'month-day');
  return dates.sort((a, b) => a.start - b.start);
}

export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date as the language's EU style writes it: "28 September 2023", "28. September 2023", "1er octobre 2023". */
export function formatDate(date: DateMention, language: LanguageData): string {
  const monthName = language.months[date.month - 1];
  const month = language.capitaliseMonths ? monthName.charAt(0).toUpperCase() + monthName.slice(1) : monthName;
  const day = date.day === 1 && language.dateFormat.ordinalFirst ? language.dateFormat.ordinalFirst : String(date.day);
  return datePattern(language, date.year !== undefined)
    .replace('YYYY', date.year !== undefined ? String(date.year) : '')
    .replace('MMMM', month)
    .replace(/D+/, day)
    .trim();
}

/**
 * The language's date pattern; without a year, the year goes with the words that belong to it:
 * "D MMMM YYYY r." → "D MMMM", "D de MMMM de YYYY" → "D de MMMM", "YYYY. MMMM D." → "MMMM D.".
 */
function datePattern(language: LanguageData, withYear: boolean): string {
  const pattern = language.dateFormat.pattern;
  if (withYear) return pattern;
  return pattern.startsWith('YYYY') ? pattern.replace(/^YYYY[^DM]*/, '') : pattern.replace(/(?<=[DM])[^DM]*YYYY.*$/, '');
}

/** What the pattern writes after the year ("r." in Polish "1 grudnia 2016 r."), which a date match does not include. */
export function textAfterYear(language: LanguageData): string {
  const pattern = language.dateFormat.pattern;
  return pattern.endsWith('YYYY') || !pattern.includes('YYYY') ? '' : pattern.slice(pattern.indexOf('YYYY') + 4);
}
