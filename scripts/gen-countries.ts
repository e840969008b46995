/**
 * Generates model/default/00-countries.generated.policy.json from the EU Vocabularies
 * Countries authority table (SKOS/RDF). Corrections the table cannot express belong in
 * model/default/01-countries.policy.yaml, which is layered over the generated file.
 *
 *   node out/scripts/gen-countries.js [path/to/countries-skos.rdf] [--review]
 *
 * The default input is ../shared/data/eu-vocabularies/countries-skos.rdf (from the repo root).
 * It prints how the table's hidden labels were classified; --review also lists every label.
 *
 * Hidden labels (skos:hiddenLabel) are a mixed bag, so each one is classified, first match wins:
 *   error       in NOT_NAMES below: typos and a word that is no name at all                -> dropped
 *   spelling    same as a preferred/alternative label once case, diacritics, punctuation and
 *               spacing are ignored ("Côte d'Ivoire" with a straight apostrophe)      -> variant
 *   adjective   a demonym or adjective ("Congolese", "française")                      -> dropped
 *   deprecated  a known former name, or one EU texts avoid (DEPRECATED_NAMES below)     -> deprecated
 *   collision   names another concept: another current concept's preferred/alternative label
 *               ("Congo" under the DR Congo), or, under a historical concept, any name of a
 *               current one ("Yemen" under North Yemen, "Myanmar" under Burma)           -> dropped
 *   inflected   contains every significant word of a preferred/alternative label, possibly
 *               inflected ("van de Democratische Republiek Congo", "Andoras")            -> variant
 *   other       anything else: translations and informal names ("Congo-Kinshasa",
 *               "Caribbean Netherlands"). Kept as variants: a missed former name then goes
 *               unflagged, whereas treating them as deprecated would flag correct text.  -> variant
 * Adjectives are dropped because names are used to find country mentions in running text:
 * "German" (listed under East Germany), "anglaise" (under Jersey) or "française" (under
 * Réunion) would make every use of a common adjective a mention of the wrong country.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EU_LANGUAGES, type Country, type LanguageCode } from '../schemas/policy-model';

const SOURCE_ID = 'eu-vocabularies-country';
const TABLE_URL = 'http://publications.europa.eu/resource/authority/country';
const OUTPUT = 'model/default/00-countries.generated.policy.json';
const DEFAULT_INPUT = '../shared/data/eu-vocabularies/countries-skos.rdf';

// ---------------------------------------------------------------------------------------------
// A minimal XML reader. The table is a machine-written, well-formed RDF/XML file without DTD,
// so a tag scanner that builds a small element tree is enough (no dependency needed).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  // Comments, CDATA, processing instructions and doctype first; then end tags, start tags, text.
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (top.name !== m[2]) throw new Error(`XML: </${m[2]}> closes <${top.name}> at offset ${m.index}`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const el: XmlElement = { name: m[3], attrs: {}, children: [], text: '' };
      for (const a of m[4].matchAll(attr)) el.attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      top.children.push(el);
      if (!m[5]) stack.push(el);
    } else if (m[6] !== undefined) top.text += decodeEntities(m[6]);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is not closed`);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Reading the table.

interface Concept {
  code: string;
  deprecated: boolean;
  endUse?: string;
  pref: Map<string, string[]>;
  alt: Map<string, string[]>;
  hidden: Map<string, string[]>;
}

// Some Bulgarian and Greek labels in the table mix in Latin look-alike letters ("Aвcтpия" starts
// with a Latin A and has Latin c, p); such a name would never match real text, so the Latin
// letters are mapped back to the script of the rest of the word.
const HOMOGLYPHS: Record<string, { script: RegExp; map: Record<string, string> }> = {
  bg: { script: /\p{Script=Cyrillic}/u, map: Object.fromEntries([...'AaBCcEeHKMOoPpTXxYy'].map((c, i) => [c, [...'АаВСсЕеНКМОоРрТХхУу'][i]])) },
  el: { script: /\p{Script=Greek}/u, map: Object.fromEntries([...'ABEHIKMNOPTXYZov'].map((c, i) => [c, [...'ΑΒΕΗΙΚΜΝΟΡΤΧΥΖον'][i]])) },
};
let homoglyphRepairs = 0;

function repairScript(lang: string, text: string): string {
  const h = HOMOGLYPHS[lang];
  if (!h) return text;
  const fixed = text.replace(/[\p{L}]+/gu, (word) =>
    h.script.test(word) && /[A-Za-z]/.test(word) ? word.replace(/[A-Za-z]/g, (c) => h.map[c] ?? c) : word);
  if (fixed !== text) homoglyphRepairs++;
  return fixed;
}

function readTable(xml: string): { version: string; concepts: Concept[]; skipped: string[] } {
  const rdf = parseXml(xml).children.find((e) => e.name === 'rdf:RDF');
  if (!rdf) throw new Error('not an RDF/XML file');
  const scheme = rdf.children.find((e) => e.name === 'skos:ConceptScheme');
  const version = scheme?.attrs['at:table.version.number']
    ?? scheme?.children.find((e) => e.name === 'owl:versionInfo')?.text.trim();
  if (!version) throw new Error('no table version in skos:ConceptScheme');
  const concepts: Concept[] = [];
  const skipped: string[] = [];
  for (const el of rdf.children.filter((e) => e.name === 'skos:Concept')) {
    const field = (name: string) => el.children.find((e) => e.name === name)?.text.trim();
    const code = field('at:authority-code');
    // Concepts without an authority code (OP_DATPRO "Provisional data") are not countries.
    if (!code) { skipped.push(el.attrs['rdf:about'] ?? '?'); continue; }
    const labels = (name: string) => {
      const byLang = new Map<string, string[]>();
      for (const e of el.children.filter((c) => c.name === name)) {
        const lang = e.attrs['xml:lang'];
        const text = repairScript(lang, e.text.trim().replace(/\s+/g, ' '));
        if (lang && text) byLang.set(lang, [...(byLang.get(lang) ?? []), text]);
      }
      return byLang;
    };
    concepts.push({
      code, deprecated: el.attrs['at:deprecated'] === 'true', endUse: field('at:end.use'),
      pref: labels('skos:prefLabel'), alt: labels('skos:altLabel'), hidden: labels('skos:hiddenLabel'),
    });
  }
  return { version, concepts, skipped };
}

// ---------------------------------------------------------------------------------------------
// Comparing names.

/** Lower case without diacritics. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Only the letters and digits: equal squashes differ in case, diacritics, punctuation or spacing. */
const squash = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Same word up to an inflectional ending: a shared stem of at least 3 letters, differing by at most 3. */
function sameStem(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 3) return a === b;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= Math.max(3, Math.min(a.length, b.length) - 3);
}

