/**
 * Fills `commonWords` in languages/<code>.json: ordinary words of the language that the
 * unknown-country rule would otherwise take for a misspelt country name (German "Inland" for
 * "Irland", "Festland" for "Estland"). It runs the rule's own near-miss test over a Debian word
 * list (apt-get install wbritish wdutch wfrench wngerman witalian wspanish), so the list is
 * exactly the set of words the rule needs to know. Run: npm run gen:common-words
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';
import { allowedDistance, isDerivedForm } from '../server/src/core/rules/unknown-country';
import { looseKey, matchKey } from '../server/src/core/text/normalize';
import { loadLanguages } from '../server/src/node/resources';

const WORD_LISTS: Record<string, string> = {
  en: '/usr/share/dict/british-english', nl: '/usr/share/dict/dutch', fr: '/usr/share/dict/french',
  de: '/usr/share/dict/ngerman', it: '/usr/share/dict/italian', es: '/usr/share/dict/spanish',
};

const root = packageRoot();
const model = loadModelFromDisk([]).build.index;
const knownLabels = new Set<string>();
for (const country of model.countries.values()) {
  for (const names of Object.values(country.names)) {
    if (!names) continue;
    for (const text of [names.short, names.formal, ...(names.variants ?? []), ...(names.deprecated ?? []).map((d) => d.name)]) if (text) knownLabels.add(matchKey(text));
  }
}

for (const [code, path] of Object.entries(WORD_LISTS)) {
  if (!existsSync(path)) { console.log(`${code}: ${path} missing, skipped`); continue; }
  const names = model.countryNames(code, allowedDistance);
  const derivations = loadLanguages().get(code)?.derivationSuffixes ?? [];
  const found = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const word = line.trim();
    if (word.length < 6 || /[^\p{L}'-]/u.test(word) || knownLabels.has(matchKey(word))) continue;
    // The rule only looks at capitalised words: German nouns, and any word at a sentence start.
    const capitalised = word[0].toUpperCase() + word.slice(1);
    const key = looseKey(capitalised);
    const hits = names.lookup(key, allowedDistance(key.length)).filter((hit) => !isDerivedForm(key, hit.key, derivations) && matchKey(hit.value.text) !== matchKey(capitalised));
    if (hits.length > 0) found.add(capitalised);
  }
  const file = join(root, 'languages', `${code}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.commonWords = [...found].sort((a, b) => a.localeCompare(b));
  const source = `Debian word list ${path} (near-miss words computed by scripts/gen-common-words.ts)`;
  data.sources = [...(data.sources ?? []).filter((s: string) => !s.startsWith('Debian word list')), source];
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${code}: ${found.size} common words near a country name`);
}
