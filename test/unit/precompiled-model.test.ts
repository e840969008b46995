import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModelText } from '../../server/src/core/model/load';
import { ModelStore, type ModelBuild, type PrecompiledModels } from '../../server/src/core/model/model-store';
import { defaultModelFiles, loadLanguages, packageRoot } from '../../server/src/node/resources';
import { decodeLabels, languagesFromPrecompiled, PRECOMPILED_LABELS, PRECOMPILED_LANGUAGES, PRECOMPILED_MODEL, precompileModel, readPrecompiledModels, sha256, type PrecompiledLanguageData, type PrecompiledModelData } from '../../server/src/node/precompiled';
import { LanguageRegistry } from '../../server/src/core/language/registry';
import { loadModelFromDisk } from '../../server/src/node/session';
import { checkDraft } from '../../server/src/core/check';

const root = packageRoot();
const files = defaultModelFiles(root);
const modelDir = join(root, 'model', 'default');
const WORKSPACE = '/workspace/extra.policy.yaml';

/** Precompiled models made now from the sources (what the build writes), without touching dist/. */
function freshPrecompiled(): PrecompiledModels {
  const data = precompileModel(files);
  const byPath = new Map(data.files.map((entry) => [join(modelDir, entry.name), entry]));
  return { files: [...byPath.keys()], model: (file, text) => byPath.get(file)?.sha256 === sha256(text) ? byPath.get(file)!.model : undefined };
}

function build(precompiled: PrecompiledModels | null, extra?: string): ModelBuild {
  const store = new ModelStore(precompiled);
  for (const file of files) store.update(file, readFileSync(file, 'utf8'));
  if (extra !== undefined) store.update(WORKSPACE, extra);
  return store.build(extra === undefined ? files : [...files, WORKSPACE]);
}

/** What a build gives the checks and the editor: merged entities, their origins, problems with ranges. */
function summary(result: ModelBuild) {
  return {
    sections: Object.fromEntries(Object.entries(result.index.merged.sections).map(([name, map]) => [name, [...map.entries()]])),
    origins: [...result.index.merged.origins.entries()],
    problems: [...result.problems.entries()],
    labels: result.index.labels.size,
  };
}

describe('precompiled built-in model', () => {
  const precompiled = freshPrecompiled();

  it('dist/default-model.json is the model the sources load to (rebuild after editing model/default)', function () {
    const path = join(root, PRECOMPILED_MODEL);
    assert.ok(existsSync(path), `${path} is missing: build first (node scripts/build.mjs; npm test does)`);
    const data = JSON.parse(readFileSync(path, 'utf8')) as PrecompiledModelData;
    assert.deepEqual(data.files.map((entry) => join(modelDir, entry.name)), files);
    for (const [i, entry] of data.files.entries()) {
      const text = readFileSync(files[i], 'utf8');
      assert.equal(entry.sha256, sha256(text), `${entry.name} changed since the build: run node scripts/build.mjs`);
      assert.deepEqual(entry.model, loadModelText(files[i], text).model, entry.name);
    }
    const installed = readPrecompiledModels(path, modelDir)!;
    assert.deepEqual(installed.files, files);
  });

  it('gives the same merged model, origins and index as loading the sources', () => {
    const fromSources = build(null);
    const fromPrecompiled = build(precompiled);
    assert.deepEqual(summary(fromPrecompiled), summary(fromSources));
    assert.deepEqual([...fromSources.problems.values()].flat(), []);
  });

  it('reports the same problems, at the same ranges, when a workspace layer breaks built-in entities', () => {
    const layers = [
      // A group of the built-in model loses a member country: a reference problem in a built-in file.
      'remove:\n  countries: [MAR]\n',
      // A replaced country without names: incomplete after merging, reported in the workspace file.
      'countries:\n  - id: FRA\n    mode: replace\n    note: oops\n',
      // A built-in entity extended with a wrong value.
      'groups:\n  - id: key-partners-readmission\n    members: [NOPE]\n',
    ];
    for (const layer of layers) {
      const expected = summary(build(null, layer));
      assert.ok(expected.problems.some(([, list]) => list.length > 0), layer);
      assert.deepEqual(summary(build(precompiled, layer)), expected, layer);
    }
  });

  it('loads a built-in file from its text when the text is not the one precompiled', () => {
    const store = new ModelStore(precompiled);
    const [first] = files;
    const text = readFileSync(first, 'utf8');
    const same = store.update(first, text);
    assert.equal(same.model, precompiled.model(first, text));
    // (A second top-level "name" would be a duplicate-key error: the file's own is edited.)
    const edited = first.endsWith('.json') ? text.replace(/^ {2}"name": "[^"]*"/m, '  "name": "edited"') : `${text}\nname: edited\n`;
    const loaded = store.update(first, edited);
    assert.equal(precompiled.model(first, edited), undefined);
    assert.equal(loaded.model?.name, 'edited');
  });
});