/** Whether `label` contains every significant word (4+ letters) of `name`, possibly inflected. */
function covers(label: string, name: string): boolean {
  const nameWords = words(name);
  const significant = nameWords.filter((w) => w.length >= 4);
  const labelWords = words(label);
  return (significant.length ? significant : nameWords).every((w) => labelWords.some((l) => sameStem(w, l)));
}

// Languages that write adjectives and demonyms with a capital: there the ending decides.
const ADJECTIVE_ENDING: Partial<Record<LanguageCode, RegExp>> = {
  en: /(an|ian|ean|ese|ish|i|ine)$/, // Rwandan, Emirian, Cape Verdean, Faeroese, Somali, Argentine
  nl: /(se|sch|sche|aks|ees)$/, // Congolese, Joegoslavisch, Tsjecho-Slowaaks, Zaïrees
  ga: /ach$/, // Gearmánach, Congólach
  mt: /(jan[ae]|an[ae]|iz[ae]|ik[ae])$/, // Samoana, Kongoliża, Brittanika (matched without diacritics)
};
// Phrases naming a person rather than the country: ga "duine ó Gheirsí", fi "... kansalainen".
const DEMONYM_PHRASE: Partial<Record<LanguageCode, RegExp>> = {
  ga: /^duine (o|on|as)\b/,
  fi: /\b(kansalainen|asukas)$/,
};

