/**
 * The date a draft was written, which decides whether a name was already deprecated then
 * ("Turkey" in a 2019 text is right). Read from the front matter (`date: 2019-03-18`) or, in a
 * note with its Council letterhead, from the place-and-date line: "Brussels, 5 February 2008",
 * "Brüssel, den 5. Februar 2008", "Bruxelles, le 11.10.2019", "Bruksela, 1 grudnia 2016 r.",
 * "Bryssel den 7 september 2017", "Bruxelas, 28 de novembro de 2018".
 */
import type { LanguageData } from '../../../../schemas/language';
import type { ParsedDraft } from '../markdown/parse';
import { findDates } from './dates';

export interface DocumentDate {
  year: number;
  month: number;
  day: number;
  /** Where it was read: the front matter's `date:` or the letterhead's date line. */
  from: 'front-matter' | 'letterhead';
}

/** The letterhead stands at the top: its date line is among the first lines of the text. */
const LETTERHEAD_LINES = 30;
/**
 * A place (one capitalised word), an optional comma, up to two short lower-case words
 * ("den", "le", "dnia"), then the date; "(OR. en)" and document numbers may follow.
 */
const DATE_LINE = /^[\s*_>#]*\p{Lu}[\p{L}\p{M}-]+,?[ \u00a0]+(?:\p{Ll}{1,5}[ \u00a0]+){0,2}/u;
/** 11.10.2019, 5.2.2008: the numeric date of Commission documents and some letterheads. */
const NUMERIC_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;

export function documentDate(draft: ParsedDraft, language: LanguageData): DocumentDate | undefined {
  return frontMatterDate(draft.frontMatter?.data.date) ?? letterheadDate(draft.text, language);
}

/** `date: 2019-03-18` (YAML may have read it as a Date already), also `2019-03` and `2019`. */
export function frontMatterDate(value: unknown): DocumentDate | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), from: 'front-matter' };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseIsoDate(String(value).trim());
  return parsed && { ...parsed, from: 'front-matter' };
}

/** "2019", "2019-02", "2019-02-12": a missing month or day is the first. */
export function parseIsoDate(text: string): Omit<DocumentDate, 'from'> | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2] ?? 1), day: Number(match[3] ?? 1) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : undefined;
}

function letterheadDate(text: string, language: LanguageData): DocumentDate | undefined {
  const lines = text.split('\n', LETTERHEAD_LINES);
  for (const line of lines) {
    const lead = DATE_LINE.exec(line);
    if (!lead) continue;
    const rest = line.slice(lead[0].length);
    const numeric = NUMERIC_DATE.exec(rest);
    if (numeric) {
      const [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { year, month, day, from: 'letterhead' };
      continue;
    }
    // Portuguese and Spanish write "28 de novembro de 2018": read it as "28 novembro 2018".
    const plain = rest.replace(/^(\d{1,2}) de (\p{L}+) de (\d{4})/u, '$1 $2 $3');
    const date = findDates(plain, language).find((found) => found.start === 0 && found.year !== undefined);
    if (date) return { year: date.year!, month: date.month, day: date.day, from: 'letterhead' };
  }
  return undefined;
}

/** Whether a document of `date` was written before a change that took effect on `since` ("2019-02-12", "2022"). */
export function isBefore(date: Omit<DocumentDate, 'from'>, since: string): boolean {
  const change = parseIsoDate(since);
  if (!change) return false;
  return date.year !== change.year ? date.year < change.year
    : date.month !== change.month ? date.month < change.month
      : date.day < change.day;
}
