/**
 * Issue 7, "nothing lost" and "no code from data":
 * - the CLI without --fix never writes (every file of the tree keeps its bytes, mode and mtime, and
 *   no file appears); with --fix it writes atomically, keeps BOM and line endings, and never
 *   writes through a symbolic link;
 * - the CLI never follows a symbolic link out of the checked tree (nor loops on one);
 * - a scan of server/** and client/** (TypeScript syntax trees, so comments and strings do not
 *   count) finds no eval, no Function constructor, no require/import of a computed path, no
 *   network or process modules, and no file writes outside the CLI's --fix;
 * - YAML tags that other loaders turn into code (!!js/function, !!python/object) stay data.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';
import { loadModelText } from '../../server/src/core/model/load';
import { packageRoot } from '../../server/src/node/resources';
import { runCli } from '../support/cli';

interface Entry { type: string; size: number; mode: number; mtimeMs: number; hash: string; link?: string }

/** Every path under `root` (links not followed) with its type, size, mode, mtime and content hash. */
function snapshot(root: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      const entry: Entry = { type: stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file', size: stat.size, mode: stat.mode, mtimeMs: stat.mtimeMs, hash: '' };
      if (entry.type === 'file') entry.hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      out.set(relative(root, path), entry);
      if (entry.type === 'dir') walk(path);
    }
  };
  walk(root);
  return out;
}

/** Drafts with findings that have fixes, in the encodings and line endings drafters use. */
function makeTree(base: string): { tree: string; outside: string } {
  const tree = join(base, 'tree');
  const outside = join(base, 'outside');
  mkdirSync(join(tree, 'nested', 'deeper'), { recursive: true });
  mkdirSync(outside);
  const fixable = 'The Council invited Turkey and Tunesia on September 28, 2023.\n';
  writeFileSync(join(tree, 'lf.md'), `# NOTE\n\n${fixable}`);
  writeFileSync(join(tree, 'crlf.md'), `# NOTE\r\n\r\n${fixable.replace(/\n/g, '\r\n')}`);
  writeFileSync(join(tree, 'bom.md'), `\uFEFF${fixable}`);
  writeFileSync(join(tree, 'clean.md'), 'The Council met.\n');
  writeFileSync(join(tree, 'latin1.md'), Buffer.from('Die T\xfcrkei und Tunesien.\n', 'latin1'));
  writeFileSync(join(tree, 'nested', 'deeper', 'note.md'), fixable);
  writeFileSync(join(tree, 'readonly.md'), fixable);
  chmodSync(join(tree, 'readonly.md'), 0o444);
  writeFileSync(join(tree, 'team.policy.yaml'), 'places:\n  - id: atlantis\n    kind: region\n    names: { en: [Atlantis Bay] }\n');
  writeFileSync(join(tree, 'notes.txt'), fixable);
  writeFileSync(join(outside, 'secret.md'), `OUTSIDE ${fixable}`);
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'dir', 'also-secret.md'), `OUTSIDE ${fixable}`);
  symlinkSync(join(outside, 'secret.md'), join(tree, 'link-to-outside.md'));
  symlinkSync(join(outside, 'dir'), join(tree, 'link-to-outside-dir'));
  symlinkSync(tree, join(tree, 'nested', 'loop'));
  symlinkSync(join(tree, 'lf.md'), join(tree, 'link-inside.md'));
  symlinkSync(join(base, 'missing.md'), join(tree, 'dangling.md'));
  return { tree, outside };
}

