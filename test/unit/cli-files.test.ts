/**
 * The CLI under bad conditions (issue 16, items 11 and 12): a vanished or unreadable file or
 * directory is a per-file error in every format while the rest is still checked (exit 2 at the
 * end); FIFOs, devices and huge sparse files are refused before they are read.
 * Unreadable paths need a user that permissions apply to: as root, the CLI runs as "nobody".
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';
const NOBODY = 65534;

describe('CLI: files that vanish, cannot be read, or are not regular files', function () {
  this.timeout(120_000);
  let dir: string;
  const asRoot = process.getuid?.() === 0;
  /** Runs as a user that file permissions apply to. */
  const runUnprivileged = (args: string[]) => runCli(args, dir, asRoot ? { uid: NOBODY, gid: NOBODY } : {});

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'council-notes-files-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'a.md'), `${HEADER}Article 25c of the Visa Code applies.\n`);
    writeFileSync(join(dir, 'b.md'), `${HEADER}Cooperation with Tunesia.\n`);
  });
  afterEach(() => {
    for (const path of [join(dir, 'locked.md'), join(dir, 'locked')]) try { chmodSync(path, 0o755); } catch { /* not made */ }
    rmSync(dir, { recursive: true, force: true });
  });

  it('a vanished file: files[].error in JSON, a line in text, the other files checked, exit 2', () => {
    const gone = join(dir, 'gone.md');
    const json = runCli(['check', '--format', 'json', join(dir, 'a.md'), gone, join(dir, 'b.md')]);
    assert.equal(json.status, 2);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), [join(dir, 'a.md'), gone, join(dir, 'b.md')], 'in command-line order');
    assert.deepEqual(report.files[1], { path: gone, error: 'cannot read: no such file or directory', diagnostics: [] });
    assert.deepEqual(report.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['unknown-article']);
    assert.deepEqual(report.files[2].diagnostics.map((d: { rule: string }) => d.rule), ['unknown-country']);
    assert.match(json.stderr, /gone\.md: cannot read: no such file or directory/);
    const text = runCli(['check', join(dir, 'a.md'), gone]);
    assert.equal(text.status, 2);
    assert.match(text.stdout, /gone\.md: error: cannot read: no such file or directory\n/);
    assert.match(text.stdout, /1 file checked, 1 file not read: 1 finding \(1 error, 0 warnings, 0 notes\)\n$/);
  });

  it('an unreadable file and an unreadable directory are per-file errors in text, JSON and SARIF; the rest is checked', () => {
    writeFileSync(join(dir, 'locked.md'), `${HEADER}Secret.\n`);
    chmodSync(join(dir, 'locked.md'), 0o000);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'inside.md'), `${HEADER}Inside.\n`);
    chmodSync(join(dir, 'locked'), 0o000);
    const json = runUnprivileged(['check', '--format', 'json', dir]);
    assert.equal(json.status, 2, json.stderr);
    const files = JSON.parse(json.stdout).files as { path: string; error?: string; diagnostics: { rule: string }[] }[];
    const byName = new Map(files.map((f) => [f.path.slice(dir.length + 1), f]));
    assert.deepEqual([...byName.keys()].sort(), ['a.md', 'b.md', 'locked', 'locked.md']);
    assert.equal(byName.get('locked')!.error, 'cannot list the directory: permission denied');
    assert.equal(byName.get('locked.md')!.error, 'cannot read: permission denied');
    assert.deepEqual(byName.get('a.md')!.diagnostics.map((d) => d.rule), ['unknown-article']);
    const sarif = runUnprivileged(['check', '--format', 'sarif', '--base', dir, dir]);
    assert.equal(sarif.status, 2);
    const [runLog] = JSON.parse(sarif.stdout).runs;
    assert.equal(runLog.invocations[0].executionSuccessful, false);
    assert.deepEqual(runLog.invocations[0].toolExecutionNotifications.map((n: any) => n.locations[0].physicalLocation.artifactLocation.uri).sort(), ['locked', 'locked.md']); // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(runLog.results.map((r: { ruleId: string }) => r.ruleId).sort(), ['unknown-article', 'unknown-country']);
    const text = runUnprivileged(['check', dir]);
    assert.equal(text.status, 2);
    assert.match(text.stdout, /locked: error: cannot list the directory: permission denied/);
    assert.match(text.stdout, /2 files checked, 2 files not read: 2 findings/);
  });

  it('a FIFO named on the command line is refused at once, with --fix too, and the rest is checked', () => {
    const fifo = join(dir, 'pipe.md');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    for (const args of [['check', '--format', 'json', fifo, join(dir, 'b.md')], ['check', '--fix', '--format', 'json', fifo, join(dir, 'b.md')]]) {
      const started = Date.now();
      const run = runCli(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      const files = JSON.parse(run.stdout).files as { path: string; error?: string }[];
      assert.equal(files.find((f) => f.path === fifo)?.error, 'not read: it is not a regular file (a FIFO, socket or device)', args.join(' '));
      assert.ok(files.some((f) => f.path === join(dir, 'b.md') && !f.error), 'the other draft is checked');
      assert.ok(Date.now() - started < 30_000, 'did not wait for a writer');
    }
  });

  it('a FIFO among 45 drafts checked on worker threads is a per-file error too', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const paths = Array.from({ length: 45 }, (_, i) => { const path = join(many, `n${String(i).padStart(2, '0')}.md`); writeFileSync(path, `${HEADER}Cooperation with Tunisia.\n`); return path; });
    const fifo = join(many, 'pipe.md');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const run = runCli(['check', '--format', 'json', '--jobs', '2', ...paths.slice(0, 20), fifo, ...paths.slice(20)]);
    assert.equal(run.status, 2, run.stderr);
    const files = JSON.parse(run.stdout).files as { path: string; error?: string }[];
    assert.equal(files.length, 46);
    assert.equal(files[20].path, fifo);
    assert.match(files[20].error ?? '', /not a regular file/);
    assert.equal(files.filter((f) => f.error).length, 1);
  });

  it('--model /dev/zero, a FIFO model and a 300 MB sparse model file are refused before reading, quickly', () => {
    const fifo = join(dir, 'pipe.policy.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const sparse = join(dir, 'huge.policy.yaml');
    writeFileSync(sparse, '');
    truncateSync(sparse, 300 * 1024 * 1024);
    for (const [model, message] of [
      ['/dev/zero', /^\/dev\/zero:1:1: error model-schema: not read: it is not a regular file/],
      [fifo, /pipe\.policy\.yaml:1:1: error model-schema: not read: it is not a regular file/],
      [sparse, /huge\.policy\.yaml:1:1: error model-schema: not read: it is 300 MB, more than the \d+ MB allowed/],
    ] as [string, RegExp][]) {
      const started = Date.now();
      const run = runCli(['check', '--model', model, join(dir, 'a.md')]);
      assert.equal(run.status, 2, model);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.ok(Date.now() - started < 30_000, `${model}: refused without reading`);
    }
  });
});
