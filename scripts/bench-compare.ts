/**
 * The compare section of `npm run bench`: comparing two 12 KB language versions (the reference
 * note in English and Dutch, converted at run time; without ../shared, the corpus's energy note
 * repeated to 12 KB) against checking both, in one process, interleaved after warm-up.
 * Target: a comparison costs no more than the two checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../server/src/core/check';
import { compareTexts } from '../server/src/core/compare/compare';
import type { LanguageRegistry } from '../server/src/core/language/registry';
import type { PolicyIndex } from '../server/src/core/model/policy-index';
import { packageRoot } from '../server/src/node/resources';
import { readSeedNoteMarkdown } from '../test/support/seed-note';

function versions(): { original: string; translation: string; what: string } {
  const corpus = join(packageRoot(), 'test', 'fixtures', 'compare');
  const seed = readSeedNoteMarkdown();
  if (seed) return { original: readFileSync(join(corpus, 'seed', 'en.md'), 'utf8'), translation: seed, what: 'reference note en/nl' };
  const repeat = (file: string) => { const text = readFileSync(join(corpus, file), 'utf8'); return text.repeat(Math.ceil(12_000 / text.length)); };
  return { original: repeat('energy-en-fr/original.en.md'), translation: repeat('energy-en-fr/translation.fr.md'), what: 'energy note en/fr, repeated' };
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

export function compareFigure(model: PolicyIndex, languages: LanguageRegistry, iterations = 20): void {
  const { original, translation, what } = versions();
  const compare = () => compareTexts({ original, translation, model, languages });
  const checkBoth = () => { checkDraft({ text: original, model, languages }); checkDraft({ text: translation, model, languages }); };
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations + 3; i++) {
    for (const [k, run] of (i % 2 ? [[1, checkBoth], [0, compare]] : [[0, compare], [1, checkBoth]]) as [0 | 1, () => void][]) {
      const t = performance.now();
      run();
      if (i >= 3) times[k].push(performance.now() - t);
    }
  }
  const [compared, checked] = times.map(median);
  console.log(`Compare two language versions (${what}, ${(original.length / 1000).toFixed(1)} KB / ${(translation.length / 1000).toFixed(1)} KB)`);
  console.log(`compare median ${compared.toFixed(1)} ms | both checks median ${checked.toFixed(1)} ms | ratio ${(compared / checked).toFixed(2)} (target ≤ 1)\n`);
}
