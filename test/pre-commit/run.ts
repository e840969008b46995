/**
 * The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit framework, as a user's
 * repository runs it: `pre-commit try-repo <this repository> council-notes` in a sample
 * repository, once on a draft with an error (the hook fails and prints the finding) and once on a
 * clean draft (it passes). try-repo clones this repository with its uncommitted changes, so each
 * run also proves that the hook builds itself from sources on its first run.
 *
 *   npm run test:pre-commit
 *
 * Needs Debian's `pre-commit` package (installed with apt-get when running as root with CI set).
 * Prints one "ok   …" / "FAIL …" line per check and "N passed, N failed" last.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';

const root = packageRoot();
const work = join(root, '.tmp', 'pre-commit');
const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';

function ensurePreCommit(): string | undefined {
  if (spawnSync('pre-commit', ['--version']).status === 0) return undefined;
  if (process.getuid?.() === 0 && process.env.CI) {
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'pre-commit']]) {
      if (spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status !== 0) return `apt-get ${args.join(' ')} failed`;
    }
    return undefined;
  }
  return 'pre-commit is not installed: sudo apt-get install -y --no-install-recommends pre-commit';
}

function main(): number {
  const missing = ensurePreCommit();
  if (missing) { console.log(`${missing}\n0 passed, 1 failed`); return 1; }
  console.log(`[test:pre-commit] ${spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
  rmSync(work, { recursive: true, force: true });
  const sample = join(work, 'sample');
  mkdirSync(sample, { recursive: true });
  const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'home'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  spawnSync('git', ['init', '-q'], { cwd: sample });
  writeFileSync(join(sample, 'bad.md'), `${HEADER}Article 25c of the Visa Code applies to Tunisia.\n`);
  writeFileSync(join(sample, 'clean.md'), `${HEADER}Article 25a of the Visa Code applies to Tunisia.\n`);
  writeFileSync(join(sample, 'notes.txt'), 'Article 25c is not checked in a .txt file.\n');
  spawnSync('git', ['add', '.'], { cwd: sample });

  let passed = 0;
  let failed = 0;
  const check = (name: string, files: string[], expect: (status: number | null, output: string) => string | undefined) => {
    const started = Date.now();
    const run = spawnSync('pre-commit', ['try-repo', root, 'council-notes', '--verbose', '--files', ...files], { cwd: sample, encoding: 'utf8', env, timeout: 600_000 });
    const output = `${run.stdout}${run.stderr}`;
    writeFileSync(join(work, `${name.replace(/\W+/g, '-')}.log`), output);
    const problem = expect(run.status, output);
    const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (problem) { failed++; console.log(`FAIL ${name}: ${problem} (${took}; log in ${work})\n${output.split('\n').slice(-15).join('\n')}`); } else { passed++; console.log(`ok   ${name} (${took})`); }
  };
  check('a draft with an error fails the hook with its finding', ['bad.md', 'notes.txt'], (status, output) => {
    if (status !== 1) return `exit ${status}, expected 1`;
    if (!/bad\.md:7:9: error unknown-article: Visa Code has no Article 25c/.test(output)) return 'the finding is not in the output';
    if (/notes\.txt/.test(output.split('Council Notes')[1] ?? '')) return 'a .txt file was passed to the hook';
    return undefined;
  });
  check('a clean draft passes', ['clean.md'], (status, output) => (status === 0 && /Council Notes\.+Passed/.test(output) ? undefined : `exit ${status}`));
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exit(main());
