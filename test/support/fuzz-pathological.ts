/**
 * Pathological drafts (issue 7), each built at any scale: `npm run soak` (scripts/soak.ts) runs
 * them at full scale and measures them against "2 s per MB"; test/unit/robust-pathological.test.ts
 * runs them at CI scale and only asserts that the check finishes with sane ranges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { FRAGMENTS } from './fuzz-gen';

export interface PathologicalInput {
  name: string;
  /** What the input is, at full scale. */
  description: string;
  /** The draft at a scale (the count of whatever is repeated). */
  make(scale: number): string;
  /** Scale named by the issue, run by `npm run soak`. */
  full: number;
  /** Scale run in `npm test`. */
  ci: number;
}

/** Realistic prose without line breaks: the note fragments of every language, in turn. */
function proseOfLength(length: number): string {
  const sentences = Object.values(FRAGMENTS).flat().map((s) => s.replace(/\[\^\d+\]/g, ''));
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${sentences[i % sentences.length]} `;
  return out.slice(0, length);
}

/** The English example drafts (examples/en), one after the other, repeated to a length: real notes, not a trick. */
function exampleNotesOfLength(length: number): string {
  const dir = join(packageRoot(), 'examples', 'en');
  const notes = readdirSync(dir).filter((name) => name.endsWith('.md')).sort().map((name) => readFileSync(join(dir, name), 'utf8')).join('\n\n');
  return notes.repeat(Math.ceil(length / notes.length)).slice(0, length);
}

export const PATHOLOGICAL: PathologicalInput[] = [
  { name: 'example-notes', description: '1 MB of real notes (the English example drafts, repeated)', make: (n) => exampleNotesOfLength(n), full: 1_000_000, ci: 30_000 },
  { name: 'single-line', description: '1 MB of note prose on a single line (no line break)', make: (n) => proseOfLength(n), full: 1_000_000, ci: 30_000 },
  { name: 'single-line-plain', description: '1 MB single line of one repeated plain sentence', make: (n) => 'The Council invited Tunisia and Morocco to cooperate further. '.repeat(Math.ceil(n / 62)).slice(0, n), full: 1_000_000, ci: 30_000 },
  { name: 'setext-headings', description: '20,000 setext headings (a line underlined by "---" or "===")', make: (n) => Array.from({ length: n }, (_, i) => `Tunesia ${i}\n${i % 2 ? '===' : '---'}\n\nThe Council met.\n`).join('\n'), full: 20_000, ci: 1_000 },
  { name: 'nested-quotes', description: '10,000 nested block quotes (">>>>…> Tunesia")', make: (n) => `${'>'.repeat(n)} Tunesia and Turkey\n`, full: 10_000, ci: 500 },
  { name: 'nested-quotes-spaced', description: '10,000 nested block quotes ("> > > … > Tunesia")', make: (n) => `${'> '.repeat(n)}Tunesia and Turkey\n`, full: 10_000, ci: 500 },
  { name: 'nested-lists', description: '10,000 nested list levels ("- - - … - item")', make: (n) => `${'- '.repeat(n)}Tunesia and Turkey\n`, full: 10_000, ci: 300 },
  { name: 'nested-lists-indented', description: '2,000 nested list levels, one per line, each indented under the last', make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- Tunesia ${i}`).join('\n'), full: 2_000, ci: 100 },
  {
    name: 'footnotes',
    description: '100,000 footnotes (a reference in a paragraph of its own and a definition each)',
    make: (n) => `${Array.from({ length: n }, (_, i) => `Text[^${i}].`).join('\n\n')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`,
    full: 100_000, ci: 500,
  },
  { name: 'footnote-references-one-paragraph', description: '100,000 undefined footnote references in one paragraph', make: (n) => Array.from({ length: n }, (_, i) => `Text[^${i}].`).join(' '), full: 100_000, ci: 1_000 },
  { name: 'footnote-calls-then-definitions', description: 'one paragraph of 100,000 footnote calls, then their 100,000 definitions', make: (n) => `${Array.from({ length: n }, (_, i) => `Text[^${i}].`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`, full: 100_000, ci: 1_000 },
  { name: 'footnote-definitions', description: '100,000 footnote definitions, none referenced', make: (n) => Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n'), full: 100_000, ci: 500 },
  { name: 'country-repeated', description: '50,000 repetitions of a country name ("Tunisia, ")', make: (n) => 'Tunisia, '.repeat(n), full: 50_000, ci: 5_000 },
  { name: 'country-misspelt-repeated', description: '50,000 repetitions of a misspelt country name ("Tunesia ", one finding each)', make: (n) => 'Tunesia '.repeat(n), full: 50_000, ci: 2_000 },
  { name: 'deprecated-name-repeated', description: '50,000 repetitions of a deprecated name ("Turkey and ")', make: (n) => 'Turkey and '.repeat(n), full: 50_000, ci: 2_000 },
  { name: 'citation-chain', description: '"Article 1 of Article 1 of …" repeated without end (100,000 times)', make: (n) => `${'Article 1 of '.repeat(n)}the Visa Code.`, full: 100_000, ci: 5_000 },
  { name: 'citation-chain-nl', description: '"artikel 25 bis van artikel 25 bis van …" (100,000 times)', make: (n) => `---\nlang: nl\n---\n${'artikel 25 bis van '.repeat(n)}de Visumcode.`, full: 100_000, ci: 2_000 },
  { name: 'citations-repeated', description: '50,000 act citations in a row ("Regulation (EC) No 810/2009, ")', make: (n) => 'Regulation (EC) No 810/2009, '.repeat(n), full: 50_000, ci: 500 },
  { name: 'article-list', description: 'one article reference listing 100,000 articles ("Articles 1, 2, 3, …")', make: (n) => `Articles ${Array.from({ length: n }, (_, i) => i + 1).join(', ')} of the Visa Code.`, full: 100_000, ci: 5_000 },
  { name: 'open-parentheses', description: '500,000 "(" in a row', make: (n) => '('.repeat(n), full: 500_000, ci: 50_000 },
  { name: 'parenthesised-list-unclosed', description: '"10 countries (" followed by 50,000 "Tunisia, " and no ")"', make: (n) => `The 10 priority countries (${'Tunisia, '.repeat(n)}`, full: 50_000, ci: 2_000 },
  { name: 'digits', description: '500,000 digits in a row', make: (n) => '1'.repeat(n), full: 500_000, ci: 50_000 },
  { name: 'digit-groups', description: '100,000 small numbers ("10 20 30 …", each a possible count)', make: (n) => Array.from({ length: n }, (_, i) => String(10 + (i % 90))).join(' '), full: 100_000, ci: 5_000 },
  { name: 'capitals', description: '500,000 capitals in a row', make: (n) => 'A'.repeat(n), full: 500_000, ci: 50_000 },
  { name: 'acronyms', description: '100,000 different undefined acronyms ("ABAA ABAB …", one finding each)', make: (n) => Array.from({ length: n }, (_, i) => `X${String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26), 65 + (Math.floor(i / 676) % 26))}`).join(' '), full: 100_000, ci: 5_000 },
  { name: 'acronym-repeated', description: 'one undefined acronym used 40,000 times ("The ABCD met. ")', make: (n) => 'The ABCD met. '.repeat(n), full: 40_000, ci: 2_000 },
  { name: 'note-sentence-repeated', description: 'a note sentence with a citation and a defined acronym, 20,000 times (1.6 MB)', make: (n) => 'Under Regulation (EU) 2019/1155 the EUAA (European Union Agency for Asylum) acts. '.repeat(n), full: 20_000, ci: 500 },
  { name: 'shouting-blocks', description: '40,000 paragraphs in capitals ("ABCD EFGH")', make: (n) => 'ABCD EFGH\n\n'.repeat(n), full: 40_000, ci: 2_000 },
  { name: 'dates', description: '50,000 dates ("31 September 2023, ", one finding each)', make: (n) => '31 September 2023, '.repeat(n), full: 50_000, ci: 500 },
  { name: 'open-brackets', description: '200,000 "[" in a row (link label starts)', make: (n) => '['.repeat(n), full: 200_000, ci: 5_000 },
  { name: 'unclosed-links', description: '100,000 "[a](" in a row', make: (n) => '[a]('.repeat(n), full: 100_000, ci: 1_000 },
  { name: 'emphasis-delimiters', description: '200,000 alternating "*" and "_"', make: (n) => '*_'.repeat(n / 2), full: 200_000, ci: 2_000 },
  { name: 'backtick-runs', description: 'backtick runs of growing length, none closed (2,000 runs)', make: (n) => Array.from({ length: n }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' '), full: 2_000, ci: 200 },
  { name: 'html-comments-unclosed', description: '100,000 "<!--" and no "-->"', make: (n) => '<!-- '.repeat(n), full: 100_000, ci: 5_000 },
  { name: 'directives', description: '20,000 council-notes directives and 20,000 findings', make: (n) => Array.from({ length: n }, (_, i) => `<!-- council-notes-disable${i % 2 ? '' : '-next-line'} unknown-country -->\nTunesia ${i}\n<!-- council-notes-enable -->`).join('\n\n'), full: 20_000, ci: 200 },
  { name: 'wide-table', description: 'a table of 5,000 columns and 50 rows', make: (n) => [`|${' Turkey |'.repeat(n)}`, `|${'---|'.repeat(n)}`, ...Array.from({ length: 50 }, () => `|${' Tunesia |'.repeat(n)}`)].join('\n'), full: 5_000, ci: 40 },
  { name: 'long-table', description: 'a table of 3 columns and 100,000 rows', make: (n) => ['| a | b | c |', '|---|---|---|', ...Array.from({ length: n }, (_, i) => `| Tunesia ${i} | Turkey | 28 September 2023 |`)].join('\n'), full: 100_000, ci: 500 },
  { name: 'blank-lines', description: '1,000,000 line breaks (CRLF)', make: (n) => '\r\n'.repeat(n), full: 1_000_000, ci: 20_000 },
  { name: 'lone-surrogates', description: '500,000 lone surrogates and combining marks', make: (n) => '\uD800\u0301\uDFFF'.repeat(Math.ceil(n / 3)).slice(0, n), full: 500_000, ci: 50_000 },
  { name: 'front-matter-alias-bomb', description: 'front matter with a YAML alias bomb (9 levels of 10 aliases)', make: (n) => `---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n---\nText.\n`, full: 9, ci: 9 },
  { name: 'front-matter-huge', description: 'front matter of 100,000 keys', make: (n) => `---\n${Array.from({ length: n }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\nTunesia.\n`, full: 100_000, ci: 1_000 },
];

/** The budget of the issue: 2 s per MB, with a floor of 250 ms (a keystroke's latency) for small inputs. */
export function budgetMs(text: string): number { return budgetForBytes(utf8Bytes(text)); }
export function budgetForBytes(bytes: number): number { return Math.max(250, 2000 * bytes / 1_000_000); }

export function utf8Bytes(text: string): number { return Buffer.byteLength(text, 'utf8'); }
