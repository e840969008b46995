/**
 * The date a draft was written, which decides whether a name was already deprecated then
 * ("Turkey" in a 2019 text is right). Read from the front matter (`date: 2019-03-18`) or, in a
 * note with its Council letterhead, from the place-and-date line: "Brussels, 5 February 2008",
 * "Brüssel, den 5. Februar 2008", "Bruxelles, le 11.10.2019", "Bruksela, 1 grudnia 2016 r.",
 * "Bryssel den 7 september 2017", "Bruxelas, 28 de novembro de 2018".
 */
import type { ParsedDraft } from '../markdown/parse';
import { letterheadDate, type Letterhead } from './letterhead';

export interface DocumentDate {
  year: number;
  month: number;
  day: number;
  /** Where it was read: the front matter's `date:` or the letterhead's date line. */
  from: 'front-matter' | 'letterhead';
}

/** The front matter's date, or else the date line of the letterhead that opens the draft (letterhead.ts reads it). */
export function documentDate(draft: ParsedDraft, letterheads: readonly Letterhead[]): DocumentDate | undefined {
  const fromFrontMatter = frontMatterDate(draft.frontMatter?.data.date);
  if (fromFrontMatter) return fromFrontMatter;
  const written = letterheadDate({ letterheads });
  return written && { year: written.year, month: written.month, day: written.day, from: 'letterhead' };
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

/** Whether a document of `date` was written before a change that took effect on `since` ("2019-02-12", "2022"). */
export function isBefore(date: Omit<DocumentDate, 'from'>, since: string): boolean {
  const change = parseIsoDate(since);
  if (!change) return false;
  return date.year !== change.year ? date.year < change.year
    : date.month !== change.month ? date.month < change.month
      : date.day < change.day;
}
