#!/usr/bin/env node
'use strict';
// Starts the CLI bundle (dist/cli.js). Compiling the 1.5 MB bundle is a large part of a cold start
// (docs/performance.md, "Compile cache"), so its compiled code is cached per user: with Node's own
// module.enableCompileCache where it exists (Node 22.1+), otherwise with V8's code cache through
// vm.Script, in $XDG_CACHE_HOME/council-notes (or ~/.cache/council-notes), a folder only the user
// can write. V8 checks that a cache matches the source and the Node version, and ignores it
// otherwise. COUNCIL_NOTES_COMPILE_CACHE=0 switches it off.
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');

function cacheDir() {
  const fs = require('node:fs');
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME && path.join(process.env.HOME, '.cache'));
  if (!home) return undefined;
  const dir = path.join(home, 'council-notes');
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    // Never a cache another user could have written.
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    if ((stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The bundle's exports, run from a script compiled with the code cache (undefined if it cannot be compiled so). */
function loadWithCodeCache(dir) {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const Module = require('node:module');
  const source = fs.readFileSync(bundle, 'utf8');
  const stat = fs.statSync(bundle);
  const key = require('node:crypto').createHash('sha256').update(`${bundle}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const cacheFile = path.join(dir, `${key}.v8-cache`);
  let cachedData;
  try { cachedData = fs.readFileSync(cacheFile); } catch { /* first run */ }
  let script;
  try { script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData }); } catch { return undefined; }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, bundle, path.dirname(bundle));
  if (!cachedData || script.cachedDataRejected) {
    // At exit the cache holds the functions this run compiled too, not only the top level.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try { fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 }); fs.renameSync(temp, cacheFile); } catch { try { fs.unlinkSync(temp); } catch { /* not written */ } }
    });
  }
  return mod.exports;
}

function load() {
  if (process.env.COUNCIL_NOTES_COMPILE_CACHE !== '0') {
    const Module = require('node:module');
    if (typeof Module.enableCompileCache === 'function') {
      const dir = cacheDir();
      if (dir) Module.enableCompileCache(dir);
    } else {
      const dir = cacheDir();
      const exports = dir && loadWithCodeCache(dir);
      if (exports) return exports;
    }
  }
  return require(bundle);
}

load().main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
