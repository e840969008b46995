/**
 * The Council letterhead, read as one structure. Published notes open with the institution
 * ("Council of the European Union"), the place and date ("Brussels, 20 December 2018"), the
 * original language "(OR. en)", the document number and subject codes ("15725/18",
 * "PECHE 553", "LIMITE"), the document marker ("NOTE", "BEGELEIDENDE NOTA", "FÖLJENOT") and the
 * header fields ("From: …", "van: …", "Od: …"). An attached document after a page break ("---")
 * opens with one again. Its codes are not prose to check, its marker makes the draft a note, and
 * its date is the document's date.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { ParsedDraft, Span } from '../markdown/parse';
import { findDates } from './dates';
import { escapeRegExp } from '../text/regex';

export type LetterheadLineKind = 'institution' | 'place-date' | 'original-language' | 'codes' | 'capitals' | 'marker' | 'field';

export interface LetterheadLine extends Span { kind: LetterheadLineKind }

export interface LetterheadField extends Span {
  label: string;
  /** Where the value stands (after "Label:"). */
  valueStart: number;
}

export interface LetterheadDate extends Span { year: number; month: number; day: number }

export interface Letterhead extends Span {
  lines: LetterheadLine[];
  marker?: Span & { text: string };
  fields: LetterheadField[];
  date?: LetterheadDate;
  /** It opens the draft (not an attached document after a page break). */
  atStart: boolean;
}

const ORIGINAL_LANGUAGE = /^\(OR\.\s*\p{Ll}{2}(?:\s*,\s*\p{Ll}{2})*\)$/u;
/** "Brussels," "Bruxelles, le" "Brüssel, den" "Bryssel den" "Bruksela, dnia": a place, then its date. */
const PLACE = /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?(?:,\s*|\s+)(?:(?:le|den|dnia|am|el|il|o)\s+)?/u;
const NUMERIC_DATE = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\p{N}])/u;
/** A document number somewhere on the line: 15725/18, EUCO 34/16, 13024/2/23, 2018/0380(NLE). */
const DOCUMENT_NUMBER = /(?<![\p{N}/])\d{1,5}\/(?:\d{1,2}\/)?\d{2,4}(?![\p{N}])/u;
/** Codes: no lower-case letter, a digit, at most one closing lower-case word ("COM(2019) 458 final"). */
const CODES = /^[^\p{Ll}]*\p{N}[^\p{Ll}]*(?:\s\p{Ll}+)?$/u;
/** "Interinstitutional File: 2018/0380(NLE)", "Dossiê interinstitucional: 2018/0064(COD)". */
const PROCEDURE = /^[\p{L} .]{3,60}:\s*\d{4}\/\d{4}\s*\(\p{Lu}{3}\)$/u;
const FIELD = /^(?<label>\p{L}[\p{L}\p{N} .º°ª'’-]{0,40}?)\s*:\s*(?<value>.*)$/u;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/m;

/** Every letterhead of the draft: at its start, and after each page break into an attached document. */
export function readLetterheads(draft: ParsedDraft, language: LanguageData): Letterhead[] {
  const found: Letterhead[] = [];
  const { blocks, prose, text } = draft;
  const markers = new Set(language.noteHeader.documentMarkers.map((m) => m.toUpperCase()));
  for (let i = 0; i < blocks.length; i++) {
    const opens = i === 0 || THEMATIC_BREAK.test(text.slice(blocks[i - 1].end, blocks[i].start));
    if (!opens || blocks[i].kind === 'heading') continue;
    const head = readFrom(i);
    if (head) { found.push(head.letterhead); i = head.next - 1; }
  }
  return found;

  function readFrom(first: number): { letterhead: Letterhead; next: number } | undefined {
    const lines: LetterheadLine[] = [];
    const fields: LetterheadField[] = [];
    let marker: Letterhead['marker'];
    let date: LetterheadDate | undefined;
    let b = first;
    for (; b < blocks.length && blocks[b].kind !== 'heading'; b++) {
      const block = blocks[b];
      const read: LetterheadLine[] = [];
      let offset = block.start;
      let ok = true;
      for (const raw of prose.slice(block.start, block.end).split('\n')) {
        const lead = raw.length - raw.trimStart().length;
        const line = raw.trim();
        const start = offset + lead;
        offset += raw.length + 1;
        if (line === '') continue;
        const span = { start, end: start + line.length };
        const kind = classify(line, span, fields.length > 0);
        if (!kind) { ok = false; break; }
        read.push({ ...span, kind });
      }
      if (!ok) break;
      lines.push(...read);
    }
    // A run of short lines is a letterhead only with what only letterheads hold.
    const typical = lines.some((l) => l.kind === 'place-date' || l.kind === 'original-language' || (l.kind === 'codes' && DOCUMENT_NUMBER.test(prose.slice(l.start, l.end))));
    if (!typical || lines.length < 2) return undefined;
    return { letterhead: { start: lines[0].start, end: lines[lines.length - 1].end, lines, marker, fields, date, atStart: first === 0 }, next: b };

    function classify(line: string, span: Span, inFields: boolean): LetterheadLineKind | undefined {
      if (ORIGINAL_LANGUAGE.test(line)) return 'original-language';
      if (PROCEDURE.test(line)) return 'codes';
      const field = FIELD.exec(line);
      if (field && field.groups!.label.trim().split(/\s+/).length <= 4) {
        const label = field.groups!.label.trim();
        fields.push({ ...span, label, valueStart: span.start + line.length - field.groups!.value.length });
        return 'field';
      }
      if (inFields) return undefined;
      if (markers.has(line.toUpperCase()) && !/\p{Ll}/u.test(line)) {
        marker ??= { ...span, text: line };
        return 'marker';
      }
      if (!date) {
        const placed = placeDate(line, span.start);
        if (placed) { date = placed; return 'place-date'; }
      }
      if (CODES.test(line)) return 'codes';
      if (!/\p{Ll}/u.test(line)) return 'capitals';
      // "Council of the European Union", "Rada Unii Europejskiej", "The President": short, no sentence.
      if (lines.length < 4 && /^\p{Lu}/u.test(line) && line.split(/\s+/).length <= 6 && !/[.!?;:,]$/.test(line) && !/\p{N}/u.test(line)) return 'institution';
      return undefined;
    }
  }

  /** "Brussels, 20 December 2018 (OR. en)", "Bruxelles, le 11.10.2019": the date after the place. */
  function placeDate(line: string, at: number): LetterheadDate | undefined {
    const place = PLACE.exec(line);
    if (!place || line.length > 120) return undefined;
    const rest = line.slice(place[0].length);
    const numeric = NUMERIC_DATE.exec(rest);
    if (numeric) {
      const start = at + place[0].length;
      return { start, end: start + numeric[0].length, day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]) };
    }
    const start = at + place[0].length;
    const [written] = findDates(rest, language);
    let date: LetterheadDate | undefined;
    if (written && written.start === 0 && written.year !== undefined) date = { start, end: start + written.end, day: written.day, month: written.month, year: written.year };
    // The style's own pattern, for the forms findDates does not read: "28 de novembro de 2018".
    const styled = date ? null : stylePattern(language).exec(rest);
    if (styled) {
      const month = language.months.findIndex((m) => m.toLowerCase() === styled.groups!.month.toLowerCase()) + 1;
      date = { start, end: start + styled[0].length, day: Number(styled.groups!.day), month, year: Number(styled.groups!.year) };
    }
    // After the date only codes: "(OR. en)", "(07.02)", "13839/02 (Presse 344)", Polish "r.".
    const tail = rest.slice(date ? date.end - start : 0).replace(/\([^()]*\)/g, '').trim().replace(/^r\./, '');
    return date && !/\p{Ll}/u.test(tail) ? date : undefined;
  }
}

