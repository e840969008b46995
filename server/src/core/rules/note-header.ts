import { say } from '../messages/message';
import type { LanguageData } from '../../../../schemas/language';
import type { Rule } from '../rule';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { escapeRegExp } from '../text/regex';

type Field = 'from' | 'to' | 'subject';
const FIELDS: Field[] = ['from', 'to', 'subject'];
/** Front-matter keys that mark a draft as a note, whatever its first line says. */
const NOTE_TYPES = new Set(['note', 'nota', 'vermerk']);
/** The header sits at the top of a note; past this many lines it is body text. */
const HEADER_LINES = 40;


/** Matches "Label: value" once Markdown emphasis and table pipes are taken off the line. */
function labelLine(labels: string[]): RegExp {
  const alternatives = labels.map((label) => escapeRegExp(label.replace(/:$/, ''))).join('|');
  return new RegExp(`^\\s*(?:${alternatives})\\s*:\\s*(?<value>.*)$`, 'iu');
}

/** "**From:** Presidency" → "From: Presidency"; "| Absender | Vorsitz |" → "Absender: Vorsitz". */
function plainLine(line: string): string {
  const unmarked = line.replace(/\*\*|__/g, '');
  const cells = unmarked.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  if (cells.length < 2) return unmarked;
  return `${cells[0].replace(/:$/, '')}: ${cells.slice(1).join(' ')}`;
}

/**
 * A Council note (first line NOTE / NOTA / VERMERK…, a Council letterhead whose document marker
 * is one of these, or front matter `type: note`) must have the header fields of its language:
 * From/To/Subject, van/aan/Betreft, Origine/Destinataire/Objet, Absender/Empfänger/Betr. Labels
 * may be bold lines, table cells or front-matter keys. A letterhead is read as one structure
 * (analysis/letterhead.ts): "Council of the European Union / Brussels, date / (OR. en) / number
 * and codes / NOTE / From / To / Subject"; an attached document after "---" has its own.
 */
export const noteHeader: Rule = {
  id: 'note-header',
  description: 'A Council note without the header fields of its language (From/To/Subject, van/aan/Betreft…).',
  defaultSeverity: 'warning',
  check({ analysis, language, report }) {
    // A published note's letterhead (and each attached document's) holds its marker and fields.
    const headed = analysis.letterheads.filter((head) => head.marker);
    for (const head of headed) {
      const lines = head.fields.map((field) => analysis.prose.slice(field.start, field.end));
      reportMissing(head.marker!, lines, []);
    }
    if (headed.length > 0) return;
    const marker = noteMarker(analysis, language);
    if (!marker) return;
    reportMissing(marker, analysis.text.split(/\r\n|\r|\n/).slice(0, HEADER_LINES), fieldsInFrontMatter(analysis, language));

    function reportMissing(marker: { start: number; end: number }, lines: string[], inFrontMatter: Field[]): void {
      const present = new Set<Field>(inFrontMatter);
      // A language whose data has no label for a field cannot require it.
      for (const field of FIELDS.filter((f) => language.noteHeader[f].length === 0)) present.add(field);
      for (const field of FIELDS) {
        if (present.has(field)) continue;
        const pattern = labelLine(language.noteHeader[field]);
        if (lines.some((line) => (pattern.exec(plainLine(line))?.groups?.value ?? '').trim() !== '')) present.add(field);
      }
      const missing = FIELDS.filter((field) => !present.has(field));
      if (missing.length === 0) return;
      const label = (field: Field) => ({ quote: language.noteHeader[field][0] });
      report({
        start: marker.start,
        end: marker.end,
        message: say('note-header.missing-fields', {
          missing: { list: missing.map(label), join: 'comma' }, missingCount: missing.length, language: { language: language.code },
          fields: { list: FIELDS.filter((f) => language.noteHeader[f].length > 0).map(label), join: 'slash' },
        }),
      });
    }
  },
};

/** Where the draft says it is a note: the first block, if it is a document marker, or the front matter. */
function noteMarker(analysis: DraftAnalysis, language: LanguageData): { start: number; end: number } | undefined {
  const front = analysis.draft.frontMatter;
  const type = front?.data.type ?? front?.data.document;
  if (front && typeof type === 'string' && NOTE_TYPES.has(type.toLowerCase())) return { start: front.start, end: front.start + 3 };
  const first = analysis.draft.blocks[0];
  if (!first) return undefined;
  // Comments and markup in the marker line are not part of it: "# NOTE <!-- draft -->".
  const text = analysis.prose.slice(first.start, first.end).split('\u0001')[0].trim();
  const markers = new Set(language.noteHeader.documentMarkers.map((m) => m.toUpperCase()));
  if (!markers.has(text.toUpperCase())) return undefined;
  const at = analysis.prose.indexOf(text, first.start);
  return { start: at, end: at + text.length };
}

function fieldsInFrontMatter(analysis: DraftAnalysis, language: LanguageData): Field[] {
  const data = analysis.draft.frontMatter?.data ?? {};
  const keys = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase().replace(/[:.]$/, ''), value]));
  return FIELDS.filter((field) => [field, ...language.noteHeader[field]].some((label) => {
    const value = keys.get(label.toLowerCase().replace(/[:.]$/, ''));
    return value !== undefined && value !== null && String(value).trim() !== '';
  }));
}