describe('robustness: nothing lost, no code from data', function () {
  this.timeout(120_000);
  let base: string;
  beforeEach(() => { base = mkdtempSync(join(tmpdir(), 'council-notes-nothing-lost-')); });
  afterEach(() => {
    try { chmodSync(join(base, 'tree', 'readonly.md'), 0o644); } catch { /* gone */ }
    rmSync(base, { recursive: true, force: true });
  });

  describe('the CLI', () => {
    it('without --fix writes nothing: every file keeps its bytes, mode and mtime, and no file appears', () => {
      const { tree, outside } = makeTree(base);
      const before = snapshot(base);
      const runs = [
        ['check', tree], ['check', '--format', 'json', tree], ['check', '--format', 'sarif', tree],
        ['check', '--model', join(tree, 'team.policy.yaml'), '--lang', 'en', join(tree, 'lf.md'), join(tree, 'crlf.md'), join(tree, 'bom.md')],
        ['check', '--no-default-model', '--model', join(tree, 'team.policy.yaml'), tree], ['check', join(tree, 'nested')],
        ['check', '--format', 'nonsense', tree], ['check', join(tree, 'does-not-exist.md')],
      ];
      for (const args of runs) {
        const run = runCli(args, tree);
        assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `${args.join(' ')}: ${run.status} ${run.stderr}`);
      }
      const after = snapshot(base);
      assert.deepEqual([...after.keys()], [...before.keys()], 'no file appeared or disappeared');
      for (const [path, entry] of before) assert.deepEqual(after.get(path), entry, `${path} unchanged`);
      assert.equal(readFileSync(join(outside, 'secret.md'), 'utf8').startsWith('OUTSIDE'), true);
    });

    it('never follows a symbolic link out of the checked tree, nor loops on one', () => {
      const { tree } = makeTree(base);
      const run = runCli(['check', '--format', 'json', tree], tree);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const paths: string[] = JSON.parse(run.stdout).files.map((f: { path: string }) => relative(tree, f.path));
      assert.deepEqual(paths.filter((p) => /link|loop|dangling|\.\./.test(p)), [], `no path through a link: ${paths.join(', ')}`);
      assert.deepEqual(paths.sort(), ['bom.md', 'clean.md', 'crlf.md', 'latin1.md', 'lf.md', join('nested', 'deeper', 'note.md'), 'readonly.md'].sort());
      assert.equal(/OUTSIDE/.test(run.stdout), false);
    });

    it('with --fix writes atomically, keeps BOM and line endings, and never writes through a link or out of the tree', function () {
      const { tree, outside } = makeTree(base);
      // --fix is a CLI option: its loss is a failure here, never a skip.
      const probe = runCli(['check', '--fix', join(tree, 'clean.md')], tree);
      assert.equal(probe.status, 0, `check --fix on a clean draft: exit ${probe.status}: ${probe.stderr}`);
      const before = snapshot(base);
      const run = runCli(['check', '--fix', tree], tree);
      assert.ok(run.status !== null && run.status <= 2, run.stderr);
      const after = snapshot(base);
      assert.deepEqual([...after.keys()], [...before.keys()], 'no temporary file left behind, no file created');
      // Outside the tree and everything behind links: untouched.
      for (const path of ['outside/secret.md', 'outside/dir/also-secret.md', 'tree/link-to-outside.md', 'tree/link-to-outside-dir', 'tree/nested/loop', 'tree/link-inside.md', 'tree/dangling.md', 'tree/team.policy.yaml', 'tree/notes.txt', 'tree/clean.md', 'tree/latin1.md']) {
        assert.deepEqual(after.get(path), before.get(path), `${path} untouched`);
      }
      assert.match(readFileSync(join(tree, 'lf.md'), 'utf8'), /Türkiye/, 'lf.md was fixed');
      const crlf = readFileSync(join(tree, 'crlf.md'), 'utf8');
      assert.match(crlf, /Türkiye/);
      assert.equal(crlf.replace(/\r\n/g, '').includes('\n'), false, 'CRLF kept: no bare LF');
      const bom = readFileSync(join(tree, 'bom.md'));
      assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
      assert.match(bom.toString('utf8'), /Türkiye/);
      assert.equal(readFileSync(join(outside, 'secret.md'), 'utf8').includes('Turkey'), true, 'the file behind the link was not fixed');
      assert.equal(after.get('tree/readonly.md')!.mode & 0o777, before.get('tree/readonly.md')!.mode & 0o777, 'mode kept');
    });
  });

  describe('no code from data', () => {
    it('YAML tags that other loaders execute stay data or are refused', () => {
      for (const text of [
        'acts:\n  - id: X\n    note: !!js/function "function () { globalThis.hacked = true }"\n',
        'acts:\n  - id: X\n    note: !!js/undefined ""\n',
        'acts:\n  - id: X\n    note: !!python/object/apply:os.system ["touch /tmp/council-notes-hacked"]\n',
        'acts:\n  - id: X\n    note: !<tag:yaml.org,2002:js/regexp> /x/\n',
      ]) {
        const result = loadModelText('hostile.policy.yaml', text);
        assert.ok(result.model === undefined || typeof result.model.acts?.[0]?.note === 'string' || result.model.acts?.[0]?.note === undefined, JSON.stringify(result.model));
        assert.equal((globalThis as { hacked?: unknown }).hacked, undefined);
      }
    });

    const ts = createRequire(join(packageRoot(), 'package.json'))('typescript') as typeof TS;
    const FORBIDDEN_MODULES = /^(node:)?(http|https|http2|net|dgram|tls|dns|child_process|cluster|vm|inspector|repl)(\/|$)/;
    const FORBIDDEN_GLOBALS = new Set(['eval', 'Function', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']);
    const WRITE_APIS = /^(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|rename|renameSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|mkdir|mkdirSync|copyFile|copyFileSync|cp|cpSync|symlink|symlinkSync|link|linkSync|chmod|chmodSync|truncate|truncateSync|writeSync|write|fsyncSync|utimes|utimesSync)$/;

    interface Finding { file: string; line: number; what: string }

    function scan(dir: string): { findings: Finding[]; writers: Map<string, string[]> } {
      const root = packageRoot();
      const findings: Finding[] = [];
      const writers = new Map<string, string[]>();
      const files: string[] = [];
      const walk = (d: string) => { for (const name of readdirSync(d).sort()) { const p = join(d, name); if (lstatSync(p).isDirectory()) walk(p); else if (/\.(ts|js|mjs|cjs)$/.test(name)) files.push(p); } };
      walk(join(root, dir));
      for (const path of files) {
        const file = relative(root, path);
        const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const add = (node: TS.Node, what: string) => findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
        const literal = (node: TS.Node | undefined) => !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
        const visit = (node: TS.Node): void => {
          if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
            const spec = node.moduleSpecifier;
            if (spec && ts.isStringLiteral(spec)) {
              if (FORBIDDEN_MODULES.test(spec.text)) add(node, `imports ${spec.text}`);
              const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
              if (/^(node:)?fs(\/promises)?$/.test(spec.text) && clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
                const names = clause.namedBindings.elements.map((e) => (e.propertyName ?? e.name).text).filter((n) => WRITE_APIS.test(n));
                if (names.length > 0) writers.set(file, names);
              }
              if (/^(node:)?fs(\/promises)?$/.test(spec.text) && clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) writers.set(file, ['* as fs']);
            }
          }
          if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
            const callee = node.expression;
            const args = node.arguments ?? ts.factory.createNodeArray();
            if (ts.isIdentifier(callee) && FORBIDDEN_GLOBALS.has(callee.text)) add(node, `${ts.isNewExpression(node) ? 'new ' : ''}${callee.text}(…)`);
            if (ts.isIdentifier(callee) && callee.text === 'require') {
              if (!literal(args[0])) add(node, 'require of a computed path');
              else if (FORBIDDEN_MODULES.test((args[0] as TS.StringLiteral).text)) add(node, `requires ${(args[0] as TS.StringLiteral).text}`);
            }
            if (callee.kind === ts.SyntaxKind.ImportKeyword) {
              if (!literal(args[0])) add(node, 'import() of a computed path');
              else if (FORBIDDEN_MODULES.test((args[0] as TS.StringLiteral).text)) add(node, `imports ${(args[0] as TS.StringLiteral).text}`);
            }
            if (ts.isIdentifier(callee) && callee.text === 'createRequire') add(node, 'createRequire(…)');
            if (ts.isNewExpression(node) && ts.isIdentifier(callee) && callee.text === 'Worker' && !(args[0] && ts.isIdentifier(args[0]) && args[0].text === '__filename')) add(node, 'new Worker(…) of something other than its own module');
            if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'process' && /^(binding|dlopen|_linkedBinding)$/.test(callee.name.text)) add(node, `process.${callee.name.text}(…)`);
            if (ts.isPropertyAccessExpression(callee) && /^(setTimeout|setInterval)$/.test(callee.name.text) && args[0] && literal(args[0])) add(node, 'a timer with code in a string');
          }
          if (ts.isIdentifier(node) && node.text === 'TransportKind' && ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && /^(socket|pipe)$/.test(node.parent.name.text)) add(node, `TransportKind.${node.parent.name.text}`);
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
      return { findings, writers };
    }

    it('server/** has no eval, Function constructor, computed require/import, network or process module', () => {
      const { findings } = scan('server');
      assert.deepEqual(findings.map((f) => `${f.file}:${f.line}: ${f.what}`), []);
    });

    it('client/** has none either, and starts the server over IPC (no socket or pipe)', () => {
      const { findings } = scan('client');
      assert.deepEqual(findings.map((f) => `${f.file}:${f.line}: ${f.what}`), []);
      const extension = readFileSync(join(packageRoot(), 'client', 'src', 'extension.ts'), 'utf8');
      assert.match(extension, /TransportKind\.ipc/);
    });

    // The server writes a file only to carry out "add to workspace policy model" for a client that
    // cannot create files (issue 15), through node/model-write.ts and the same safe writer.
    it('only node/fix-files.ts writes files (--fix, and model additions the server carries out); the core never writes', () => {
      const { writers } = scan('server');
      const allowed = new Set(['server/src/node/fix-files.ts']);
      assert.deepEqual([...writers.keys()].filter((file) => !allowed.has(file)).map((file) => `${file}: ${writers.get(file)!.join(', ')}`), []);
      // Files of the language server and the core whose text matches a pattern (an import of a writing module).
      const mentioning = (pattern: RegExp) => {
        const found: string[] = [];
        const walk = (d: string) => { for (const name of readdirSync(d)) { const p = join(d, name); if (lstatSync(p).isDirectory()) walk(p); else if (pattern.test(readFileSync(p, 'utf8'))) found.push(relative(packageRoot(), p)); } };
        walk(join(packageRoot(), 'server', 'src', 'lsp'));
        walk(join(packageRoot(), 'server', 'src', 'core'));
        return found;
      };
      // They do not even import the modules that write; only the model-addition command reaches the writer.
      assert.deepEqual(mentioning(/fix-files|fix-command/), []);
      assert.deepEqual(mentioning(/node\/model-write/), ['server/src/lsp/features/add-to-model.ts']);
    });
  });
});