function isAdjective(lang: LanguageCode, label: string, names: string[]): boolean {
  // In the other languages adjectives are lower case, while names (even with a lower-case
  // article: "an tSeicia", "il-Ġermanja") contain a capital. Lower-case descriptions
  // ("palestinske områder") go too: they are not names.
  if (!/\p{Lu}/u.test(label)) return true;
  if (DEMONYM_PHRASE[lang]?.test(fold(label))) return true;
  const ending = ADJECTIVE_ENDING[lang];
  if (!ending) return false;
  // Words as written, hyphenated compounds whole: "Wit-Russische" is one adjective.
  const ws = fold(label).split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter(Boolean);
  const last = ws[ws.length - 1] ?? '';
  const nameWords = new Set(names.flatMap(words));
  // English adjectives can be a truncated name: Slovak, Kazakh, Lao, Czech(oslovakia), Yugoslav.
  if (lang === 'en' && ws.length === 1 && [...nameWords].some((w) => w.length > last.length && w.startsWith(last))) return true;
  if (!ending.test(last)) return false;
  // A single word is an adjective unless the short name has it ("Portugese" is one, "Guyana" not);
  // in a longer label the last word is, unless a name has it ("Republic of Sudan").
  return ws.length === 1 ? !words(names[0] ?? '').includes(last) : !words(last).some((w) => nameWords.has(w));
}

// ---------------------------------------------------------------------------------------------
// Known former names, and names EU texts avoid. The table lists them as hidden labels without
// saying so; each entry matches (on lower-case text without diacritics) the name in every language
// it occurs in. Names that merely contain the current name ("Kingdom of Nepal") would otherwise
// be variants.

interface DeprecatedName { id: string; langs?: LanguageCode[]; match: RegExp; since?: string; reason: string }

export const DEPRECATED_NAMES: DeprecatedName[] = [
  // Renamed by the King on 19 April 2018, the 50th anniversary of independence.
  { id: 'SWZ', match: /s[wv]a[zs]i|suazi|suasal|σουαζιλ|свазил/, since: '2018-04-19',
    reason: 'Swaziland was renamed the Kingdom of Eswatini in April 2018.' },
  // Only where the table's short name is now Cabo Verde (sl "Zelenortski otoki" is still current).
  { id: 'CPV', langs: ['en', 'fr', 'ga', 'hr', 'it', 'mt', 'ro'], match: /cape verde|cap-vert|capo verde|capul(ui)? verde|rinn verde|zelenortsk/,
    since: '2013', reason: 'Cabo Verde asked in 2013 to be called "Cabo Verde" in every language.' },
  { id: 'WSM', match: /western samoa|lansi-samoa|samoa-occidental|samo thiar|nyugat-szamoa|rietumsamoa|samoa tal-punent|samoa de vest|zahodna samoa/,
    since: '1997', reason: 'Western Samoa has been called Samoa since 1997.' },
  { id: 'TLS', langs: ['en', 'da'], match: /east timor|østtimor/,
    reason: 'The table gives "Timor-Leste" as the short name in this language.' },
  { id: 'LBY', match: /jamahiri|τζαμαχιρ|dzamahir|seamaithir|szocialista nepi/, since: '2011',
    reason: 'The Great Socialist People\'s Libyan Arab Jamahiriya became Libya (now the State of Libya) in 2011.' },
  { id: 'NPL', match: /kingdom|konigreich|βασιλειο|riocht|kraljevina|karaliste/, since: '2008',
    reason: 'Nepal has been a federal democratic republic since the monarchy was abolished in 2008.' },
  { id: 'BOL', match: /republi/, since: '2009',
    reason: 'The Republic of Bolivia became the Plurinational State of Bolivia in 2009.' },
  { id: 'MNE', match: /republi|δημοκρατια|vabariik|poblacht/, since: '2007',
    reason: 'Under its 2007 Constitution the state is called just "Montenegro".' },
  { id: 'BIH', match: /republi|δημοκρατια|vabariik|koztarsasag/, since: '1995',
    reason: 'The Republic of Bosnia and Herzegovina (1992-1995) has been "Bosnia and Herzegovina" since the Dayton Agreement.' },
  // The table lists these under the Byelorussian SSR too, so without this entry they would be
  // dropped as another concept's names.
  { id: 'BLR', langs: ['hr', 'nl', 'sv'], match: /bjelorusij|wit-rusland|vitryssland/,
    reason: 'The table now gives "Belarus" ("Bjelarus" in Croatian) as the short name in this language.' },
  { id: 'IRQ', langs: ['fr'], match: /\birak\b/,
    reason: 'The EU Interinstitutional Style Guide and the table write "Iraq" in French.' },
  { id: '1A0', match: /republi|tasavalta/,
    reason: 'EU texts do not call Kosovo a republic (not every Member State recognises it): write Kosovo* with the designation footnote.' },
];

