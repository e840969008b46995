/**
 * The npm package, as a user gets it: `npm pack` (after the build `npm test` made; `prepack`
 * builds otherwise), the tarball installed into an empty folder, and `npx council-notes check`
 * run there. The package holds only what the CLI needs (bundles, data, docs) and has no
 * dependencies to fetch: every bundle is self-contained, so the install works offline.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { validSarif } from '../support/sarif-schema';

/** The `run:` lines of the GitHub Actions workflow in docs/ci.md, in order. */
export function workflowCommands(root = packageRoot()): string[] {
  const page = readFileSync(join(root, 'docs', 'ci.md'), 'utf8');
  const workflow = /## GitHub Actions[\s\S]*?```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
  return [...workflow.matchAll(/^\s+run: (.+)$/gm)].map((m) => m[1]);
}

/** What may be in the tarball, each a pattern over the path inside it. */
const ALLOWED: RegExp[] = [
  /^package\.json$/, /^(README|CHANGELOG)\.md$/, /^LICENSE$/,
  /^bin\/council-notes\.js$/, /^dist\/(cli|server)\.js$/, /^dist\/(default-model\.json|default-labels\.bin|languages\.json)$/,
  /^model\/default\/[\w.-]+\.policy\.(ya?ml|json)$/, /^languages\/[a-z]{2}\.json$/,
  /^schemas\/policy-model\.schema\.json$/, /^docs\/[\w./-]+\.md$/,
];

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('npm package', function () {
  this.timeout(240_000);
  const root = packageRoot();
  let work: string;
  let tarball: string;
  let files: string[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'council-notes-npm-'));
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout);
    tarball = join(work, info.filename);
    files = info.files.map((f: { path: string }) => f.path);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('is publishable: not private, with a bin, files, repository, and no dependencies to install', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.notEqual(manifest.private, true);
    assert.equal(manifest.bin['council-notes'], './bin/council-notes.js');
    assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0);
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundles are self-contained: runtime libraries are devDependencies');
  });

  it('holds the CLI, its data and docs, and no dev-only file (sources, tests, scripts, source maps, the VS Code client)', () => {
    const unexpected = files.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)));
    assert.deepEqual(unexpected, []);
    for (const needed of ['bin/council-notes.js', 'dist/cli.js', 'dist/server.js', 'dist/default-model.json', 'languages/en.json', 'docs/rules/unknown-country.md']) {
      assert.ok(files.includes(needed), needed);
    }
  });

  it('installs into an empty folder, and `npx council-notes check` works there', () => {
    const project = join(work, 'project');
    spawnSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), '{ "name": "drafts", "version": "1.0.0", "private": true }\n');
    const install = npm(['install', '--offline', '--no-save', tarball], project);
    assert.equal(install.status, 0, `${install.stdout}\n${install.stderr}`);
    writeFileSync(join(project, 'note.md'), '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\nArticle 25c of the Visa Code applies to Tunesia.\n');
    const run = spawnSync('npx', ['council-notes', 'check', '--format', 'json', 'note.md'], { cwd: project, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_offline: 'true' } });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['unknown-article', 'unknown-country']);
    // The workflow of docs/ci.md, its run: lines word for word, in a git checkout with drafts/.
    spawnSync('git', ['init', '-q'], { cwd: project });
    spawnSync('mkdir', ['-p', join(project, 'drafts', 'team a')]);
    writeFileSync(join(project, 'drafts', 'team a', 'note.md'), readFileSync(join(project, 'note.md')));
    const commands = workflowCommands();
    assert.equal(commands.length, 2, commands.join('\n'));
    const [sarifStep, textStep] = commands.map((command) => spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_offline: 'true' } }));
    assert.equal(sarifStep.status, 1, `${commands[0]}: a finding of severity error fails the step\n${sarifStep.stderr}`);
    const sarif = validSarif(readFileSync(join(project, 'council-notes.sarif'), 'utf8'), 'the workflow\'s SARIF');
    assert.deepEqual(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation), [ // eslint-disable-line @typescript-eslint/no-explicit-any
      { uri: 'drafts/team%20a/note.md', uriBaseId: '%SRCROOT%' }, { uri: 'drafts/team%20a/note.md', uriBaseId: '%SRCROOT%' },
    ]);
    assert.equal(textStep.status, 1);
    assert.match(textStep.stdout, /^drafts\/team a\/note\.md:7:9: error unknown-article: /m);
    const version = spawnSync('npx', ['council-notes', '--version'], { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
