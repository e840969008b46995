/**
 * The command line as its peers (markdownlint-cli2, cspell, vale) behave: help per command,
 * --version, strict argument parsing (util.parseArgs: unknown options, missing values and a
 * single-valued option given twice are usage errors; `--` ends the options), --jobs bounds,
 * `lsp` on stdio by default, a path without drafts, and one finding per line in text output.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { runCli } from '../support/cli';

const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';

describe('CLI arguments and output', function () {
  this.timeout(60_000);
  let dir: string;
  let warn: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'council-notes-args-'));
    warn = join(dir, 'warn.md');
    writeFileSync(warn, `${HEADER}Cooperation with Tunesia.\n`);
  });

  it('prints help for the tool and for each command, with every option and the exit codes, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help'], ['check', '-h'], ['lsp', '--help'], ['help', 'check']]) {
      const run = runCli(args);
      assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stdout, /^Usage: council-notes/, args.join(' '));
      assert.match(run.stdout, /Exit status|--stdio/, args.join(' '));
    }
    const check = runCli(['check', '--help']).stdout;
    for (const option of ['--format', '--model', '--no-default-model', '--lang', '--fix', '--jobs', '--base', '--help', '--']) {
      assert.match(check, new RegExp(`^  (-[a-z], )?${option.replace(/-/g, '\\-')}(?= )`, 'm'), `check --help explains ${option}`);
    }
    assert.match(check, /^ {2}2 {2}usage error/m);
  });

  it('prints the version from package.json', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version}\n`);
    assert.equal(runCli(['-v']).stdout, run.stdout);
  });

  it('rejects a single-valued option given twice, an unknown option and a missing value, exit 2', () => {
    for (const [args, message] of [
      [['check', '--format', 'json', '--format', 'sarif', warn], /--format is given more than once/],
      [['check', '--lang', 'en', '--lang', 'nl', warn], /--lang is given more than once/],
      [['check', '--bogus', warn], /Unknown option '--bogus'/],
      [['check', warn, '--format'], /--format <value>' argument missing/],
      [['lsp', '--socket=1'], /Unknown option '--socket'/],
    ] as [string[], RegExp][]) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
    // --model may be repeated: both layers apply.
    assert.equal(runCli(['check', '--model', join(packageRoot(), 'examples/model/extra.policy.yaml'), '--model', join(packageRoot(), 'examples/model/extra.policy.yaml'), warn]).status, 0);
  });

  it('reads every argument after -- as a path, even one that looks like an option', () => {
    const sub = join(dir, 'dashes');
    mkdirSync(sub);
    writeFileSync(join(sub, '--fix.md'), `${HEADER}Cooperation with Tunesia.\n`);
    const run = runCli(['check', '--format', 'json', '--', '--fix.md'], sub);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.files[0].path, '--fix.md');
    assert.equal(report.files[0].diagnostics[0].rule, 'unknown-country');
    assert.equal(readFileSync(join(sub, '--fix.md'), 'utf8'), `${HEADER}Cooperation with Tunesia.\n`, 'not fixed: --fix after -- is a path');
  });

  it('rejects --jobs 1e3, 0x10, 0, -1 and 2.0; caps a larger number at the core count and says so', () => {
    for (const jobs of ['1e3', '0x10', '0', '-1', '2.0', ' 2', 'two']) {
      const run = runCli(['check', `--jobs=${jobs}`, warn]);
      assert.equal(run.status, 2, jobs);
      assert.match(run.stderr, /--jobs needs a whole number of at least 1 written in digits/, jobs);
    }
    const cores = availableParallelism();
    const capped = runCli(['check', '--jobs', '1000', warn]);
    assert.equal(capped.status, 0, capped.stderr);
    assert.match(capped.stderr, new RegExp(`--jobs 1000 is more than the ${cores} cores? of this machine; using ${cores}`));
    const exact = runCli(['check', '--jobs', String(cores), warn]);
    assert.equal(exact.stderr, '', 'no message when --jobs is within the core count');
  });

  it('exits 2 with "no drafts found under …" for a directory without drafts', () => {
    const empty = join(dir, 'no-drafts');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not a draft\n');
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['check', '--format', format, empty]);
      assert.equal(run.status, 2, format);
      assert.equal(run.stdout, '', format);
      assert.match(run.stderr, new RegExp(`no drafts found under "${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    }
    // With another path that does hold drafts, the empty one is still an error.
    assert.equal(runCli(['check', warn, empty]).status, 2);
  });

  it('writes one finding per line in text output, line breaks escaped, with singular and plural right', () => {
    const path = join(dir, 'broken-line.md');
    writeFileSync(path, 'The European Asylum\nSupport Office met on the situation in Tunesia.\n');
    const run = runCli(['check', '--lang', 'en', path]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `${path}:1:5: warning deprecated-name: "European Asylum\\nSupport Office" is deprecated: write "European Union Agency for Asylum".`,
      `${path}:2:40: warning unknown-country: "Tunesia" is not a known country name. Did you mean "Tunisia"?`,
      '1 file checked: 2 findings (0 errors, 2 warnings, 0 notes)',
    ]);
    const one = runCli(['check', warn]).stdout.trimEnd().split('\n').at(-1);
    assert.equal(one, '1 file checked: 1 finding (0 errors, 1 warning, 0 notes)');
    const error = join(dir, 'error.md');
    writeFileSync(error, `${HEADER}Article 25c of the Visa Code applies.\n`);
    assert.equal(runCli(['check', error, warn]).stdout.trimEnd().split('\n').at(-1), '2 files checked: 2 findings (1 error, 1 warning, 0 notes)');
  });

  it('starts the language server on stdio when `lsp` is given no transport', async () => {
    const server = spawn(process.execPath, [join(packageRoot(), 'bin', 'council-notes.js'), 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      let stderr = '';
      server.stderr.on('data', (chunk) => { stderr += chunk; });
      const answer = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk) => { out += chunk; if (/"capabilities"/.test(out)) resolve(out); });
        server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
      });
      assert.match(answer, /^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2.0","id":1,"result":\{"capabilities"/);
      assert.doesNotMatch(stderr, /Connection input stream/);
    } finally {
      server.kill();
    }
  });
});
