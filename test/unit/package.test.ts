/**
 * The packaged extension (.vsix): built with `scripts/package.mjs` as `npm run package` does, then
 * opened as a zip. It must hold only what users need, stay under 5 MB, carry a manifest complete
 * for the marketplace, and work on its own: the CLI inside it checks a draft with no node_modules
 * anywhere above it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { packageRoot } from '../../server/src/node/resources';

const MAX_BYTES = 5 * 1024 * 1024;

/** What may be in the package, each a pattern over the path inside the zip. */
const ALLOWED: { what: string; pattern: RegExp }[] = [
  { what: 'VSIX metadata', pattern: /^(\[Content_Types\]\.xml|extension\.vsixmanifest)$/ },
  { what: 'manifest and its translations', pattern: /^extension\/package(\.nls(\.[a-z-]+)?)?\.json$/ },
  { what: 'README, CHANGELOG, LICENSE', pattern: /^extension\/(readme\.md|changelog\.md|LICENSE\.txt)$/ },
  { what: 'bundles', pattern: /^extension\/dist\/(client|server|cli)\.js$/ },
  { what: 'precompiled built-in model', pattern: /^extension\/dist\/(default-model\.json|default-labels\.bin|languages\.json)$/ },
  { what: 'CLI launcher', pattern: /^extension\/bin\/council-notes\.js$/ },
  { what: 'snippets', pattern: /^extension\/snippets\/[\w.-]+\.json$/ },
  { what: 'model JSON Schema', pattern: /^extension\/schemas\/policy-model\.schema\.json$/ },
  { what: 'built-in model', pattern: /^extension\/model\/default\/[\w.-]+\.policy\.(ya?ml|json)$/ },
  { what: 'language data', pattern: /^extension\/languages\/[a-z]{2}\.json$/ },
  { what: 'docs', pattern: /^extension\/docs\/[\w./-]+\.md$/ },
  { what: 'runtime translations', pattern: /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/ },
  { what: 'icon', pattern: /^extension\/images\/icon\.png$/ },
];

interface ZipEntry { name: string; size: number; data: () => Buffer }

