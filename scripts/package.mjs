// Builds the extension package (.vsix) with @vscode/vsce.
//
//   npm run package                       → council-notes-<version>.vsix in the repository root
//   node scripts/package.mjs --out FILE   → FILE
//
// The package is made from a staging copy in .tmp/package/, never from the working tree itself:
//   1. production bundles (`scripts/build.mjs --production`: minified, no source maps) are built
//      into .tmp/package/build/dist, so the development bundles in dist/ stay as they are (other
//      commands and editors may be using them);
//   2. the repository's top-level files (without node_modules, out, dist, .tmp, .git) are copied to
//      .tmp/package/extension with those bundles in dist/;
//   3. `vsce package --no-dependencies` packs what .vscodeignore lets through. The bundles are
//      self-contained, so no node_modules go in.
// test/unit/package.test.ts checks the contents and the manifest.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`));
const quiet = args.includes('--quiet');
const say = (message) => { if (!quiet) console.log(`[package] ${message}`); };

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
}

const started = Date.now();
// A folder per output file, so two packagings (e.g. `npm run package` and the package test) never share one.
const stage = join(root, '.tmp', 'package', out.replace(/[^A-Za-z0-9.-]+/g, '_').slice(-80));
const build = join(stage, 'build');
const extension = join(stage, 'extension');
rmSync(stage, { recursive: true, force: true });

// 1. Production bundles, built by the project's own build script in a folder of its own: a copy of
//    build.mjs and precompile-model.ts (they write to dist/ beside their scripts/ folder) with links
//    to the sources.
mkdirSync(join(build, 'scripts'), { recursive: true });
for (const name of ['build.mjs', 'precompile-model.ts']) copyFileSync(join(root, 'scripts', name), join(build, 'scripts', name));
for (const name of ['client', 'server', 'schemas', 'languages', 'model', 'node_modules', 'tsconfig.json', 'package.json']) {
  symlinkSync(join(root, name), join(build, name));
}
say('building production bundles');
run(process.execPath, [join(build, 'scripts/build.mjs'), '--production'], build);

// 2. The staging copy: top-level files and folders; .vscodeignore decides what goes in.
const skip = new Set(['node_modules', 'out', 'dist', '.tmp', '.git', '.vscode-test']);
mkdirSync(extension, { recursive: true });
for (const name of readdirSync(root)) {
  if (skip.has(name) || name.endsWith('.vsix')) continue;
  cpSync(join(root, name), join(extension, name), { recursive: true });
}
// "files" lists the npm package's contents; vsce refuses it beside .vscodeignore, which decides here.
const stagedManifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
delete stagedManifest.files;
writeFileSync(join(extension, 'package.json'), `${JSON.stringify(stagedManifest, null, 2)}\n`);
mkdirSync(join(extension, 'dist'));
for (const name of readdirSync(join(build, 'dist'))) {
  if (name.endsWith('.js') || name === 'default-model.json' || name === 'default-labels.bin' || name === 'languages.json') copyFileSync(join(build, 'dist', name), join(extension, 'dist', name));
}

// 3. Pack.
const vsce = join(dirname(createRequire(join(root, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
say(`packing with @vscode/vsce into ${out}`);
run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-git-tag-version', '--out', out], extension);

const size = statSync(out).size;
say(`${out}: ${(size / 1024 / 1024).toFixed(2)} MB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
