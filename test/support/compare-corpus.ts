/**
 * The bilingual corpus of test/fixtures/compare: pairs of language versions, each clean, and the
 * discrepancies planted.json plants in its translation. The seed pair's translation is the Dutch
 * reference note, converted at test time (its text is never copied into the repository).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { readSeedNoteMarkdown } from './seed-note';

export interface Plant { what: string; find: string; replace: string; regex?: boolean; rule: string | null }
export interface Pair { name: string; original: string; translation: string; plants: Plant[] }

export const CORPUS_DIR = join(packageRoot(), 'test', 'fixtures', 'compare');

export function corpusPairs(): Pair[] {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'planted.json'), 'utf8')) as { pairs: Pair[] }).pairs;
}

/** A version's text; undefined for the seed note where ../shared is not there. */
export function versionText(file: string): string | undefined {
  return file === 'SEED' ? readSeedNoteMarkdown() : readFileSync(join(CORPUS_DIR, file), 'utf8');
}

/** The translation with one discrepancy planted, and the offset where it was planted. */
export function plant(text: string, planted: Plant): { text: string; at: number } {
  const pattern = new RegExp(planted.regex ? planted.find : planted.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  const first = pattern.exec(text);
  if (!first) throw new Error(`planted text not found: ${planted.find}`);
  return { text: text.replace(pattern, planted.replace), at: first.index };
}
