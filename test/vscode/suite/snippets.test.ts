/**
 * The snippets of snippets/council-notes.json, inserted by the real editor with their default
 * values: a draft built from them in each language is checked clean by the server.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, codeOf, describe as describeDiags, lineOf, ours, waitForDiagnostics, withLanguage } from './helpers';

interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }

function snippets(): Record<string, Snippet> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return JSON.parse(readFileSync(join(root, 'snippets', 'council-notes.json'), 'utf8'));
}

const prefixes = (s: Snippet) => ([] as string[]).concat(s.prefix);
const body = (s: Snippet) => ([] as string[]).concat(s.body).join('\n');

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets()).find((s) => prefixes(s).includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found;
}

/** The expected text of an act citation in each language, with the snippet's defaults. */
const ACT_CITATION: Record<string, string> = {
  en: 'Regulation (EU) 2019/1896',
  nl: 'Verordening (EU) 2019/1896',
  fr: 'règlement (UE) 2019/1896',
  de: 'Verordnung (EU) 2019/1896',
};
/** Text around each language's act citation, so that it sits in a sentence. */
const SENTENCE: Record<string, [string, string]> = {
  en: ['The Agency acts under ', '.'],
  nl: ['Het agentschap handelt op grond van ', '.'],
  fr: ["L'agence agit sur la base du ", '.'],
  de: ['Die Agentur handelt auf der Grundlage der ', '.'],
};

async function insert(editor: vscode.TextEditor, snippet: vscode.SnippetString | string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const ok = await editor.insertSnippet(typeof snippet === 'string' ? new vscode.SnippetString().appendText(snippet) : snippet, end);
  assert.ok(ok, 'snippet inserted');
  await vscode.commands.executeCommand('leaveSnippet');
}

suite('Snippets', function () {
  suiteSetup(async function () {
    await activateExtension();
  });

  teardown(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('every snippet has a prefix, a description and a body in snippet syntax', function () {
    const all = snippets();
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(all)) {
      assert.ok(prefixes(s).length > 0, `${name} has a prefix`);
      for (const p of prefixes(s)) {
        assert.ok(!seen.has(p), `prefix ${p} is unique`);
        seen.add(p);
      }
      assert.ok(s.description && s.description.length > 10, `${name} has a description`);
      const text = body(s);
      assert.ok(text.length > 0, `${name} has a body`);
      // Balanced ${…}: an unbalanced brace would insert literally.
      let depth = 0;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') { i++; continue; }
        if (text[i] === '$' && text[i + 1] === '{') { depth++; i++; }
        else if (text[i] === '}' && depth > 0) depth--;
      }
      assert.equal(depth, 0, `${name}: balanced placeholders`);
    }
    for (const lang of ['en', 'nl', 'fr', 'de']) {
      for (const kind of ['note', 'question', 'act']) byPrefix(`${kind}-${lang}`);
      assert.match(body(byPrefix(`act-${lang}`)), /\(E[UG]\)|\(UE\)/, `act-${lang} cites in its language's form`);
    }
    byPrefix('footnote');
    byPrefix('kosovo-footnote');
  });

  for (const lang of ['en', 'nl', 'fr', 'de']) {
    test(`a ${lang} draft made of the ${lang} snippets is checked clean`, () => withLanguage(lang, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(document);

      await insert(editor, new vscode.SnippetString(body(byPrefix(`note-${lang}`))));
      await insert(editor, '\n\n');
      await insert(editor, new vscode.SnippetString(body(byPrefix(`question-${lang}`))));
      await insert(editor, `\n\n${SENTENCE[lang][0]}`);
      await insert(editor, new vscode.SnippetString(body(byPrefix(`act-${lang}`))));
      await insert(editor, SENTENCE[lang][1]);
      await insert(editor, new vscode.SnippetString(body(byPrefix('footnote'))));
      if (lang === 'en') {
        await insert(editor, '\n\nThe dialogue with ');
        await insert(editor, new vscode.SnippetString(body(byPrefix('kosovo-footnote'))));
      }
      // A footnote reference without definition: a finding to wait for, so silence elsewhere means clean.
      await insert(editor, '\n\nSentinel.[^99]\n');

      const text = document.getText();
      assert.ok(text.includes(ACT_CITATION[lang]), `the act citation reads ${ACT_CITATION[lang]}:\n${text}`);
      assert.ok(!/\$\{|\$\d/.test(text), `no snippet syntax left:\n${text}`);

      const sentinel = lineOf(document, 'Sentinel.');
      // The sentinel's finding comes in the same publication as the others: no wait after it.
      await waitForDiagnostics(document.uri, [{ code: 'footnote-reference', line: sentinel }]);
      const others = ours(document.uri).filter((d) => !(codeOf(d) === 'footnote-reference' && d.range.start.line === sentinel));
      assert.equal(describeDiags(others), describeDiags([]), `the ${lang} snippets are clean:\n${text}`);
    }));
  }
});
