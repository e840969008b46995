/**
 * The language data files in `languages/`: one per official EU language, each valid against
 * `languageDataSchema`, and the four complete languages (en, nl, fr, de) hold what the checks rely on.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { languageDataSchema, type LanguageData } from '../../schemas/language';
import { EU_LANGUAGES } from '../../schemas/policy-model';

/** Walks up from this file to the package.json named "council-notes". */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'council-notes') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json named "council-notes" above ${__dirname}`);
    dir = parent;
  }
}

const languagesDir = join(repoRoot(), 'languages');
const files = readdirSync(languagesDir).filter((name) => name.endsWith('.json')).sort();
const raw = new Map<string, unknown>(files.map((name) => [name, JSON.parse(readFileSync(join(languagesDir, name), 'utf8'))]));

function data(code: string): LanguageData {
  const parsed = languageDataSchema.safeParse(raw.get(`${code}.json`));
  assert.ok(parsed.success, `${code}.json does not validate`);
  return parsed.data;
}

const COMPLETE = ['en', 'nl', 'fr', 'de'] as const;

/**
 * Detection stopwords that two complete languages may share, and why. Anything else shared
 * between two complete languages fails the test.
 */
const SHARED_STOPWORDS: Record<string, string[]> = {
  'fr|nl': ['de', 'en'], // fr "de" (of) / nl "de" (the); fr "en" (in) / nl "en" (and): the most frequent words of both
  'de|fr': ['des'], // de "des" (of the, genitive) / fr "des" (of the, plural)
};

/** A regular expression for a date written in `pattern` (tokens D, DD, MMMM, YYYY). */
function dateRegExp(pattern: string, months: string[], ordinalFirst?: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const day = ordinalFirst ? `(?:\\d{1,2}|${escape(ordinalFirst)})` : '\\d{1,2}';
  const source = pattern.split(/(YYYY|MMMM|DD|D)/).map((part) => {
    switch (part) {
      case 'YYYY': return '\\d{4}';
      case 'MMMM': return `(?:${months.map(escape).join('|')})`;
      case 'DD': return '\\d{2}';
      case 'D': return day;
      default: return escape(part);
    }
  }).join('');
  return new RegExp(`^${source}$`, 'iu');
}

describe('language data (languages/*.json)', () => {
  it('has a file for each of the 24 official EU languages and no other', () => {
    assert.deepEqual(files, [...EU_LANGUAGES].sort().map((code) => `${code}.json`));
  });

  it('validates every file against languageDataSchema', () => {
    for (const name of files) {
      const parsed = languageDataSchema.safeParse(raw.get(name));
      assert.ok(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`);
    }
  });

  it('names each file after the code it holds', () => {
    for (const name of files) {
      assert.equal(`${(raw.get(name) as { code?: unknown }).code}.json`, name);
    }
  });

  it('marks en, nl, fr and de complete, each with sources', () => {
    for (const code of COMPLETE) {
      const lang = data(code);
      assert.equal(lang.complete, true, `${code} is not complete`);
      assert.ok(lang.sources.length > 0, `${code} lists no sources`);
    }
  });

  it('gives 12 distinct lower-case month names in every language', () => {
    for (const code of EU_LANGUAGES) {
      const { months } = data(code);
      assert.equal(new Set(months).size, 12, `${code}: month names are not 12 distinct names`);
      for (const m of months) assert.equal(m, m.toLocaleLowerCase(code), `${code}: "${m}" is not lower case`);
    }
  });

  it('maps ten/tien/dix/zehn to 10', () => {
    assert.equal(data('en').numberWords['ten'], 10);
    assert.equal(data('nl').numberWords['tien'], 10);
    assert.equal(data('fr').numberWords['dix'], 10);
    assert.equal(data('de').numberWords['zehn'], 10);
  });

  it('has number words for 1–30 and the tens up to 100 in the complete languages', () => {
    const needed = [...Array.from({ length: 30 }, (_, i) => i + 1), 40, 50, 60, 70, 80, 90, 100];
    for (const code of COMPLETE) {
      const values = new Set(Object.values(data(code).numberWords));
      const missing = needed.filter((n) => !values.has(n));
      assert.deepEqual(missing, [], `${code}: no number word for ${missing.join(', ')}`);
      for (const word of Object.keys(data(code).numberWords)) {
        assert.equal(word, word.toLocaleLowerCase(code), `${code}: number word "${word}" is not lower case`);
      }
    }
  });

  it('knows the feminine and inflected forms of one', () => {
    assert.equal(data('fr').numberWords['une'], 1);
    assert.equal(data('fr').numberWords['vingt et un'], 21);
    for (const w of ['eins', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']) assert.equal(data('de').numberWords[w], 1, `de "${w}"`);
    assert.equal(data('nl').numberWords['één'], 1);
  });

  it('keeps the detection stopwords of the complete languages apart', () => {
    for (let i = 0; i < COMPLETE.length; i++) {
      for (let j = i + 1; j < COMPLETE.length; j++) {
        const [a, b] = [COMPLETE[i], COMPLETE[j]].sort();
        const other = new Set(data(b).detection.stopwords);
        const shared = data(a).detection.stopwords.filter((w) => other.has(w)).sort();
        const allowed = (SHARED_STOPWORDS[`${a}|${b}`] ?? []).slice().sort();
        assert.deepEqual(shared, allowed, `${a} and ${b} share ${shared.join(', ') || 'nothing'}`);
        assert.ok(allowed.length <= 3, `${a} and ${b} may share at most a few words`);
      }
      assert.ok(data(COMPLETE[i]).detection.stopwords.length >= 50, `${COMPLETE[i]}: fewer than 50 stopwords`);
    }
  });

  it('has no duplicate detection stopwords in any language', () => {
    for (const code of EU_LANGUAGES) {
      const words = data(code).detection.stopwords;
      assert.equal(new Set(words).size, words.length, `${code}: duplicate stopwords`);
    }
  });

  it('writes each dateFormat example in its own pattern', () => {
    for (const code of EU_LANGUAGES) {
      const { dateFormat, months } = data(code);
      assert.match(dateFormat.example, dateRegExp(dateFormat.pattern, months, dateFormat.ordinalFirst), `${code}: "${dateFormat.example}" is not "${dateFormat.pattern}"`);
    }
  });

  it('follows the EU date style of the complete languages', () => {
    assert.equal(data('en').dateFormat.pattern, 'D MMMM YYYY');
    assert.equal(data('nl').dateFormat.pattern, 'D MMMM YYYY');
    assert.equal(data('fr').dateFormat.pattern, 'D MMMM YYYY');
    assert.equal(data('fr').dateFormat.ordinalFirst, '1er');
    assert.equal(data('de').dateFormat.pattern, 'D. MMMM YYYY');
    assert.match('28 september 2023', dateRegExp(data('nl').dateFormat.pattern, data('nl').months));
    assert.match('28. September 2023', dateRegExp(data('de').dateFormat.pattern, data('de').months));
  });

  it('numbers inserted articles as the EU texts do', () => {
    assert.equal(data('en').citation.articleSuffix, 'letters');
    assert.equal(data('de').citation.articleSuffix, 'letters');
    const latin = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
    for (const code of ['nl', 'fr'] as const) {
      assert.equal(data(code).citation.articleSuffix, 'latin', code);
      assert.deepEqual(data(code).citation.latinSuffixes, latin, code);
    }
    for (const code of EU_LANGUAGES) {
      const { citation } = data(code);
      if (citation.articleSuffix === 'latin') assert.deepEqual(citation.latinSuffixes?.slice(0, 3), ['bis', 'ter', 'quater'], code);
      else assert.equal(citation.latinSuffixes, undefined, `${code} numbers with letters but lists Latin suffixes`);
    }
  });

  it('writes the Article word, the number marker and the domains per language', () => {
    assert.deepEqual(data('en').citation.article.slice(0, 2), ['Article', 'Articles']);
    assert.deepEqual(data('nl').citation.article.slice(0, 2), ['artikel', 'artikelen']);
    assert.deepEqual(data('fr').citation.article.slice(0, 2), ['article', 'articles']);
    assert.equal(data('de').citation.article[0], 'Artikel');
    assert.equal(data('en').citation.numberMarker[0], 'No');
    assert.equal(data('nl').citation.numberMarker[0], 'nr.');
    assert.ok(data('fr').citation.numberMarker.includes('n°'));
    assert.equal(data('de').citation.numberMarker[0], 'Nr.');
    assert.deepEqual(data('nl').citation.domains, { EU: 'EU', EC: 'EG', EEC: 'EEG', Euratom: 'Euratom', CFSP: 'GBVB', JHA: 'JBZ' });
    assert.deepEqual(data('fr').citation.domains, { EU: 'UE', EC: 'CE', EEC: 'CEE', Euratom: 'Euratom', CFSP: 'PESC', JHA: 'JAI' });
    assert.deepEqual(data('de').citation.domains, { EU: 'EU', EC: 'EG', EEC: 'EWG', Euratom: 'Euratom', CFSP: 'GASP', JHA: 'JI' });
    assert.deepEqual(data('en').citation.domains, { EU: 'EU', EC: 'EC', EEC: 'EEC', Euratom: 'Euratom', CFSP: 'CFSP', JHA: 'JHA' });
  });

  it('fills every act type and the connectors in the complete languages', () => {
    for (const code of COMPLETE) {
      const { actTypes, connectors } = data(code).citation;
      for (const type of ['regulation', 'directive', 'decision', 'implementing-regulation', 'delegated-regulation', 'implementing-decision', 'recommendation'] as const) {
        assert.ok((actTypes[type] ?? []).length > 0, `${code}: no words for ${type}`);
      }
      assert.ok(connectors.length > 0, `${code}: no connectors`);
    }
    assert.ok(data('nl').citation.actTypes['implementing-regulation']?.includes('Uitvoeringsverordening'));
    assert.ok(data('fr').citation.actTypes['implementing-decision']?.includes("décision d'exécution"));
    assert.ok(data('de').citation.actTypes['delegated-regulation']?.includes('Delegierte Verordnung'));
  });

  it('recognises the header of a real Council note', () => {
    // The Dutch discussion note of the Spanish Presidency (2023): NOTA / van: / aan: / Betreft:
    const { noteHeader } = data('nl');
    assert.ok(noteHeader.documentMarkers.includes('NOTA'));
    assert.ok(noteHeader.from.includes('van'));
    assert.ok(noteHeader.to.includes('aan'));
    assert.ok(noteHeader.subject.includes('Betreft'));
    for (const code of COMPLETE) {
      const header = data(code).noteHeader;
      for (const field of ['documentMarkers', 'from', 'to', 'subject'] as const) assert.ok(header[field].length > 0, `${code}: no ${field}`);
      for (const marker of header.documentMarkers) {
        for (const word of marker.match(/\p{Lu}{2,}/gu) ?? []) {
          assert.ok(data(code).notAcronyms?.includes(word), `${code}: document marker word ${word} is not in notAcronyms`);
        }
      }
    }
  });

  it('fills the lists of the complete languages', () => {
    for (const code of COMPLETE) {
      const lang = data(code);
      assert.ok(lang.listConjunctions.length >= 2, `${code}: and/or`);
      assert.ok((lang.inclusionMarkers ?? []).length >= 4, `${code}: inclusion markers`);
      assert.ok(lang.wellKnownAcronyms.length > 0, `${code}: well-known acronyms`);
      assert.ok(lang.notAcronyms?.includes('LIMITE'), `${code}: LIMITE is not an acronym`);
      for (const acronym of lang.wellKnownAcronyms) assert.ok(!lang.notAcronyms?.includes(acronym), `${code}: ${acronym} is in both lists`);
    }
    // "evenals", "alsmede", "alsook" join the last item as "en" does: they do not end the list.
    assert.deepEqual(data('nl').listConjunctions, ['en', 'of', 'evenals', 'alsmede', 'alsook']);
    assert.ok(data('nl').inclusionMarkers?.includes('waaronder'));
    assert.ok(data('nl').wellKnownAcronyms.includes('JBZ'));
  });
});
