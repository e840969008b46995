/**
 * Turns the published seed note (plain text extracted from the PDF, in ../shared/seed/) into
 * Markdown the way a drafter would write it: header labels in bold, bullets as list items, the
 * numbered footnote as a Markdown footnote. The note's text is read at test time and never
 * copied into this repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from './shared';

export const SEED_NOTE_PATH = join(SHARED_DIR, 'seed', 'discussion-note-nl.txt');

const BULLET = /^[\uF000-\uF8FF]\s*/;
const HEADER_LABEL = /^(van|aan|Betreft):\s*/;

export function seedNoteToMarkdown(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const out: string[] = [];
  let inFootnote = false;
  for (const raw of lines) {
    let line = raw;
    if (line === 'NOTA') { out.push('**NOTA**', ''); continue; }
    const label = HEADER_LABEL.exec(line);
    if (label && out.length < 12) { out.push(`**${label[1]}:** ${line.slice(label[0].length)}`, ''); continue; }
    // The footnote marker follows "(TEI's)" in the text; its body starts with "1 " after the rule line.
    line = line.replace(/\(TEI's\)1\b/, "(TEI's)[^1]");
    if (/^1 De EU en de Afrikaanse/.test(line)) { out.push('', `[^1]: ${line.slice(2)}`); inFootnote = true; continue; }
    if (BULLET.test(line)) {
      out.push('', `- ${line.replace(BULLET, '')}`);
      inFootnote = false;
      continue;
    }
    out.push(inFootnote ? `    ${line}` : line);
    // The footnote is one sentence: the text after it is the note's again.
    if (inFootnote && /\.$/.test(line)) { out.push(''); inFootnote = false; continue; }
    // A sentence that ends a line ends the paragraph more often than not; either way the text checks the same.
    if (!inFootnote && /[.?:]$/.test(line)) out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

export function readSeedNoteMarkdown(path = SEED_NOTE_PATH): string {
  return seedNoteToMarkdown(readFileSync(path, 'utf8'));
}
