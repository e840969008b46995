/**
 * Issue 7, hostile model files: model files come from colleagues and shared folders, so they are
 * untrusted data. Each hostile file gives diagnostics or a clear error, never a crash, a hang or
 * a polluted prototype, and the last good version stays in use (ModelStore).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModelText, MAX_MODEL_FILE_SIZE } from '../../server/src/core/model/load';
import { ModelStore } from '../../server/src/core/model/model-store';
import { mergeLayers } from '../../server/src/core/model/merge';
import { checkDraft } from '../../server/src/core/check';
import { defaultModelFiles, packageRoot } from '../../server/src/node/resources';
import { loadModelFromDisk } from '../../server/src/node/session';
import { testLanguages } from '../support/checker';
import { runCli } from '../support/cli';
import { assertLinearGrowth } from '../support/growth';

const GOOD = 'acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n';
const GOOD_JSON = JSON.stringify({ acts: [{ id: '32019R9999', type: 'regulation', domain: 'EU', year: 2019, number: 9999 }] });
const DRAFT = 'The Council applies Regulation (EU) 2019/9999.\n';

/** Nothing anywhere inherits a property a hostile file tried to plant. */
function assertNoPollution(): void {
  for (const name of ['polluted', 'isAdmin', 'hacked']) {
    assert.equal(({} as Record<string, unknown>)[name], undefined, `Object.prototype.${name}`);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, name), false, `Object.prototype has own ${name}`);
    assert.equal(([] as unknown as Record<string, unknown>)[name], undefined, `Array.prototype.${name}`);
    assert.equal((Object.create(null) as Record<string, unknown>)[name], undefined);
  }
  assert.equal(typeof ({} as { toString: unknown }).toString, 'function', 'Object.prototype.toString intact');
  assert.equal(typeof Object.prototype.hasOwnProperty, 'function', 'Object.prototype.hasOwnProperty intact');
}

/** The built-in model plus one workspace layer, as the CLI and server build it. */
function storeWith(): { store: ModelStore; order: string[] } {
  const { store, order } = loadModelFromDisk([]);
  return { store, order: [...order, 'team.policy.yaml'] };
}

function unknownActs(store: ModelStore, order: string[]): number {
  const index = store.build(order).index;
  return checkDraft({ text: DRAFT, model: index, languages: testLanguages() }).findings.filter((f) => f.rule === 'unknown-act').length;
}