// Hidden labels that are no correct name of the country: typos and other data errors noticed when
// reviewing the classification (--review), dropped. Not exhaustive.
export const NOT_NAMES: { id?: string; lang: LanguageCode; match: RegExp; reason: string }[] = [
  { lang: 'sv', match: /^(Republliken|Republilken) /, reason: 'Typo for "Republiken".' },
  { lang: 'it', match: /^Repubbica /, reason: 'Typo for "Repubblica".' },
  { lang: 'nl', match: /^Repulbiek /, reason: 'Typo for "Republiek".' },
  { id: 'PER', lang: 'da', match: /^Republikken Peur$/, reason: 'Typo for "Republikken Peru".' },
  { id: 'PRI', lang: 'bg', match: /^Пеурто Рико$/, reason: 'Typo for "Пуерто Рико".' },
  { id: 'CHE', lang: 'de', match: /Eidgenoossenschaft/, reason: 'Typo for "Eidgenossenschaft".' },
  { id: 'JEY', lang: 'da', match: /^Baliwick of Jersey$/, reason: 'Typo, and English rather than Danish.' },
  { id: 'SPM', lang: 'pt', match: /MiquelãoSão/, reason: 'Two labels run together.' },
  { id: 'ZR0', lang: 'et', match: /^Kodakondsuseta$/, reason: 'Estonian for "stateless", not a name of Zaire.' },
  { id: 'MMR', lang: 'en', match: /^of Burma$/, reason: 'A fragment of the former "Union of Burma"; EU texts write "Myanmar/Burma".' },
  { id: 'YUG', lang: 'es', match: /Antigua República Yugoslava de Macedonia/,
    reason: 'The former name of North Macedonia, not of Yugoslavia.' },
];

// ---------------------------------------------------------------------------------------------
// Classification.

export type LabelClass = 'spelling' | 'error' | 'adjective' | 'deprecated' | 'collision' | 'inflected' | 'other';
const VARIANT_CLASSES: LabelClass[] = ['spelling', 'inflected', 'other'];

/**
 * Splits a hidden label that packs several forms: "Slovak; Slovakian", "Myanmar / Birma",
 * "of the Holy See/of the Vatican" (but not "1244/99"), "fra Elfenbenskysten, ivoriansk"
 * (a comma only when one part is a lower-case adjective: "Korea, Republik" stays whole).
 */
function splitLabel(label: string): string[] {
  return label.split(/;|\s*\/\s*(?!\d)/).flatMap((part) => {
    const pieces = part.split(/,\s+/);
    return pieces.length > 1 && pieces.some((p) => !/\p{Lu}/u.test(p)) ? pieces : [part];
  }).map((p) => p.trim().replace(/-$/, '')).filter(Boolean); // "DDR-" (as in DDR-Bürger) -> "DDR"
}

export interface Classified { id: string; lang: LanguageCode; label: string; cls: LabelClass; deprecated?: DeprecatedName; other?: string[] }

