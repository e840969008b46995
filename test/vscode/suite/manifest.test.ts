/**
 * The manifest as VS Code reads it: commands, the References view, workspace trust, and the
 * localisation of every UI string (package.nls.*.json for the manifest, l10n bundles for the
 * client's vscode.l10n strings) in en, nl, fr and de.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './helpers';

const LANGUAGES = ['nl', 'fr', 'de'];

function extensionRoot(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.extensionPath;
}

const readJson = (...segments: string[]) => JSON.parse(readFileSync(join(extensionRoot(), ...segments), 'utf8'));

/** `{0}`-style placeholders, `$(icon)`s, `#setting#` links and backticked code of a string, sorted: a translation keeps them all. */
function tokens(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|\$\([a-z-]+\)|#[\w.]+#|`[^`]*`/g)].map((m) => m[0]).sort();
}

/** Every vscode.l10n.t('…') string of the client's sources. */
function clientStrings(): string[] {
  const dir = join(extensionRoot(), 'client', 'src');
  const strings = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1].replace(/\\(.)/g, '$1'));
  }
  return [...strings].sort();
}

/** Every %key% the manifest uses. */
function manifestKeys(): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const m = /^%([^%]+)%$/.exec(value);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(readJson('package.json'));
  return [...keys].sort();
}

suite('Manifest, workspace trust and localisation', function () {
  suiteSetup(async function () {
    await activateExtension();
  });

  test('every palette command is contributed and registered', async function () {
    const manifest = readJson('package.json');
    const contributed = new Map<string, string>(manifest.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of [
      'councilNotes.validateDocument', 'councilNotes.validateWorkspace', 'councilNotes.insertSkeleton',
      'councilNotes.reloadModel', 'councilNotes.showModelEntry', 'councilNotes.openRuleDocumentation',
      'councilNotes.restartServer', 'councilNotes.showOutput',
    ]) {
      assert.ok(contributed.has(command), `${command} is contributed`);
      assert.match(contributed.get(command)!, /^%command\.[\w]+\.title%$/, `${command} has a localised title`);
      assert.ok(registered.has(command), `${command} is registered`);
    }
    // The title VS Code shows is the English one from package.nls.json.
    const shown = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands
      .find((c: { command: string }) => c.command === 'councilNotes.validateWorkspace').title;
    assert.equal(shown, 'Validate All Drafts in Workspace');
  });

  test('the References view is contributed to the Explorer', async function () {
    const views = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.views;
    const view = views.explorer.find((v: { id: string }) => v.id === 'councilNotes.references');
    assert.ok(view, 'councilNotes.references in the Explorer');
    assert.equal(view.name, 'Council Notes References');
    // VS Code creates a focus command for every contributed view.
    await vscode.commands.executeCommand('councilNotes.references.focus');
  });

  test('untrusted workspaces are supported, with a description that model files are data', function () {
    const trust = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, true);
    assert.match(String(trust.description), /data/);
    assert.match(String(trust.description), /run as code/);
  });

  test('every manifest string has an English text and a translation in nl, fr and de', function () {
    const english = readJson('package.nls.json') as Record<string, string>;
    const used = manifestKeys();
    assert.deepEqual(used.filter((k) => !(k in english)), [], 'keys used in package.json without an English text');
    assert.deepEqual(Object.keys(english).filter((k) => !used.includes(k)), [], 'English texts no longer used');
    for (const lang of LANGUAGES) {
      const translated = readJson(`package.nls.${lang}.json`) as Record<string, string>;
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `package.nls.${lang}.json has the same keys`);
      for (const [key, text] of Object.entries(english)) {
        assert.ok(translated[key].trim() !== '', `${lang} ${key} is not empty`);
        assert.deepEqual(tokens(translated[key]), tokens(text), `${lang} ${key} keeps placeholders, settings and code`);
      }
    }
  });

  test('every vscode.l10n string of the client is translated in nl, fr and de', function () {
    const strings = clientStrings();
    assert.ok(strings.length > 30, `found the client's strings (${strings.length})`);
    const english = readJson('l10n', 'bundle.l10n.json') as Record<string, string>;
    assert.deepEqual(strings.filter((s) => !(s in english)), [], 'strings missing from l10n/bundle.l10n.json');
    assert.deepEqual(Object.keys(english).filter((s) => !strings.includes(s)), [], 'bundle strings no longer used');
    for (const lang of LANGUAGES) {
      const bundle = readJson('l10n', `bundle.l10n.${lang}.json`) as Record<string, string>;
      for (const s of strings) {
        assert.ok(typeof bundle[s] === 'string' && bundle[s].trim() !== '', `${lang}: ${JSON.stringify(s)} is translated`);
        assert.deepEqual(tokens(bundle[s]), tokens(s), `${lang}: ${JSON.stringify(s)} keeps its placeholders`);
      }
    }
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.l10n, './l10n');
  });
});
