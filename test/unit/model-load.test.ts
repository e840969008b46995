import assert from 'node:assert/strict';
import { loadModelText } from '../../server/src/core/model/load';
import { ModelStore } from '../../server/src/core/model/model-store';
import { mergeLayers } from '../../server/src/core/model/merge';

const country = (id: string, en: string) => ({ id, names: { en: { short: en } } });

describe('model loading', () => {
  it('accepts a valid YAML model', () => {
    const result = loadModelText('a.policy.yaml', 'countries:\n  - id: XXA\n    names:\n      en: { short: Atlantis }\n');
    assert.deepEqual(result.problems, []);
    assert.equal(result.model?.countries?.[0].names?.en?.short, 'Atlantis');
  });

  it('reports a wrong type at the line of the value', () => {
    const text = 'countries:\n  - id: XXA\n    names:\n      en:\n        short: 42\n';
    const [problem] = loadModelText('a.policy.yaml', text).problems;
    assert.equal(problem.range.start.line, 4);
    assert.match(problem.message, /countries\[0\]\.names\.en\.short/);
  });

  it('reports an unknown field at its key', () => {
    const text = 'acts:\n  - id: X\n    type: regulation\n    domain: EU\n    year: 2020\n    number: 1\n    titel: oops\n';
    const [problem] = loadModelText('a.policy.yaml', text).problems;
    assert.equal(problem.range.start.line, 6);
    assert.match(problem.message, /unknown field "titel"/);
  });

  it('reports a field still missing after merging at the entry that lacks it', () => {
    const store = new ModelStore();
    assert.deepEqual(store.update('a.policy.yaml', 'groups:\n  - id: g\n    labels: {}\n').problems, []);
    const build = store.build(['a.policy.yaml']);
    const [problem] = build.problems.get('a.policy.yaml')!;
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /members/);
    assert.equal(build.index.groups.has('g'), false);
  });

  it('lets a layer extend an entity with only some of its fields', () => {
    const store = new ModelStore();
    store.update('base.policy.yaml', 'groups:\n  - id: g\n    labels: { en: [the group] }\n    members: [AAA]\n');
    store.update('ext.policy.yaml', 'groups:\n  - id: g\n    members: [BBB]\n');
    const build = store.build(['base.policy.yaml', 'ext.policy.yaml']);
    assert.deepEqual(build.index.groups.get('g')?.members, ['AAA', 'BBB']);
  });

  it('reports invalid YAML and JSON syntax at the line', () => {
    const yaml = loadModelText('a.policy.yaml', 'countries:\n  - id: A\n   names: [\n');
    assert.ok(yaml.problems.length > 0);
    assert.equal(yaml.model, undefined);
    const json = loadModelText('a.policy.json', '{\n  "countries": [\n    { "id": "A", }\n  ]\n}\n');
    assert.ok(json.problems.length > 0);
    assert.match(json.problems[0].message, /^Invalid JSON/);
    assert.equal(json.problems[0].range.start.line, 2);
  });

  it('reports duplicate ids at the second definition', () => {
    const text = 'countries:\n  - id: XXA\n    names: {}\n  - id: XXA\n    names: {}\n';
    const [problem] = loadModelText('a.policy.yaml', text).problems;
    assert.equal(problem.range.start.line, 3);
    assert.match(problem.message, /duplicate id "XXA"/);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const result = loadModelText('bomb.policy.yaml', levels.join('\n'));
    assert.equal(result.model, undefined);
    assert.ok(result.problems.length > 0);
  });
});

describe('model layering', () => {
  it('adds, extends (uniting lists), replaces and removes by id', () => {
    const merged = mergeLayers([
      { file: 'base', model: { countries: [country('AAA', 'Aland'), country('BBB', 'Bland'), country('CCC', 'Cland')], groups: [{ id: 'g', labels: { en: ['the group'] }, members: ['AAA'] }] } },
      { file: 'workspace', model: {
        countries: [{ id: 'AAA', names: { en: { short: 'Aland', variants: ['Aaland'] } } }, { id: 'BBB', mode: 'replace', names: { nl: { short: 'Bland-NL' } } }, country('DDD', 'Dland')],
        groups: [{ id: 'g', labels: { en: ['the group'] }, members: ['DDD'] }],
        remove: { countries: ['CCC'] },
      } },
    ]);
    const countries = merged.sections.countries;
    assert.deepEqual((countries.get('AAA') as unknown as { names: unknown }).names, { en: { short: 'Aland', variants: ['Aaland'] } });
    assert.deepEqual((countries.get('BBB') as unknown as { names: unknown }).names, { nl: { short: 'Bland-NL' } });
    assert.equal(countries.has('CCC'), false);
    assert.equal(countries.has('DDD'), true);
    assert.deepEqual((merged.sections.groups.get('g') as unknown as { members: string[] }).members, ['AAA', 'DDD']);
    assert.deepEqual(merged.origins.get('countries:AAA')?.map((o) => o.file), ['base', 'workspace']);
  });

  it('never merges __proto__ keys into objects', () => {
    const extra = JSON.parse('{"id":"AAA","names":{"en":{"short":"A"}},"__proto__":{"polluted":true}}');
    mergeLayers([{ file: 'a', model: { countries: [country('AAA', 'A')] } }, { file: 'b', model: { countries: [extra] } }]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('ModelStore', () => {
  it('keeps the last good version of a file that breaks', () => {
    const store = new ModelStore();
    store.update('w.policy.yaml', 'countries:\n  - id: XXA\n    names:\n      en: { short: Atlantis }\n');
    assert.equal(store.build(['w.policy.yaml']).index.countries.get('XXA')?.names.en?.short, 'Atlantis');
    const broken = store.update('w.policy.yaml', 'countries:\n  - id: XXA\n    names: 7\n');
    assert.ok(broken.problems.length > 0);
    const build = store.build(['w.policy.yaml']);
    assert.equal(build.index.countries.get('XXA')?.names.en?.short, 'Atlantis');
    assert.equal(build.problems.get('w.policy.yaml')?.[0].range.start.line, 2);
  });

  it('reports references to unknown ids where they are made', () => {
    const store = new ModelStore();
    store.update('w.policy.yaml', 'countries:\n  - id: XXA\n    names: {}\ngroups:\n  - id: g\n    labels: {}\n    members:\n      - XXA\n      - NOPE\n');
    const problems = store.build(['w.policy.yaml']).problems.get('w.policy.yaml')!;
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Unknown country id "NOPE"/);
    assert.equal(problems[0].range.start.line, 8);
  });
});