function classify(concepts: Concept[]): Classified[] {
  // Who owns which preferred/alternative label, per language, to detect labels of other concepts.
  const owners = new Map<string, Set<string>>();
  for (const c of concepts) for (const lang of EU_LANGUAGES) {
    for (const n of [...(c.pref.get(lang) ?? []), ...(c.alt.get(lang) ?? [])]) {
      const key = `${lang}:${squash(n)}`;
      owners.set(key, new Set([...(owners.get(key) ?? []), c.code]));
    }
  }
  const historicalCodes = new Set(concepts.filter((c) => c.deprecated).map((c) => c.code));
  // Every name of a current concept, per language, as a squash and as a phrase of whole words.
  const currentNames = new Map(EU_LANGUAGES.map((lang) => [lang, concepts.filter((c) => !c.deprecated).flatMap((c) =>
    [c.pref, c.alt, c.hidden].flatMap((m) => (m.get(lang) ?? []).flatMap(splitLabel)).map((n) => ({
      code: c.code, key: squash(n), phrase: ` ${words(n).join(' ')} `, significant: words(n).some((w) => w.length >= 4),
    })))]));
  const out: Classified[] = [];
  for (const c of concepts) for (const lang of EU_LANGUAGES) {
    const names = [...(c.pref.get(lang) ?? []), ...(c.alt.get(lang) ?? [])];
    const isSpelling = (l: string) => names.some((n) => squash(n) === squash(l));
    // A historical concept must not claim a current country's names: the table lists
    // "Myanmar" under Burma and "della Repubblica democratica del Congo" under Zaire. Claimed:
    // equal to, or containing as whole words, a name of a current concept (one with a word of
    // 4+ letters, so "Man" does not claim "Isle of Man"), unless it also names its own concept.
    const currentClaim = (label: string) => {
      if (!c.deprecated || names.some((n) => covers(label, n))) return undefined;
      const key = squash(label);
      const phrase = ` ${words(label).join(' ')} `;
      return currentNames.get(lang)!.find((n) => n.key === key || (n.significant && phrase.includes(n.phrase)))?.code;
    };
    for (const raw of c.hidden.get(lang) ?? []) {
      for (const label of isSpelling(raw) ? [raw] : splitLabel(raw)) {
        const add = (cls: LabelClass, extra: Partial<Classified> = {}) => out.push({ id: c.code, lang, label, cls, ...extra });
        const deprecated = DEPRECATED_NAMES.find((f) => f.id === c.code && (!f.langs || f.langs.includes(lang)) && f.match.test(fold(label)));
        // A current country keeps a label that is also a historical concept's name ("Timor Leste").
        const other = [...(owners.get(`${lang}:${squash(label)}`) ?? [])]
          .filter((o) => o !== c.code && (c.deprecated || !historicalCodes.has(o)));
        const claimed = other.length ? undefined : currentClaim(label);
        if (NOT_NAMES.some((e) => (!e.id || e.id === c.code) && e.lang === lang && e.match.test(label))) add('error');
        else if (isSpelling(label)) add('spelling');
        else if (isAdjective(lang, label, names)) add('adjective');
        else if (deprecated) add('deprecated', { deprecated });
        else if (other.length || claimed) add('collision', { other: other.length ? other : [claimed!] });
        else if (names.flatMap(splitLabel).some((n) => covers(label, n))) add('inflected'); // "Myanmar/Burma" too
        else add('other');
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building the model.

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unique = (xs: string[]) => [...new Set(xs)].sort(byCodePoint);

export interface Generated { json: string; countries: Country[]; labels: Classified[]; skipped: string[]; homoglyphRepairs: number }

export function generate(xml: string): Generated {
  homoglyphRepairs = 0;
  const { version, concepts, skipped } = readTable(xml);
  const labels = classify(concepts);
  const labelsOf = new Map<string, Classified[]>();
  for (const l of labels) labelsOf.set(`${l.id}:${l.lang}`, [...(labelsOf.get(`${l.id}:${l.lang}`) ?? []), l]);
  // The table's version (YYYYMMDD-n) stands in for "today", so the output only depends on the input.
  const asOf = `${version.slice(0, 4)}-${version.slice(4, 6)}-${version.slice(6, 8)}`;
  const countries: Country[] = concepts.map((c) => {
    const names: Country['names'] = {};
    for (const lang of EU_LANGUAGES) {
      const short = c.pref.get(lang)?.[0];
      if (!short) continue;
      // Several alternative labels are an acronym plus the formal name (US, USA, United States of
      // America): the longest is the formal name, the others are variants.
      const alts = [...(c.alt.get(lang) ?? [])].sort((a, b) => b.length - a.length || byCodePoint(a, b));
      const formal = alts[0] !== undefined && alts[0] !== short ? alts[0] : undefined;
      const mine = labelsOf.get(`${c.code}:${lang}`) ?? [];
      const variants = unique([...(c.pref.get(lang) ?? []).slice(1), ...alts.slice(1),
        ...mine.filter((l) => VARIANT_CLASSES.includes(l.cls)).map((l) => l.label)])
        .filter((v) => v !== short && v !== formal);
      // A former formal name ("Kingdom of Swaziland") is replaced by the formal name: it shares a
      // word with the formal name that the short name lacks.
      const replacement = (name: string) => formal && words(name).some((w) => words(formal).includes(w) && !words(short).includes(w)) ? formal : short;
      const deprecated = [...new Map(mine.filter((l) => l.cls === 'deprecated').map((l) => [l.label, {
        name: l.label, replacement: replacement(l.label),
        ...(l.deprecated?.since ? { since: l.deprecated.since } : {}), reason: l.deprecated!.reason,
      }])).values()].sort((a, b) => byCodePoint(a.name, b.name));
      names[lang] = {
        short, ...(formal ? { formal } : {}),
        ...(variants.length ? { variants } : {}), ...(deprecated.length ? { deprecated } : {}),
      };
    }
    const historical = c.deprecated || (c.endUse !== undefined && c.endUse < asOf);
    return { id: c.code, ...(historical ? { historical: true } : {}), source: SOURCE_ID, names };
  }).sort((a, b) => byCodePoint(a.id, b.id));

  const head = {
    name: 'EU Vocabularies countries (generated)',
    version,
    description: 'Generated by scripts/gen-countries.ts from the EU Vocabularies Countries authority table; '
      + 'do not edit by hand: corrections go in 01-countries.policy.yaml.',
  };
  const sources = [{ id: SOURCE_ID, title: 'EU Vocabularies, Countries authority table (Publications Office of the European Union)', url: TABLE_URL, date: version }];
  // One country per line: small diffs when the table changes, and well under the size budget.
  const json = '{\n'
    + Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('')
    + `  "sources": [\n${sources.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ],\n`
    + `  "countries": [\n${countries.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
  return { json, countries, labels, skipped, homoglyphRepairs };
}

/** The repository root: the nearest directory up from `start` whose package.json is council-notes. */
export function findRepoRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'council-notes') return dir;
    if (dirname(dir) === dir) throw new Error(`no council-notes package.json above ${start}`);
  }
}

export function defaultInput(root: string): string {
  return resolve(root, DEFAULT_INPUT);
}

function main(args: string[]): void {
  const root = findRepoRoot(__dirname);
  const review = args.includes('--review');
  const input = args.find((a) => !a.startsWith('--')) ?? defaultInput(root);
  const result = generate(readFileSync(input, 'utf8'));
  writeFileSync(join(root, OUTPUT), result.json);

  const count = (pred: (l: Classified) => boolean) => result.labels.filter(pred).length;
  console.log(`${OUTPUT}: ${result.countries.length} countries (${result.countries.filter((c) => c.historical).length} historical), `
    + `${(Buffer.byteLength(result.json) / 1024).toFixed(0)} KiB; skipped without authority code: ${result.skipped.join(', ') || 'none'}; `
    + `labels repaired (Latin look-alike letters): ${result.homoglyphRepairs}`);
  console.log(`hidden labels in EU languages, after splitting: ${result.labels.length}`);
  for (const cls of ['spelling', 'inflected', 'other', 'deprecated', 'adjective', 'collision', 'error'] as LabelClass[]) {
    const effect = VARIANT_CLASSES.includes(cls) ? 'variant' : cls === 'deprecated' ? 'deprecated' : 'dropped';
    console.log(`  ${cls.padEnd(10)} ${String(count((l) => l.cls === cls)).padStart(5)}  -> ${effect}`);
  }
  if (review) {
    for (const l of result.labels) {
      console.log([l.cls, l.id, l.lang, l.label, l.other?.join(',') ?? ''].join('\t'));
    }
  } else {
    console.log('  (run with --review to list every label with its class)');
  }
}

if (require.main === module) main(process.argv.slice(2));
