// The quick start's main job: checks the example drafts from the command line, as a drafter's
// CI would, and prints what it found. Clean drafts must have no findings; drafts with planted
// errors must have some. Exit 0 when both hold.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'council-notes.js');
// The drafts are in one folder per language; examples/README.md is documentation, not a draft.
const draftDirs = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'model').map((entry) => join(root, 'examples', entry.name)).sort();
const args = ['check', '--model', join(root, 'examples/model/extra.policy.yaml'), ...draftDirs];

// What a drafter sees: the text report.
const text = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
process.stdout.write(text.stdout.split(`${root}`).join(''));
if (text.status === 2) { process.stderr.write(text.stderr); process.exit(2); }

// The same run as JSON, to check the outcome.
const json = JSON.parse(spawnSync(process.execPath, [cli, args[0], '--format', 'json', ...args.slice(1)], { encoding: 'utf8' }).stdout);
let ok = true;
const untallied = json.files.filter((f) => !/\/(clean|errors)-[^/]*\.md$/.test(f.path));
if (untallied.length > 0) { ok = false; console.error(`✗ not a clean-* or errors-* draft, so not in the tally: ${untallied.map((f) => relative(root, f.path)).join(', ')}`); }
for (const file of json.files) {
  const name = relative(root, file.path);
  const clean = /\/clean-[^/]*\.md$/.test(file.path);
  const planted = /\/errors-[^/]*\.md$/.test(file.path);
  if (clean && file.diagnostics.length > 0) { ok = false; console.error(`✗ ${name}: a clean draft has ${file.diagnostics.length} findings`); }
  if (planted && file.diagnostics.length === 0) { ok = false; console.error(`✗ ${name}: planted errors were not found`); }
}
const cleanCount = json.files.filter((f) => /\/clean-/.test(f.path)).length;
const errorFiles = json.files.filter((f) => /\/errors-/.test(f.path));
const findings = errorFiles.reduce((sum, f) => sum + f.diagnostics.length, 0);
console.log(`\n${ok ? '✓' : '✗'} ${cleanCount} clean drafts without findings; ${findings} findings in ${errorFiles.length} drafts with planted errors (see examples/README.md, and npm run eval for recall per rule).`);
process.exit(ok ? 0 : 1);
