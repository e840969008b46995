/**
 * Edits that silence a rule with an inline directive (see ../suppressions.ts):
 * `<!-- council-notes-disable-next-line rule-id -->` on its own line above the finding's line,
 * or `<!-- council-notes-disable-file rule-id -->` at the top of the draft.
 */
import type { Replacement } from '../findings';
import type { ParsedDraft } from '../markdown/parse';
import { LineIndex } from '../text/positions';
import { detectEol, type Eol } from './apply';

const LIST_ITEM = /^(\s*(?:>\s*)*)([-*+]|\d{1,9}[.)])(\s+)/;
const BLOCK_START = /^\s{0,3}(?:#{1,6}(?:\s|$)|>|```|~~~)/;

export interface DirectiveEdit { edit: Replacement; placement: 'line-above' | 'inline' | 'file' }

/**
 * Silences `rule` on the line holding `offset`. The comment goes on its own line above when
 * that line starts a block (a paragraph after a blank line, a list item, a heading), indented
 * so that a list stays one list. Inside a paragraph or a table row, a line of its own would
 * split the paragraph or end the table, so there the comment goes at the end of the line as
 * `council-notes-disable-line`. Undefined inside front matter, where no comment can go.
 */
export function disableLineEdit(draft: ParsedDraft, offset: number, rule: string, eol: Eol = detectEol(draft.text)): DirectiveEdit | undefined {
  const { text } = draft;
  const front = draft.frontMatter;
  if (front && offset >= front.start && offset < front.end) return undefined;
  const lines = new LineIndex(text);
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStart(line);
  const lineText = lineAt(text, lineStart);
  const inTable = draft.blocks.some((block) => block.kind === 'tableCell' && block.start <= offset && offset <= block.end) || /^\s*\|/.test(lineText);
  const previous = line > 0 ? lineAt(text, lines.lineStart(line - 1)) : '';
  const afterFrontMatter = front !== undefined && line > 0 && lines.lineStart(line - 1) < front.end;
  const startsBlock = line === 0 || afterFrontMatter || previous.trim() === '' || LIST_ITEM.test(lineText) || BLOCK_START.test(lineText);

  if (!inTable && startsBlock) {
    const item = LIST_ITEM.exec(lineText);
    // In a tight list the comment is indented as the item's content, so it belongs to the
    // item before and the list is not split in two.
    const indent = item && previous.trim() !== ''
      ? ' '.repeat(item[1].replace(/>/g, ' ').length + item[2].length + item[3].length)
      : /^[\s>]*/.exec(lineText)![0];
    return { edit: { start: lineStart, end: lineStart, newText: `${indent}<!-- council-notes-disable-next-line ${rule} -->${eol}` }, placement: 'line-above' };
  }
  // Inline: before a closing table pipe or trailing spaces (a hard line break stays one).
  let at = lineStart + lineText.trimEnd().length;
  if (inTable && text[at - 1] === '|') at -= 1;
  while (at > lineStart && /[ \t]/.test(text[at - 1])) at--;
  return { edit: { start: at, end: at, newText: ` <!-- council-notes-disable-line ${rule} -->${inTable && text[at] === '|' ? ' ' : ''}` }, placement: 'inline' };
}

/** Silences `rule` in the whole draft: a directive on the first line (after front matter). */
export function disableFileEdit(draft: ParsedDraft, rule: string, eol: Eol = detectEol(draft.text)): DirectiveEdit {
  const { text } = draft;
  let at = 0;
  const front = draft.frontMatter;
  if (front) {
    const newline = text.indexOf('\n', front.end);
    at = newline < 0 ? text.length : newline + 1;
    if (newline < 0) return { edit: { start: at, end: at, newText: `${eol}<!-- council-notes-disable-file ${rule} -->${eol}` }, placement: 'file' };
  }
  return { edit: { start: at, end: at, newText: `<!-- council-notes-disable-file ${rule} -->${eol}` }, placement: 'file' };
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return (end < 0 ? text.slice(start) : text.slice(start, end)).replace(/\r$/, '');
}