/** Reads a zip's central directory (enough for what vsce writes: stored or deflated entries). */
function readZip(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const data = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(raw);
      assert.equal(method, 8, `${name}: compression method ${method}`);
      return inflateRawSync(raw);
    };
    entries.push({ name, size, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('packaged extension (.vsix)', function () {
  this.timeout(120_000);
  const root = packageRoot();
  const vsix = join(root, '.tmp', 'package-test', 'council-notes.vsix');
  let entries: ZipEntry[];
  let names: Set<string>;
  let manifest: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let nls: Record<string, string>;

  before(function () {
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', vsix, '--quiet'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    assert.equal(run.status, 0, `scripts/package.mjs failed:\n${run.stdout}\n${run.stderr}`);
    entries = readZip(vsix);
    names = new Set(entries.map((e) => e.name));
    const read = (name: string) => { const entry = entries.find((e) => e.name === name); assert.ok(entry, `${name} is in the package`); return entry.data().toString('utf8'); };
    manifest = JSON.parse(read('extension/package.json'));
    nls = JSON.parse(read('extension/package.nls.json'));
    console.log(`      (packaged in ${((Date.now() - started) / 1000).toFixed(1)} s: ${entries.length} files, ${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
  });

  it('holds only bundles, data, schemas, snippets, docs, translations, README, CHANGELOG, LICENSE and the icon', () => {
    const unexpected = [...names].filter((name) => !ALLOWED.some((a) => a.pattern.test(name)));
    assert.deepEqual(unexpected, [], `unexpected files in the package:\n  ${unexpected.join('\n  ')}`);
    for (const a of ALLOWED) assert.ok([...names].some((name) => a.pattern.test(name)), `no ${a.what} in the package`);
  });

  it('holds every built-in model file, language file and rule page, and no source map', () => {
    for (const file of readdirSync(join(root, 'model', 'default')).filter((n) => /\.policy\.(ya?ml|json)$/.test(n))) {
      assert.ok(names.has(`extension/model/default/${file}`), `model/default/${file}`);
    }
    for (const file of readdirSync(join(root, 'languages')).filter((n) => n.endsWith('.json'))) {
      assert.ok(names.has(`extension/languages/${file}`), `languages/${file}`);
    }
    for (const file of readdirSync(join(root, 'docs', 'rules')).filter((n) => n.endsWith('.md'))) {
      assert.ok(names.has(`extension/docs/rules/${file}`), `docs/rules/${file}`);
    }
    for (const name of names) assert.ok(!/\.map$|\.ts$|node_modules|(^|\/)(test|src|examples)\//.test(name), name);
  });

  it('is smaller than 5 MB', () => {
    const size = statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  it('has a manifest complete for the marketplace', () => {
    assert.equal(manifest.name, 'council-notes');
    assert.ok(manifest.publisher && manifest.displayName && manifest.description && manifest.version && manifest.license);
    assert.match(manifest.repository?.url ?? manifest.repository ?? '', /^https:\/\//);
    assert.ok(names.has(`extension/${manifest.icon}`), `icon ${manifest.icon}`);
    const icon = entries.find((e) => e.name === `extension/${manifest.icon}`)!.data();
    assert.equal(icon.readUInt32BE(16), 128, 'icon is 128 px wide');
    assert.equal(icon.readUInt32BE(20), 128, 'icon is 128 px high');
    assert.ok(manifest.galleryBanner?.color);
    for (const category of ['Linters', 'Snippets']) assert.ok(manifest.categories.includes(category), category);
    assert.ok(manifest.keywords.length >= 3 && manifest.keywords.length <= 30, 'keywords: 3 to 30');
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.ok(names.has(`extension/${manifest.main.replace(/^\.\//, '')}`), `main ${manifest.main}`);
  });

  it('contributes commands, described settings, snippets, schema validation, views and a walkthrough, all present in the package', () => {
    const c = manifest.contributes;
    const inPackage = (path: string) => names.has(`extension/${path.replace(/^\.\//, '')}`);
    assert.ok(c.commands.length > 0);
    for (const command of c.commands) assert.ok(command.command && command.title, JSON.stringify(command));
    const properties = Object.entries(c.configuration.properties as Record<string, Record<string, unknown>>);
    assert.ok(properties.length > 0);
    for (const [key, property] of properties) assert.ok(property.description || property.markdownDescription, `${key} has a description`);
    for (const snippet of c.snippets) assert.ok(inPackage(snippet.path), snippet.path);
    for (const v of [...c.jsonValidation, ...c.yamlValidation]) assert.ok(inPackage(v.url), v.url);
    assert.ok(Object.values(c.views as Record<string, unknown[]>).flat().length > 0, 'views');
    assert.ok(c.walkthroughs.length > 0);
    for (const walkthrough of c.walkthroughs) {
      assert.ok(walkthrough.id && walkthrough.title && walkthrough.description && walkthrough.steps.length >= 3);
      for (const step of walkthrough.steps) {
        assert.ok(step.id && step.title && step.description, JSON.stringify(step));
        assert.ok(step.media?.markdown && inPackage(step.media.markdown), `${step.id}: media ${step.media?.markdown}`);
      }
    }
  });

  it('has README images that resolve from the marketplace page: absolute https links to files in the repository', () => {
    const readme = entries.find((e) => e.name === 'extension/readme.md')!.data().toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length > 0, 'the README has screenshots');
    const repo = String(manifest.repository.url).replace(/\.git$/, '');
    for (const url of images) {
      assert.match(url, /^https:\/\//, `${url}: relative links do not resolve on the marketplace page`);
      const inRepo = new RegExp(`^${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/raw/[^/]+/(.+)$`).exec(url);
      assert.ok(inRepo, `${url} points into ${repo}`);
      assert.ok(statSync(join(root, decodeURIComponent(inRepo[1]))).isFile(), `${inRepo[1]} exists in the repository`);
    }
  });

  it('resolves every %placeholder% of the manifest in package.nls.json', () => {
    const missing = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]).filter((key) => !(key in nls));
    assert.deepEqual(missing, []);
  });

  it('works on its own: the CLI inside checks a draft with no node_modules around it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-vsix-'));
    try {
      for (const entry of entries) {
        if (!entry.name.startsWith('extension/')) continue;
        const target = join(dir, entry.name);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, entry.data());
      }
      const draft = join(dir, 'draft.md');
      writeFileSync(draft, '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\nArticle 25c of the Visa Code applies to Tunisia.\n');
      const run = spawnSync(process.execPath, [join(dir, 'extension', 'bin', 'council-notes.js'), 'check', '--format', 'json', draft], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 1, run.stderr);
      const rules = JSON.parse(run.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule);
      assert.deepEqual(rules, ['unknown-article']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