describe('precompiled label automaton of the built-in model', () => {
  it('is used when the built-in files are loaded alone, and finds exactly what a fresh automaton finds', function () {
    const path = join(root, PRECOMPILED_MODEL);
    if (!existsSync(path)) this.skip();
    const installed = readPrecompiledModels(path, modelDir)!;
    const fromBuild = build(installed);
    assert.ok(installed.labels?.(), 'dist/default-labels.bin is read (rebuild with node scripts/build.mjs)');
    assert.equal(fromBuild.index.labels, installed.labels!(), 'the built-in model takes the precompiled automaton');
    const fresh = build(null).index.labels;
    assert.equal(fromBuild.index.labels.size, fresh.size);
    const texts = ['en', 'nl', 'fr', 'de'].flatMap((lang) => readdirSync(join(root, 'examples', lang)).map((name) => readFileSync(join(root, 'examples', lang, name), 'utf8')));
    // Stored as JSON, a label has no key for a field that is undefined: the same label to every reader.
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
    for (const text of texts) assert.deepEqual(plain(fromBuild.index.labels.scan(text)), plain(fresh.scan(text)));
    // A workspace layer changes the labels: the automaton is built for that model.
    assert.notEqual(build(installed, 'places:\n  - id: test-place\n    names:\n      en: [Testville]\n').index.labels, installed.labels!());
  });

  it('is refused when it was built from other model files', () => {
    const bytes = readFileSync(join(root, PRECOMPILED_LABELS));
    assert.equal(decodeLabels(bytes, ['not-the-same']), undefined);
  });
});

describe('a check with the built-in model alone', () => {
  it('never loads zod: the schemas are only needed for files not validated at build time', function () {
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-zod-'));
    const draft = join(dir, 'note.md');
    writeFileSync(draft, '# Note\n\nDe Raad heeft met Marokko en Tunesië gesproken.\n');
    // zod 4 leaves its global configuration object on globalThis when it is loaded.
    const probe = (...options: string[]) => spawnSync(process.execPath, ['-e', `require(${JSON.stringify(cli)}).main(${JSON.stringify(['check', ...options, draft])}).then(() => process.stderr.write('zod:' + (globalThis.__zod_globalConfig !== undefined)))`], { cwd: dir, encoding: 'utf8' }).stderr;
    try {
      assert.match(probe(), /zod:false/);
      // A workspace model file is validated at run time, so there zod is loaded.
      writeFileSync(join(dir, 'extra.policy.yaml'), 'countries:\n  - id: XKX\n');
      assert.match(probe('--model', join(dir, 'extra.policy.yaml')), /zod:true/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('precompiled language data', () => {
  const dir = join(root, 'languages');
  const texts = () => readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));

  it('gives the languages that validating the files gives, and is what the CLI and server load', function () {
    const path = join(root, PRECOMPILED_LANGUAGES);
    if (!existsSync(path)) this.skip();
    const validated = LanguageRegistry.fromTexts(texts());
    assert.deepEqual(languagesFromPrecompiled(path, texts()).all, validated.all);
    assert.deepEqual(loadLanguages(root).all, validated.all);
    const data = JSON.parse(readFileSync(path, 'utf8')) as PrecompiledLanguageData;
    assert.deepEqual(data.files.map((entry) => entry.name), readdirSync(dir).filter((name) => name.endsWith('.json')).sort());
  });

  it('parses a language\'s word list only when it is read, so a check reads only its own language\'s', function () {
    if (!existsSync(join(root, PRECOMPILED_LANGUAGES))) this.skip();
    const languages = loadLanguages(root);
    const unread = (code: string) => Object.getOwnPropertyDescriptor(languages.get(code)!, 'commonWords')?.get !== undefined;
    assert.ok(unread('pl') && unread('en'));
    const model = loadModelFromDisk([]).build.index;
    // An English draft with a near-miss ("Tunesia"), so the rule consults the English list.
    const findings = checkDraft({ text: '# Note\n\nThe Presidency met Tunesia on 3 May 2024.\n', model, languages, settings: { language: 'en' } }).findings;
    assert.ok(findings.some((f) => f.rule === 'unknown-country'), 'the near miss is still reported');
    assert.ok(!unread('en'), 'the draft\'s language list was read');
    assert.ok(unread('pl') && unread('cs'), 'other languages\' lists stay unparsed');
    assert.ok(languages.get('pl')!.commonWords!.includes('Tunezją'));
    assert.ok(!unread('pl'));
  });

  it('validates a file whose text is not the one precompiled, and refuses an invalid one', () => {
    const path = join(root, PRECOMPILED_LANGUAGES);
    const files = texts();
    const en = files.findIndex((f) => f.file.endsWith('en.json'));
    const edited = files.map((f, i) => (i === en ? { ...f, text: f.text.replace('"code": "en"', '"code": "en", "bogus": 1') } : f));
    assert.throws(() => languagesFromPrecompiled(path, [...edited.slice(0, en), { ...files[en], text: '{"code": 42}' }, ...edited.slice(en + 1)]), /en\.json/);
  });
});
