/**
 * A translation compared with its original in the editor, over stdio with the real JSON-RPC
 * client: the front-matter key `original:` and the COMPARE_WITH request (the client's "Compare
 * with another language version…") publish the findings with relatedInformation at the
 * original, and they follow edits of either version.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';
import { COMPARE_WITH, type CompareWithResult } from '../../server/src/lsp/protocol';

const ORIGINAL = `---
lang: en
---

Action plans were agreed with Morocco, Tunisia and Egypt in 2023.

Article 25a of the Visa Code applies to Iraq.
`;

const TRANSLATION = (original: string, body: string) => `---
lang: nl
${original}---

${body}
`;
const CLEAN_BODY = 'Er zijn actieplannen overeengekomen met Marokko, Tunesië en Egypte in 2023.\n\nArtikel 25 bis van de Visumcode is van toepassing op Irak.';
const DROPPED_BODY = 'Er zijn actieplannen overeengekomen met Marokko en Egypte in 2023.\n\nArtikel 25 bis van de Visumcode is van toepassing op Irak.';

const compareFindings = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('compare-'));

describe('language server: comparing a translation with its original', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let dir: string;
  let originalUri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'council-notes-lsp-compare-'));
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'nl'));
    writeFileSync(join(dir, 'en', 'note.md'), ORIGINAL);
    originalUri = pathToFileURL(join(dir, 'en', 'note.md')).toString();
    client = new LspTestClient();
    await client.initialize(dir);
  });

  after(async () => { await client.shutdown(); });

  it('front matter `original:`: findings on the translation, pointing at the original', async () => {
    const uri = pathToFileURL(join(dir, 'nl', 'note.md')).toString();
    client.open(uri, TRANSLATION('original: ../en/note.md\n', DROPPED_BODY));
    const diagnostics = compareFindings(await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length > 0));
    assert.equal(diagnostics.length, 1);
    const [finding] = diagnostics;
    assert.equal(finding.code, 'compare-entity');
    assert.match(String(finding.message), /Tunesië is missing/);
    assert.equal(finding.range.start.line, 5);
    assert.deepEqual(finding.relatedInformation?.map((info) => [info.location.uri, info.location.range.start]), [[originalUri, { line: 4, character: 39 }]]);
    assert.match(finding.codeDescription!.href, /docs\/compare\.md#compare-entity$/);

    // A check of the whole workspace keeps them for the open translation.
    await client.request('councilNotes/checkWorkspace', {});
    assert.equal(compareFindings(await client.diagnostics(uri)).length, 1);

    // Fixing the translation clears the finding.
    client.change(uri, TRANSLATION('original: ../en/note.md\n', CLEAN_BODY));
    const fixed = await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length === 0);
    assert.deepEqual(compareFindings(fixed), []);

    // Editing the original (open in the editor, not saved) re-checks the translation.
    client.open(originalUri, ORIGINAL);
    client.change(originalUri, ORIGINAL.replace('in 2023', 'in 2024'));
    const changed = compareFindings(await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length > 0));
    assert.deepEqual(changed.map((d) => d.code), ['compare-number']);
    assert.match(String(changed[0].message), /"2023" here, where the original has "2024"/);
    // Closed unsaved: the original on disk counts again.
    client.close(originalUri);
    assert.deepEqual(compareFindings(await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length === 0)), []);
    client.close(uri);
  });

  it('an original that cannot be read is said so on the key', async () => {
    const uri = pathToFileURL(join(dir, 'nl', 'missing.md')).toString();
    client.open(uri, TRANSLATION('original: ../en/none.md\n', CLEAN_BODY));
    const [problem] = (await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'compare-original'))).filter((d) => d.code === 'compare-original');
    assert.match(String(problem.message), /cannot be read/);
    assert.equal(problem.range.start.line, 2);
    client.close(uri);
  });

  it('the compare request (the editor command) pairs a draft with no `original:` key, until ended', async () => {
    const uri = pathToFileURL(join(dir, 'nl', 'other.md')).toString();
    client.open(uri, TRANSLATION('', DROPPED_BODY));
    const before = await client.diagnostics(uri);
    assert.deepEqual(compareFindings(before), [], 'no original, no comparison');
    const result = await client.request<CompareWithResult | null>(COMPARE_WITH, { uri, original: join(dir, 'en', 'note.md') });
    assert.deepEqual(result, { original: join(dir, 'en', 'note.md'), language: 'nl', originalLanguage: 'en', findings: 1, errors: 1 });
    const paired = compareFindings(await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length > 0));
    assert.deepEqual(paired.map((d) => d.code), ['compare-entity']);
    assert.equal(await client.request(COMPARE_WITH, { uri, original: null }), null);
    assert.deepEqual(compareFindings(await client.diagnostics(uri, (p) => compareFindings(p.diagnostics).length === 0)), []);
    // Bad input is answered with null, not an error.
    assert.equal(await client.request(COMPARE_WITH, { uri: 'file:///nowhere.md', original: 'x.md' }), null);
    client.close(uri);
  });
});
