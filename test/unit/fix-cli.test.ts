/** `council-notes check --fix`, run as a user would run it. */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('CLI --fix', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'council-notes-fix-')); });

  const write = (name: string, content: string | Buffer) => { const path = join(dir, name); writeFileSync(path, content); return path; };

  it('fixes a CRLF draft, keeps its line endings, writes atomically with its permissions, and says what it fixed', () => {
    const path = write('crlf.md', 'Cooperation with Turkey continues.\r\n\r\nTalks with Kosovo continue.\r\n');
    chmodSync(path, 0o640);
    const inode = statSync(path).ino;
    const run = runCli(['check', '--fix', '--lang', 'en', path]);
    assert.equal(run.status, 0, run.stderr);
    const text = readFileSync(path, 'utf8');
    assert.equal(text, 'Cooperation with Türkiye continues.\r\n\r\nTalks with Kosovo* continue.\r\n\r\n\\* This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.\r\n');
    assert.match(run.stdout, /crlf\.md:1:18: fixed deprecated-name: "Turkey" is deprecated/);
    assert.match(run.stdout, /fixed designation-footnote/);
    assert.match(run.stdout, /1 file checked: 0 findings/);
    assert.match(run.stdout, /Fixed 3 problems in 1 file\./);
    assert.notEqual(statSync(path).ino, inode, 'replaced by a rename, not rewritten in place');
    assert.equal(statSync(path).mode & 0o777, 0o640, 'permissions kept');
    assert.deepEqual(readdirSync(dir), ['crlf.md'], 'no temporary file left behind');
  });

  it('keeps a BOM', () => {
    const path = write('bom.md', Buffer.concat([BOM, Buffer.from('De samenwerking met Tunesie gaat door.\n')]));
    const run = runCli(['check', '--fix', '--lang', 'nl', path]);
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(path);
    assert.ok(bytes.subarray(0, 3).equals(BOM), 'BOM kept');
    assert.equal(bytes.subarray(3).toString('utf8'), 'De samenwerking met Tunesië gaat door.\n');
  });

  it('is idempotent: a second run changes nothing and does not touch the file', () => {
    const path = write('twice.md', 'The EUAA met on September 28, 2023 with Tunesia.\n');
    assert.equal(runCli(['check', '--fix', '--lang', 'en', path]).status, 0);
    const once = readFileSync(path, 'utf8');
    assert.equal(once, 'The European Union Agency for Asylum (EUAA) met on 28 September 2023 with Tunisia.\n');
    const inode = statSync(path).ino;
    const again = runCli(['check', '--fix', '--lang', 'en', path]);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /Fixed 0 problems in 0 files\./);
    assert.equal(readFileSync(path, 'utf8'), once);
    assert.equal(statSync(path).ino, inode, 'not rewritten');
  });

  it('exits 1 when an error without a fix is left, 0 when only warnings or nothing are, 2 on usage errors', () => {
    const error = write('error.md', 'Article 25c of the Visa Code applies to Tunesia.\n');
    const run = runCli(['check', '--fix', '--lang', 'en', error]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /fixed unknown-country/);
    assert.match(run.stdout, /error unknown-article/);
    assert.equal(readFileSync(error, 'utf8'), 'Article 25c of the Visa Code applies to Tunisia.\n');
    const warning = write('warning.md', 'Regulation (EU) 2019/8888 applies.\n');
    assert.equal(runCli(['check', '--fix', '--lang', 'en', warning]).status, 0, 'a warning without a fix is left, exit 0');
    assert.equal(runCli(['check', '--fix']).status, 2);
    assert.equal(runCli(['check', '--fix', join(dir, 'missing.md')]).status, 2);
  });

  it('prints one JSON object with what was fixed and what is left', () => {
    const path = write('json.md', 'Article 25c of the Visa Code applies to Turkey.\n');
    const run = runCli(['check', '--fix', '--format', 'json', '--lang', 'en', path]);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.files[0].fixed.map((f: { rule: string; before: string; after: string }) => [f.rule, f.before, f.after]), [['deprecated-name', 'Turkey', 'Türkiye']]);
    assert.deepEqual(report.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['unknown-article']);
  });

  it('never writes through a symbolic link or out of the tree it was given', () => {
    const tree = join(dir, 'tree');
    const outside = join(dir, 'outside');
    mkdirSync(tree);
    mkdirSync(outside);
    const target = join(outside, 'target.md');
    const original = 'Cooperation with Turkey continues.\n';
    writeFileSync(target, original);
    writeFileSync(join(tree, 'own.md'), original);
    symlinkSync(target, join(tree, 'link.md'));
    symlinkSync(outside, join(tree, 'linked-dir'));

    const walk = runCli(['check', '--fix', '--lang', 'en', tree]);
    assert.equal(walk.status, 0, walk.stderr);
    assert.equal(readFileSync(join(tree, 'own.md'), 'utf8'), 'Cooperation with Türkiye continues.\n', 'the draft in the tree is fixed');
    assert.equal(readFileSync(target, 'utf8'), original, 'links in the tree are not followed');

    const named = runCli(['check', '--fix', '--lang', 'en', join(tree, 'link.md')]);
    assert.match(named.stderr, /link\.md: not fixed: it is a symbolic link/);
    assert.match(named.stdout, /deprecated-name/, 'still checked and reported');
    assert.equal(readFileSync(target, 'utf8'), original);
    assert.ok(statSync(join(tree, 'link.md')).isFile());
  });

  it('does not rewrite a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('Cooperation with Turkey continues '), Buffer.from([0xff, 0xfe]), Buffer.from('.\n')]);
    const path = write('latin1.md', bytes);
    const run = runCli(['check', '--fix', '--lang', 'en', path]);
    assert.match(run.stderr, /not fixed: it is not valid UTF-8/);
    assert.ok(readFileSync(path).equals(bytes));
  });
});
