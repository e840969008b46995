/**
 * The core's service (server/src/core/service.ts) used without LSP: a test workspace, documents
 * opened and updated by hand. Its checks equal a fresh checkDraft after random edits, a newer
 * version supersedes a check under way, and the features answer from one read per version.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDraft, CancelledError, type CheckSettings } from '../../server/src/core/check';
import { DraftService, type ServiceDocument, type ServiceWorkspace } from '../../server/src/core/service';
import { testLanguages, testModel } from '../support/checker';

/** A workspace of files held in memory, with the built-in model. */
function workspace(files: Record<string, string> = {}, settings: CheckSettings = {}): ServiceWorkspace & { generation: number; settingsNow: CheckSettings } {
  const ws = {
    languages: testLanguages(),
    generation: 1,
    settingsNow: settings,
    model: () => ({ index: testModel(), generation: ws.generation }),
    settings: () => ws.settingsNow,
    readFile: (file: string) => files[file],
    drafts: () => Object.keys(files).filter((file) => file.endsWith('.md')).map((file) => ({ file, uri: `file://${file}` })),
    entityLocations: (section: string, id: string) => [{ uri: `file:///model.yaml#${section}/${id}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
  };
  return ws;
}

class Doc implements ServiceDocument {
  constructor(readonly uri: string, public text: string, public version = 1) {}
  getText(): string { return this.text; }
  edit(text: string): this { this.text = text; this.version++; return this; }
}

const fresh = (text: string, settings: CheckSettings = {}) => checkDraft({ text, model: testModel(), languages: testLanguages(), settings }).findings;

/** Many paragraphs: enough runs of blocks that the check yields to the event loop many times. */
const LONG = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: the Council invited Tunesia and the EUAA to report.`).join('\n\n');

describe('the core service, without LSP', () => {
  it('checks an open document: the same findings as a fresh check', async () => {
    const service = new DraftService(workspace());
    const doc = new Doc('untitled:1', 'The Council invited Tunesia.\n');
    service.open(doc);
    const result = await service.check(doc.uri);
    assert.deepEqual(result?.findings, fresh(doc.text));
    assert.ok(result!.findings.some((f) => f.rule === 'unknown-country'));
  });

  it('cached equals fresh after random edits (incremental parse, block cache, async check)', async function () {
    this.timeout(120_000);
    const base = 'The Council invited Tunesia.\n\nThe EUAA met on 28 September 2023.\n\n- Morocco\n- Tunisia\n\nText[^1].\n\n[^1]: Note.\n';
    const inserts = ['a', 'Tunesia ', '\n\n', '- ', '# ', '[^1]', '(EUAA)', 'Kosovo', ' ', '.'];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 12 }),
      async (edits) => {
        const service = new DraftService(workspace({}, { language: 'en' }));
        const doc = new Doc('untitled:edits', base);
        service.open(doc);
        await service.check(doc.uri);
        for (const [where, removed, inserted] of edits) {
          const at = Math.floor(where * doc.text.length);
          service.update(doc.edit(doc.text.slice(0, at) + inserted + doc.text.slice(Math.min(doc.text.length, at + removed))));
          assert.deepEqual((await service.check(doc.uri))?.findings, fresh(doc.text, { language: 'en' }));
        }
      }), { numRuns: 40 });
  });

  it('a newer version supersedes an older check mid-way', async function () {
    this.timeout(120_000);
    const service = new DraftService(workspace());
    const doc = new Doc('untitled:long', LONG);
    service.open(doc);
    let yields = 0;
    const counting = setInterval(() => yields++, 0);
    const older = service.check(doc.uri);
    // Let the older check run for a while, then type: the check stops at its next step.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const edited = `${LONG}\n\nThe Council also invited Marocco.`;
    service.update(doc.edit(edited));
    await assert.rejects(older, CancelledError);
    clearInterval(counting);
    // The event loop ran while the older check was under way: it did yield.
    assert.ok(yields > 0);
    const newer = await service.check(doc.uri);
    assert.deepEqual(newer?.findings, fresh(edited));
    assert.ok(newer!.findings.some((f) => f.rule === 'unknown-country' && edited.slice(f.start, f.end) === 'Marocco'));
  });

  it('one check per version, shared by all who ask', async () => {
    const service = new DraftService(workspace());
    const doc = new Doc('untitled:shared', LONG);
    service.open(doc);
    const [a, b] = await Promise.all([service.check(doc.uri), service.check(doc.uri)]);
    assert.equal(a, b);
    assert.equal(await service.check(doc.uri), a);
    assert.equal(service.checked(doc.uri)?.result, a);
  });

  it('a closed document: its check under way stops, and nothing is read for it', async () => {
    const service = new DraftService(workspace());
    const doc = new Doc('untitled:closed', LONG);
    service.open(doc);
    const running = service.check(doc.uri);
    await new Promise((resolve) => setTimeout(resolve, 5));
    service.close(doc.uri);
    await assert.rejects(running, CancelledError);
    assert.equal(service.read(doc.uri), undefined);
    assert.equal(await service.check(doc.uri), undefined);
  });

  it('a new model or new settings make a new read of the same version', async () => {
    const ws = workspace();
    const service = new DraftService(ws);
    const doc = new Doc('untitled:settings', 'The Council invited Tunesia.\n');
    service.open(doc);
    const first = service.read(doc.uri);
    assert.equal(service.read(doc.uri), first);
    ws.settingsNow = { rules: { 'unknown-country': 'off' } };
    assert.notEqual(service.read(doc.uri), first);
    assert.ok(!(await service.check(doc.uri))!.findings.some((f) => f.rule === 'unknown-country'));
    ws.generation++;
    assert.equal(service.checked(doc.uri), undefined);
  });

  it('cuts a draft above the size limit once: the features read what the check checks', async () => {
    const settings = { maxDocumentSize: 200 };
    const service = new DraftService(workspace({}, settings));
    const text = `${'The Council met. '.repeat(5)}\n\nThe Council invited Tunesia.\n\n${'More text here. '.repeat(20)}\n\nThe Council invited Marocco.\n`;
    const doc = new Doc('untitled:big', text);
    service.open(doc);
    const read = service.read(doc.uri)!;
    assert.ok(read.draft.text.length <= 200 && text.startsWith(read.draft.text));
    const result = await service.check(doc.uri);
    assert.deepEqual(result?.findings, fresh(text, settings));
    assert.equal(result!.findings[0].rule, 'partial-check');
    assert.ok(!result!.findings.some((f) => text.slice(f.start, f.end) === 'Marocco'));
  });

  it('answers hover, definition, completion, symbols and references from the read', () => {
    const files = { '/ws/other.md': 'Tunisia signed.\n', '/ws/notes.txt': 'Tunisia' };
    const service = new DraftService(workspace(files));
    const text = '# Migration\n\nThe Council invited Tunisia and Morocco.\n\nArticle ';
    const doc = new Doc('untitled:features', text);
    service.open(doc);
    const at = text.indexOf('Tunisia') + 2;
    const hover = service.hover(doc.uri, at);
    assert.ok(hover && text.slice(hover.start, hover.end) === 'Tunisia' && /Tunisia/.test(hover.markdown));
    assert.equal(service.hover(doc.uri, 3), undefined);
    assert.deepEqual(service.definition(doc.uri, at).map((l) => l.uri), ['file:///model.yaml#countries/TUN']);
    const references = service.references(doc.uri, at, { includeDeclaration: true });
    assert.deepEqual(references.map((l) => l.uri), ['file:///model.yaml#countries/TUN', 'file:///ws/other.md', doc.uri]);
    assert.deepEqual(service.symbols(doc.uri).map((s) => s.name), ['Migration']);
    // Nothing to complete after a space in the middle of a sentence; a list of articles after "Article ".
    assert.equal(service.complete(doc.uri, text.indexOf(' invited'), { afterSpace: true }), undefined);
    assert.ok(service.complete(doc.uri, text.length, { explicit: true })?.language.code === 'en');
  });

  it('compares a translation with its original file, and says when the original cannot be read', () => {
    const files = { '/ws/en.md': '---\nlang: en\n---\nThe Council invited Tunisia on 28 September 2023.\n' };
    const service = new DraftService(workspace(files));
    const doc = new Doc('file:///ws/nl.md', '---\nlang: nl\n---\nDe Raad nodigde Marokko uit op 28 september 2023.\n');
    service.open(doc);
    const compared = service.compare(doc.uri, '/ws/en.md');
    assert.ok(compared && 'findings' in compared);
    assert.equal(compared.original.language.code, 'en');
    assert.ok(compared.findings.length > 0);
    assert.deepEqual(service.compare(doc.uri, '/ws/missing.md'), { problem: 'The original "/ws/missing.md" cannot be read: no comparison.' });
  });
});