describe('robustness: hostile model files', function () {
  this.timeout(240_000);
  afterEach(assertNoPollution);

  /**
   * Loads a hostile text after a good one: problems are reported, and the good version stays in
   * use. (Without the built-in model, which would only make each case slower.)
   */
  function assertRejectedKeepingLastGood(text: string, file = 'team.policy.yaml'): ReturnType<ModelStore['update']> {
    const store = new ModelStore();
    const order = [file];
    store.update(file, file.endsWith('.json') ? GOOD_JSON : GOOD);
    assert.equal(unknownActs(store, order), 0, 'the good version is in use');
    const result = store.update(file, text);
    assert.equal(result.model, undefined, 'the hostile version is not used');
    assert.ok(result.problems.length > 0, 'the hostile version gets problems');
    for (const problem of result.problems) {
      assert.equal(typeof problem.message, 'string');
      assert.ok(problem.message.length > 0 && problem.message.length < 2000, `a readable message: ${problem.message.slice(0, 200)}`);
      assert.ok(problem.range.start.line >= 0 && problem.range.start.character >= 0);
    }
    const build = store.build(order);
    assert.ok((build.problems.get(file) ?? []).length > 0, 'the build reports the problems for the file');
    assert.equal(unknownActs(store, order), 0, 'the last good version stays in use');
    return result;
  }

  describe('invalid YAML and JSON', () => {
    const cases: Record<string, string> = {
      'unclosed flow sequence': 'countries:\n  - id: [unclosed\n',
      'bad indentation': 'countries:\n  - id: A\n names: x\n',
      'tab indentation': 'countries:\n\t- id: A\n',
      'duplicate keys': 'acts:\n  - id: X\n    id: Y\n',
      'unterminated string': 'acts:\n  - id: "X\n',
      'two documents': 'acts: []\n---\nacts: []\n',
      'a NUL byte': 'acts:\n  - id: X\u0000\n',
      'lone surrogate': 'acts:\n  - id: "\uD800"\n',
      'undefined alias': 'acts: *nothing\n',
      'directive only': '%YAML 1.1\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: reported at a line, the last good version kept`, () => { assertRejectedKeepingLastGood(text); });
    }
    it('invalid JSON in a .policy.json file is reported at its position', () => {
      const result = assertRejectedKeepingLastGood('{"acts": [ {"id": "X",, } ]}', 'team.policy.json');
      assert.match(result.problems[0].message, /Invalid JSON/);
    });
    it('a model file with CR line breaks is read like one with LF', () => {
      const lf = loadModelText('team.policy.yaml', GOOD);
      assert.deepEqual(lf.problems, []);
      const crlf = loadModelText('team.policy.yaml', GOOD.replace(/\n/g, '\r\n'));
      assert.deepEqual(crlf.problems, [], 'CRLF');
      assert.deepEqual(crlf.model, lf.model);
    });
  });

  describe('wrong types', () => {
    const cases: Record<string, string> = {
      'a list at the top': '- acts\n- countries\n',
      'a string at the top': 'just a string\n',
      'a number at the top': '42\n',
      'a section that is a map': 'countries:\n  id: A\n',
      'a section that is a number': 'acts: 5\n',
      'a year that is text': 'acts:\n  - id: X\n    type: regulation\n    domain: EU\n    year: twenty\n    number: 1\n',
      'a year that is infinite': 'acts:\n  - id: X\n    year: .inf\n',
      'a number that is NaN': 'acts:\n  - id: X\n    number: .nan\n',
      'a huge number': 'acts:\n  - id: X\n    number: 1e400\n',
      'an id that is a number': 'acts:\n  - id: 123\n',
      'an id that is a map': 'acts:\n  - id: { a: b }\n',
      'an entity that is null': 'acts:\n  - null\n',
      'names that are a string': 'countries:\n  - id: XX\n    names: Testland\n',
      'an unknown language': 'countries:\n  - id: XX\n    names: { xx: { short: Testland } }\n',
      'an unknown section': 'spells:\n  - id: X\n',
      'an unknown field': 'acts:\n  - id: X\n    payload: "rm -rf /"\n',
      'a remove of an unknown section': 'remove: { spells: [X] }\n',
      'an article range of text': 'acts:\n  - id: X\n    articles: { range: [one, two] }\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: schema problems, the last good version kept`, () => { assertRejectedKeepingLastGood(text); });
    }
    it('an empty file and a file of comments are empty models, not errors', () => {
      assert.deepEqual(loadModelText('a.policy.yaml', '').problems, []);
      assert.deepEqual(loadModelText('a.policy.yaml', '# nothing here\n').problems, []);
      assert.deepEqual(loadModelText('a.policy.json', '{}').problems, []);
    });
  });

  describe('ids and references', () => {
    it('duplicate ids in one file are an error at the second one', () => {
      const result = assertRejectedKeepingLastGood(`${GOOD}  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n`);
      assert.match(result.problems[0].message, /duplicate id "32019R9999"/);
      assert.equal(result.problems[0].range.start.line, 6);
    });

    it('references to unknown ids are reported at their line; the rest of the model works', () => {
      const { store, order } = storeWith();
      store.update('team.policy.yaml', `${GOOD}groups:\n  - id: g1\n    labels: { en: [test group] }\n    members: [NOPE]\nfacts:\n  - id: f1\n    kind: no-kind\n    subject: NOPE\n`);
      const build = store.build(order);
      const messages = (build.problems.get('team.policy.yaml') ?? []).map((p) => `${p.range.start.line}: ${p.message}`);
      assert.ok(messages.some((m) => /^9: Unknown country id "NOPE"/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /Unknown fact kind id "no-kind"/.test(m)), messages.join('\n'));
      assert.equal(checkDraft({ text: DRAFT, model: build.index, languages: testLanguages() }).findings.filter((f) => f.rule === 'unknown-act').length, 0);
    });

    it('cycles (acts amending each other, an acronym referring to itself) load and check without hanging', () => {
      const { store, order } = storeWith();
      store.update('team.policy.yaml', [
        'acts:',
        '  - { id: A1, type: regulation, domain: EU, year: 2020, number: 1, amends: [A2], articles: { range: [1, 5], inserted: [{ article: 2a, by: A2 }] } }',
        '  - { id: A2, type: regulation, domain: EU, year: 2020, number: 2, amends: [A1], articles: { range: [1, 5], inserted: [{ article: 3a, by: A1 }] } }',
        '  - { id: A3, type: regulation, domain: EU, year: 2020, number: 3, amends: [A3] }',
        'acronyms:',
        '  - { id: LOOP, forms: { en: [LOOP] }, expansions: { en: [Loop Of Our Program] }, refersTo: LOOP }',
        'groups:',
        '  - { id: g1, labels: { en: [loop group] }, members: [TUN] }',
        'remove: { groups: [g1] }',
      ].join('\n'));
      const build = store.build(order);
      // The acronym that refers to itself is the one problem: it names no entity it could stand for.
      assert.deepEqual((build.problems.get('team.policy.yaml') ?? []).map((p) => [p.range.start.line, p.message]), [[5, 'Unknown entity id "LOOP".']]);
      // The acts amending each other still know their own and their inserted articles, and only those.
      const findings = (text: string) => checkDraft({ text, model: build.index, languages: testLanguages() }).findings.map((f) => [f.rule, text.slice(f.start, f.end)]);
      assert.deepEqual(findings('Article 2a of Regulation (EU) 2020/1 and Article 3a of Regulation (EU) 2020/2 and Regulation (EU) 2020/3, the LOOP.'), [['undefined-acronym', 'LOOP']]);
      assert.deepEqual(findings('Article 6 of Regulation (EU) 2020/1 and Article 2a of Regulation (EU) 2020/2.'), [['unknown-article', '6'], ['unknown-article', '2a']]);
    });

    it('a later layer may extend, replace and remove entities of an earlier one', () => {
      const { store, order } = loadModelFromDisk([]);
      store.update('a.policy.yaml', `${GOOD}places:\n  - { id: atlantis, kind: region, names: { en: [Atlantis Bay] } }\n`);
      store.update('b.policy.yaml', 'acts:\n  - id: "32019R9999"\n    mode: replace\n    type: directive\n    domain: EU\n    year: 2019\n    number: 9999\nremove: { places: [atlantis] }\n');
      const build = store.build([...order, 'a.policy.yaml', 'b.policy.yaml']);
      assert.deepEqual([...build.problems.values()].flat().filter((p) => p.severity === 'error'), []);
      assert.equal(build.index.acts.get('32019R9999')?.type, 'directive');
      assert.equal(build.index.places.has('atlantis'), false);
    });
  });

  describe('alias bombs', () => {
    const bomb = (levels: number, width: number) => ['a0: &a0 [lol]', ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(width).fill(`*a${i}`).join(', ')}]`), `acts: *a${levels}`].join('\n');

    it('a "billion laughs" model file is refused with a clear error', () => {
      // The refusal is asserted, not a time: the yaml package stops at its alias limit (a hang would meet mocha's timeout).
      const result = assertRejectedKeepingLastGood(bomb(9, 10));
      assert.match(result.problems.map((p) => p.message).join('\n'), /alias|Excessive/i);
    });

    it('a bomb nested in an entity is refused too', () => {
      assertRejectedKeepingLastGood(`x: &x [a, a, a, a, a, a, a, a, a, a]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\nz: &z [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\nw: &w [*z, *z, *z, *z, *z, *z, *z, *z, *z, *z]\nacts:\n  - id: X\n    note: [*w, *w, *w, *w, *w, *w, *w, *w, *w, *w]\n`);
    });

    it('a recursive alias does not hang', () => {
      const result = loadModelText('team.policy.yaml', 'acts: &a\n  - id: X\n    amends: *a\n');
      assert.equal(result.model, undefined);
      assert.ok(result.problems.length > 0, 'a problem, not a silent failure');
    });

    it('the CLI reports a bomb as a model error (exit 2) without hanging', () => {
      const dir = mkdtempSync(join(tmpdir(), 'council-notes-bomb-'));
      try {
        writeFileSync(join(dir, 'bomb.policy.yaml'), bomb(9, 10));
        writeFileSync(join(dir, 'draft.md'), DRAFT);
        const run = runCli(['check', '--model', join(dir, 'bomb.policy.yaml'), join(dir, 'draft.md')]);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /bomb\.policy\.yaml:\d+:\d+: error model-schema: /);
      } finally { rmSync(dir, { recursive: true, force: true }); }
    });
  });

  describe('__proto__, constructor and prototype keys', () => {
    const hostile: Record<string, [string, string]> = {
      'top-level __proto__ (YAML)': ['team.policy.yaml', '__proto__:\n  polluted: yes\nacts: []\n'],
      'top-level __proto__ (JSON)': ['team.policy.json', '{"__proto__": {"polluted": true}, "acts": []}'],
      'constructor.prototype (YAML)': ['team.policy.yaml', 'constructor:\n  prototype:\n    polluted: yes\n'],
      'constructor.prototype (JSON)': ['team.policy.json', '{"constructor": {"prototype": {"polluted": true}}}'],
      '__proto__ in an entity': ['team.policy.yaml', 'acts:\n  - id: X\n    __proto__: { polluted: yes }\n'],
      '__proto__ in an entity (JSON)': ['team.policy.json', '{"acts": [{"id": "X", "__proto__": {"polluted": true}}]}'],
      'prototype in names': ['team.policy.yaml', 'countries:\n  - id: XX\n    names:\n      en: { short: Testland, prototype: { polluted: yes } }\n'],
      'a merge key (<<) with __proto__': ['team.policy.yaml', 'base: &b { __proto__: { polluted: yes } }\nacts:\n  - <<: *b\n    id: X\n'],
    };
    for (const [name, [file, text]] of Object.entries(hostile)) {
      it(`${name}: rejected with problems, no prototype polluted`, () => {
        assertRejectedKeepingLastGood(text, file);
        assertNoPollution();
      });
    }

    // zod drops a "__proto__" key of a record (names per language, remove per section) without a
    // problem: nothing is polluted and the key has no effect, but the drafter is not told either.
    it('__proto__ as a language or a remove section is dropped without effect, nothing polluted', () => {
      for (const text of ['{"countries": [{"id": "XX", "names": {"__proto__": {"short": "Polluted", "polluted": true}}}]}', '{"remove": {"__proto__": ["TUN"]}}']) {
        const { store, order } = loadModelFromDisk([]);
        const result = store.update('team.policy.json', text);
        assertNoPollution();
        if (result.model) assert.equal(JSON.stringify(result.model).includes('olluted'), false, JSON.stringify(result.model));
        const build = store.build([...order, 'team.policy.json']);
        assert.equal(build.index.countries.has('TUN'), true, 'remove.__proto__ removes nothing');
      }
    });

    it('ids that are Object.prototype names are ordinary ids, merged across layers without pollution', () => {
      const { store, order } = loadModelFromDisk([]);
      const names = ['constructor', 'hasOwnProperty', 'toString', 'valueOf', 'prototype'];
      store.update('a.policy.yaml', `countries:\n${names.map((id) => `  - id: ${id}\n    names: { en: { short: "Land of ${id}" } }\n`).join('')}`);
      store.update('b.policy.json', JSON.stringify({ countries: names.map((id) => ({ id, names: { fr: { short: `Pays ${id}` } } })) }).replace('"names"', '"__proto__": {"polluted": true}, "names"'));
      const build = store.build([...order, 'a.policy.yaml', 'b.policy.json']);
      for (const id of names) assert.equal(build.index.countries.get(id)?.names.en?.short, `Land of ${id}`, id);
      const result = checkDraft({ text: 'We met the Land of constructor and the Land of toString.', model: build.index, languages: testLanguages(), settings: { language: 'en' } });
      assert.deepEqual(result.findings.filter((f) => f.rule === 'unknown-country'), []);
      assertNoPollution();
    });

    it('deepMerge skips __proto__, constructor and prototype keys of a later layer', () => {
      const hostileLayer = JSON.parse('{"countries": [{"id": "TUN", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "names": {"en": {"short": "Tunisia"}}}]}');
      const merged = mergeLayers([
        { file: 'a', model: { countries: [{ id: 'TUN', names: { en: { short: 'Tunisia' } } }] } },
        { file: 'b', model: hostileLayer },
      ]);
      const tun = merged.sections.countries.get('TUN')!;
      assert.equal(Object.getPrototypeOf(tun), Object.prototype);
      assert.equal((tun as Record<string, unknown>).polluted, undefined);
      assertNoPollution();
    });

    it('settings and front matter with __proto__ keys do not pollute either', () => {
      const index = loadModelFromDisk([]).build.index;
      const settings = JSON.parse('{"language": "en", "rules": {"__proto__": {"unknown-country": "off"}, "constructor": "off"}}');
      const result = checkDraft({ text: '---\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n---\nThe Council invited Tunesia.\n', model: index, languages: testLanguages(), settings });
      assert.deepEqual(result.findings.map((f) => f.rule), ['unknown-country']);
      assertNoPollution();
    });
  });

  describe('size', () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'council-notes-big-model-')); });
    after(() => { rmSync(dir, { recursive: true, force: true }); });

    const countries = (n: number) => `countries:\n${Array.from({ length: n }, (_, i) => `  - id: X${i}\n    names:\n      en: { short: "Country ${i} of Testland" }\n      fr: { short: "Pays ${i} de Testland" }\n`).join('')}`;

    /** Loads, builds and checks with a model of `n` test countries; the findings of the check. */
    const withCountries = (n: number, draft: string) => {
      const { store, order } = loadModelFromDisk([]);
      assert.deepEqual(store.update('big.policy.yaml', countries(n)).problems, []);
      const build = store.build([...order, 'big.policy.yaml']);
      assert.equal(build.index.countries.has(`X${n - 1}`), true);
      return checkDraft({ text: draft, model: build.index, languages: testLanguages(), settings: { language: 'en' } }).findings.map((f) => [f.rule, draft.slice(f.start, f.end)]);
    };
    it('a 10,000-entity model loads, builds and checks; its countries are recognised, and the time grows linearly', async () => {
      const draft = 'The Council invited Country 9999 of Testland and Ruritania, and France.\n';
      // Country 9999 is the model's last entity: recognised. "Ruritania" is in no model: reported.
      assert.deepEqual(withCountries(10_000, draft), [['unknown-country', 'Ruritania']]);
      // Without the large model, "Country 9999 of Testland" is not a country, so nothing says it is known.
      assert.deepEqual(withCountries(1, 'The Council invited Country 0 of Testland and Ruritania.\n'), [['unknown-country', 'Ruritania']]);
      await assertLinearGrowth('load, build and check with n model entities', (n) => withCountries(n, draft), 500, { repeat: 1 });
    });

    // Fixed: server/src/core/model/load.ts parsed with `uniqueKeys: true`, and the yaml package checks
    // each new key against every earlier key of its map (mapIncludes): 20,000 keys in one map
    // (a 529 kB file) took 28 s, during which the language server answered nothing, and the
    // problem listed all 20,000 unknown keys (160 kB). Duplicates are now found with a Set
    // (core/text/yaml-keys.ts), ten keys are named and the rest counted.
    const wideMap = (keys: number, extra = '') => `countries:\n  - id: XX\n    names:\n${Array.from({ length: keys }, (_, i) => `      k${i}: { short: x }`).join('\n')}\n${extra}`;
    it('a model file with a 20,000-key map is reported with a short message, in time linear in the keys', async () => {
      const result = loadModelText('wide.policy.yaml', wideMap(20_000));
      await assertLinearGrowth('a map of n unknown keys', (n) => loadModelText('wide.policy.yaml', wideMap(n)), 2_000, { repeat: 1 });
      assert.ok(result.problems.length > 0);
      assert.ok(result.problems.every((p) => p.message.length < 2000), `message of ${result.problems[0].message.length} characters`);
      assert.match(result.problems[0].message, /"k9" and 19,990 more/);
    });
    it('a repeated key in a 20,000-key map is an error at the repeated key, found in time linear in the keys', async () => {
      const text = wideMap(20_000, '      k7: { short: y }\n');
      const result = assertRejectedKeepingLastGood(text);
      await assertLinearGrowth('a map of n keys, one repeated', (n) => loadModelText('wide.policy.yaml', wideMap(n, '      k7: { short: y }\n')), 2_000, { repeat: 1 });
      assert.deepEqual(result.problems.map((p) => [p.message, p.range.start.line]), [['Invalid YAML: Map keys must be unique', 20_003]]);
    });
    it('a file with 300 mistakes lists 100 problems and counts the rest', () => {
      const text = `acts:\n${Array.from({ length: 300 }, (_, i) => `  - id: X${i}\n    year: twenty\n`).join('')}`;
      const problems = assertRejectedKeepingLastGood(text).problems;
      assert.equal(problems.length, 101);
      assert.match(problems[100].message, /^… and \d+ more problems like: acts\[100\]/);
      assert.equal(problems[100].range.start.line, 202, "at the year of acts[100]");
    });
    it(`a model file above ${MAX_MODEL_FILE_SIZE.toLocaleString('en')} characters is refused on its first line, unparsed; one at the limit loads`, () => {
      const padded = (size: number) => `${GOOD}#${'x'.repeat(size - GOOD.length - 1)}`;
      const result = assertRejectedKeepingLastGood(padded(MAX_MODEL_FILE_SIZE + 1));
      assert.deepEqual(result.problems.map((p) => [p.range.start.line, p.range.end.line]), [[0, 0]]);
      assert.match(result.problems[0].message, /too large to load: 10\.0 MB, and model files may be at most 10\.0 MB/);
      assert.deepEqual(loadModelText('team.policy.yaml', padded(MAX_MODEL_FILE_SIZE)).problems, []);
    });

    /**
     * A 50 MB model file, through the CLI in a child process (so that running out of memory would
     * be seen, not suffered). Above MAX_MODEL_FILE_SIZE the only right answer is the size error,
     * exit 2. The child's timeout only stops a hang; no time is asserted.
     */
    function runBig(name: string, write: (path: string) => void, timeoutMs: number): { status: number | null; signal: string | null; stderr: string; ms: number } {
      const path = join(dir, name);
      write(path);
      writeFileSync(join(dir, 'draft.md'), DRAFT);
      const started = Date.now();
      const run = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'council-notes.js'), 'check', '--model', path, join(dir, 'draft.md')], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
      return { status: run.status, signal: run.signal, stderr: (run.stderr ?? '').slice(0, 2000), ms: Date.now() - started };
    }

    /** Writes `total` bytes made of `unit` repeated, after `head`, without holding them in memory twice. */
    function writeRepeated(path: string, head: string, unit: string, total: number, tail = ''): void {
      const fd = openSync(path, 'w');
      writeSync(fd, head);
      const chunk = unit.repeat(Math.max(1, Math.floor(1_000_000 / unit.length)));
      for (let written = head.length; written < total; written += chunk.length) writeSync(fd, chunk);
      writeSync(fd, tail);
      closeSync(fd);
    }

    it('a 50 MB file of binary garbage gives a clear error (exit 2)', () => {
      const run = runBig('garbage.policy.yaml', (path) => writeRepeated(path, '\u0000\u0001', '\u0000\uFFFF\u0007ÿ\u001b[0m', 50_000_000), 120_000);
      assert.equal(run.signal, null, `killed (${run.signal}) after ${run.ms} ms`);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /garbage\.policy\.yaml:\d+:\d+: error model-schema: /);
    });

    // Fixed (MAX_MODEL_FILE_SIZE in server/src/core/model/load.ts): there was no size limit. Measured on
    // 2 cores: a valid 47 MB JSON model (420,000 countries) runs 2 min 7 s, peaks at 4.8 GB and
    // ends in "council-notes: Map maximum size exceeded" (the label automaton's Map), exit 2; the
    // same file with duplicate ids builds a YAML document of all 50 MB to place each problem and
    // runs out of memory (SIGABRT) after 142 s. In the language server either takes the server
    // down (or leaves it without a model). Refuse model files over a limit (say 5 MB) with a
    // clear model-schema error before parsing.
    it('a 50 MB JSON model file is refused for its size (exit 2), unparsed', () => {
      let id = 0;
      const run = runBig('big.policy.json', (path) => {
        const fd = openSync(path, 'w');
        writeSync(fd, '{"countries": [');
        for (let written = 0; written < 50_000_000;) {
          const chunk = Array.from({ length: 10_000 }, () => `{"id": "X${id++}", "names": {"en": {"short": "Country ${id} of Testland"}}}, `).join('');
          writeSync(fd, chunk);
          written += chunk.length;
        }
        writeSync(fd, '{"id": "Y", "names": {"en": {"short": "Last"}}}]}');
        closeSync(fd);
      }, 180_000);
      assert.equal(run.signal, null, `killed (${run.signal}) after ${run.ms} ms: ${run.stderr}`);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /:1:1: error model-schema: .*too large to load: 5\d\.\d MB, and model files may be at most 10\.0 MB/);
    });

    // Fixed as above: the yaml package needs ~1.2 GB and ~14 s per 12 MB of entities, so a 50 MB
    // YAML model (420,000 entities) made the CLI run out of memory after 4 min 20 s (4.3 GB,
    // exit 134); the language server would crash the same way on every restart.
    it('a 50 MB YAML model file is refused for its size (exit 2), unparsed', () => {
      const run = runBig('big.policy.yaml', (path) => writeFileSync(path, countries(420_000)), 180_000);
      assert.equal(run.signal, null, `killed (${run.signal}) after ${run.ms} ms: ${run.stderr}`);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /:1:1: error model-schema: .*too large to load: 5\d\.\d MB, and model files may be at most 10\.0 MB/);
    });
  });

  it('the built-in model has no problems and its files are data (YAML/JSON), not code', () => {
    const files = defaultModelFiles();
    assert.ok(files.length > 0);
    for (const file of files) assert.match(file, /\.policy\.(ya?ml|json)$/);
    const build = loadModelFromDisk([]).build;
    assert.deepEqual([...build.problems.values()].flat().filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`), []);
  });
});
