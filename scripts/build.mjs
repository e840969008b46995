// Bundles the TypeScript sources into CommonJS with esbuild. unified/remark are ESM-only and
// VS Code loads extensions with require(), so everything the runtime needs is bundled.
//   node scripts/build.mjs            client, server and CLI bundles in dist/, and the precompiled
//                                     built-in model dist/default-model.json with its label
//                                     automaton dist/default-labels.bin
//   node scripts/build.mjs --scripts  maintenance scripts in out/scripts/
//   node scripts/build.mjs --tests    test files in out/test/
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true,
  logLevel: 'warning', absWorkingDir: root,
  // './server.js': the CLI's `lsp` command loads the server bundle beside it (dist/server.js).
  external: ['vscode', './server.js'],
};

function filesUnder(dir, test) {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...filesUnder(path, test));
    else if (test(name)) out.push(path);
  }
  return out;
}

if (args.has('--scripts')) {
  await build({ ...common, entryPoints: filesUnder('scripts', (n) => n.endsWith('.ts')), outdir: 'out/scripts' });
} else if (args.has('--tests')) {
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  await build({ ...common, entryPoints: filesUnder('test', (n) => n.endsWith('.ts')), outdir: 'out/test', outbase: 'test' });
} else {
  const production = args.has('--production');
  await build({
    ...common, minify: production, sourcemap: !production,
    entryPoints: { client: 'client/src/extension.ts', server: 'server/src/server.ts', cli: 'server/src/cli.ts' },
    outdir: 'dist',
  });
  // The built-in model, loaded and validated once: dist/default-model.json and its label automaton
  // dist/default-labels.bin (server/src/node/precompiled.ts).
  await build({ ...common, entryPoints: ['scripts/precompile-model.ts'], outfile: 'out/build/precompile-model.js', sourcemap: false });
  execFileSync(process.execPath, [join(root, 'out/build/precompile-model.js')], { stdio: 'inherit' });
}