const stylePatterns = new WeakMap<LanguageData, RegExp>();
/** The language's date pattern (D, MMMM, YYYY and literal words) as an anchored expression. */
function stylePattern(language: LanguageData): RegExp {
  let pattern = stylePatterns.get(language);
  if (!pattern) {
    const months = language.months.map(escapeRegExp).join('|');
    const source = language.dateFormat.pattern.split(/(D+|MMMM|YYYY)/).map((part) => {
      if (/^D+$/.test(part)) return '(?<day>\\d{1,2})';
      if (part === 'MMMM') return `(?<month>${months})`;
      if (part === 'YYYY') return '(?<year>\\d{4})';
      return escapeRegExp(part).replace(/ /g, '[ \\u00a0]');
    }).join('');
    pattern = new RegExp(`^${source}(?![\\p{L}\\p{N}])`, 'iu');
    stylePatterns.set(language, pattern);
  }
  return pattern;
}

/** The spans of a letterhead that are codes, not prose: everything but the values of its fields. */
export function letterheadCodeSpans(letterheads: readonly Letterhead[], prose: string): Span[] {
  const spans: Span[] = [];
  for (const head of letterheads) {
    for (const line of head.lines) {
      if (line.kind !== 'field') { spans.push({ start: line.start, end: line.end }); continue; }
      const field = head.fields.find((f) => f.start === line.start)!;
      spans.push({ start: line.start, end: field.valueStart });
      // "No. prev. doc.: 15051/18 PECHE 513 + ADD 1-2": a value made of codes is a code too.
      if (CODES.test(prose.slice(field.valueStart, line.end).trim())) spans.push({ start: field.valueStart, end: line.end });
    }
  }
  return spans;
}

/**
 * The date of the draft's letterhead ("Brussels, 20 December 2018"), if it opens with one: the
 * document's date, for the rules whose verdict depends on when the text was written.
 */
export function letterheadDate(analysis: { letterheads: readonly Letterhead[] }): LetterheadDate | undefined {
  const [first] = analysis.letterheads;
  return first?.atStart ? first.date : undefined;
}
