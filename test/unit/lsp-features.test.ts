/**
 * The editor features of the language server over stdio, with the real JSON-RPC client:
 * completion, hover, definition, references, document and workspace symbols, semantic tokens,
 * the custom requests of protocol.ts, and bad input that must never break the server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type {
  CompletionItem, CompletionList, DocumentSymbol, Hover, Location, SemanticTokens, SymbolInformation, TextEdit, InitializeResult, MarkupContent,
} from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';
import { applyTextEdits } from '../support/lsp-edits';
import { assertLinearGrowth } from '../support/growth';

const TEAM_MODEL = `name: Team model
acts:
  - id: "32019R9999"
    type: regulation
    domain: EU
    year: 2019
    number: 9999
    titles:
      en: { short: [Team Regulation] }
    articles: { range: [1, 12] }
`;

const DRAFT_A = `---
lang: en
---

# NOTE

**From:** Presidency
**To:** Council
**Subject:** Cooperation

## I. Partners

Cooperation with Tunisia continues under Article 25a of the Visa Code and Regulation (EC) No 810/2009.
The European Union Agency for Asylum (EUAA) supports the Team Regulation[^1].
Talks with Turkey and The Gambia continue.

## II. Questions to Ministers

1. Should the Council extend cooperation with Tunisia?
2. How can the EUAA help?

[^1]: Regulation (EU) 2019/9999.
`;

const DRAFT_B = `De samenwerking met Tunesië verloopt via artikel 25 bis van de Visumcode en het Asielagentschap van de Europese Unie.
De lidstaten en de Commissie zullen de besprekingen met de partners voortzetten.
`;

const DRAFT_C = 'Arrivals from Tunisia and Morocco fell in the second half of the year, and the Council discussed them.\n';

describe('language server features over stdio', function () {
  this.timeout(60_000);
  let workspace: string;
  let client: LspTestClient;
  let init: InitializeResult;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'council-notes-features-'));
    writeFileSync(join(workspace, 'team.policy.yaml'), TEAM_MODEL);
    writeFileSync(join(workspace, 'a.md'), DRAFT_A);
    writeFileSync(join(workspace, 'b.md'), DRAFT_B);
    mkdirSync(join(workspace, 'sub'));
    writeFileSync(join(workspace, 'sub', 'c.md'), DRAFT_C);
    client = new LspTestClient();
    init = await client.initialize(workspace, { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceEdit: { documentChanges: true } } }) as InitializeResult;
    client.open(uri('a.md'), DRAFT_A);
    client.open(uri('b.md'), DRAFT_B);
    await client.diagnostics(uri('a.md'));
    await client.diagnostics(uri('b.md'));
  });
  after(async () => { assert.equal(await client.shutdown(), 0); });

  /** Position of the n-th occurrence of `needle` (plus `delta` characters) in a text. */
  function at(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" not in text`);
    const before = text.slice(0, index + delta);
    const line = before.split('\n').length - 1;
    return { line, character: before.length - before.lastIndexOf('\n') - 1 };
  }
  const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

  it('declares its features, with a semantic token legend holding the custom types', () => {
    const caps = init.capabilities;
    assert.equal((caps.completionProvider as { resolveProvider: boolean }).resolveProvider, true);
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.councilNotes']);
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    for (const type of ['country', 'legalAct', 'body', 'acronym']) assert.ok(legend.tokenTypes.includes(type), type);
    assert.ok(legend.tokenModifiers.includes('deprecated'));
  });

  describe('completion', () => {
    let n = 0;
    async function complete(text: string, position?: { line: number; character: number }, trigger?: string): Promise<{ items: CompletionItem[]; uri: string; text: string }> {
      const docUri = uri(`completion-${n++}.md`);
      client.open(docUri, text);
      const end = position ?? at(text, text, text.length);
      const list = await client.request<CompletionList | null>('textDocument/completion', {
        textDocument: { uri: docUri }, position: end,
        context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
      });
      return { items: list?.items ?? [], uri: docUri, text };
    }
    const insert = (text: string, item: CompletionItem) => applyTextEdits(text, [item.textEdit as TextEdit]);

    it('completes country short names in the draft\'s language, with documentation from the model', async () => {
      const en = await complete('---\nlang: en\n---\n\nCooperation with Tun');
      const tunisia = en.items.find((i) => i.label === 'Tunisia');
      assert.ok(tunisia, JSON.stringify(en.items.slice(0, 5).map((i) => i.label)));
      assert.equal(insert(en.text, tunisia), '---\nlang: en\n---\n\nCooperation with Tunisia');
      const resolved = await client.request<CompletionItem>('completionItem/resolve', tunisia);
      const doc = (resolved.documentation as MarkupContent).value;
      assert.match(doc, /`TUN`/);
      assert.match(doc, /nl Tunesië/);
      const nl = await complete('---\nlang: nl\n---\n\nDe samenwerking met Tun');
      assert.ok(nl.items.some((i) => i.label === 'Tunesië'));
      assert.ok(!nl.items.some((i) => i.label === 'Tunisia'), 'only names in the draft\'s language');
    });

    it('continues the words already typed ("Bosnia and He")', async () => {
      const { items, text } = await complete('---\nlang: en\n---\n\nTalks with Bosnia and He');
      const item = items.find((i) => i.label === 'Bosnia and Herzegovina')!;
      assert.equal(insert(text, item), '---\nlang: en\n---\n\nTalks with Bosnia and Herzegovina');
    });

    it('inserts "Kosovo*" with its designation asterisk', async () => {
      const { items } = await complete('---\nlang: en\n---\n\nTalks with Kos');
      assert.equal((items.find((i) => i.label === 'Kosovo')!.textEdit as TextEdit).newText, 'Kosovo*');
    });

    it('after "Article", offers the articles of the act named next to it', async () => {
      const text = '---\nlang: en\n---\n\nUnder Article  of the Visa Code, the Commission may act.';
      const { items } = await complete(text, at(text, 'Article ', 8));
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('25a') && labels.includes('51a') && labels.includes('1') && labels.includes('58'), labels.join(','));
      assert.ok(!labels.includes('59'));
      assert.match(items.find((i) => i.label === '25a')!.detail!, /inserted by Regulation \(EU\) 2019\/1155/);
      const nlText = '---\nlang: nl\n---\n\nOp grond van artikel 2 van de Visumcode kan de Commissie optreden.';
      const nl = await complete(nlText, at(nlText, 'artikel 2', 9));
      assert.ok(nl.items.some((i) => i.label === '25 bis'), nl.items.map((i) => i.label).join(','));
      const team = '---\nlang: en\n---\n\nUnder Article  of the Team Regulation, the team acts.';
      const workspaceAct = await complete(team, at(team, 'Article ', 8));
      assert.deepEqual(workspaceAct.items.map((i) => i.label), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    });

    it('after an act type word, offers citations in the language\'s form', async () => {
      const { items, text } = await complete('---\nlang: en\n---\n\nSee Regulation (EU) 20');
      const frontex = items.find((i) => i.label === 'Regulation (EU) 2019/1896');
      assert.ok(frontex, items.map((i) => i.label).join(','));
      assert.equal(insert(text, frontex), '---\nlang: en\n---\n\nSee Regulation (EU) 2019/1896');
      assert.ok(items.every((i) => i.label.startsWith('Regulation')), 'only regulations');
      const nl = await complete('---\nlang: nl\n---\n\nZie Verordening ');
      assert.ok(nl.items.some((i) => i.label === 'Verordening (EG) nr. 810/2009'), nl.items.map((i) => i.label).join(','));
    });

    it('offers act short titles, bodies and instruments', async () => {
      const { items } = await complete('---\nlang: en\n---\n\nThe Khar');
      assert.ok(items.some((i) => i.label === 'Khartoum Process'));
      const bodies = await complete('---\nlang: en\n---\n\nThe European Border');
      assert.ok(bodies.items.some((i) => i.label === 'European Border and Coast Guard Agency'));
      const acts = await complete('---\nlang: en\n---\n\nUnder the Visa');
      assert.ok(acts.items.some((i) => i.label === 'Visa Code'));
    });

    it('writes "full term (ACRONYM)" at an acronym\'s first use, the acronym after', async () => {
      const first = await complete('---\nlang: en\n---\n\nExperts of the EUA');
      assert.equal((first.items.find((i) => i.label === 'EUAA')!.textEdit as TextEdit).newText, 'European Union Agency for Asylum (EUAA)');
      const later = await complete('---\nlang: en\n---\n\nThe European Union Agency for Asylum (EUAA) helps.\n\nExperts of the EUA');
      assert.equal((later.items.find((i) => i.label === 'EUAA')!.textEdit as TextEdit).newText, 'EUAA');
    });

    it('in a list a group phrase opens, puts the members not yet listed first', async () => {
      const text = '---\nlang: en\n---\n\nAction plans cover the 10 priority countries of origin and transit (Afghanistan, Tunisia, ';
      const { items } = await complete(text, undefined, ' ');
      const labels = items.map((i) => i.label);
      assert.deepEqual(labels.slice(0, 8).sort(), ['Bosnia and Herzegovina', 'Egypt', 'Iraq', 'Libya', 'Morocco', 'Niger', 'Nigeria', 'Pakistan']);
      assert.equal(labels.length, 8, 'after a space only the missing members come');
      assert.equal(items.find((i) => i.preselect)?.label, 'Bosnia and Herzegovina');
      const typed = await complete(`${text}Ni`);
      assert.deepEqual(typed.items.slice(0, 2).map((i) => i.label).sort(), ['Niger', 'Nigeria']);
    });

    it('offers nothing in code, and nothing after an ordinary space', async () => {
      const code = '---\nlang: en\n---\n\nRun `Tun` now.';
      assert.deepEqual((await complete(code, at(code, 'Tun', 3))).items, []);
      assert.deepEqual((await complete('---\nlang: en\n---\n\n```\nTun')).items, []);
      assert.deepEqual((await complete('---\nlang: en\n---\n\nThe Council will ', undefined, ' ')).items, []);
    });
  });

  describe('hover', () => {
    const hover = (name: string, text: string, needle: string, delta = 1) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(name) }, position: at(text, needle, delta) });

    it('shows a country card: names in other languages, code, groups, instruments', async () => {
      const result = await hover('a.md', DRAFT_A, 'Tunisia');
      const text = markdown(result);
      assert.match(text, /\*\*Tunisia\*\* · country `TUN`/);
      assert.match(text, /nl Tunesië/);
      assert.match(text, /Groups: 10 priority countries/);
      assert.match(text, /Instruments: /);
      assert.deepEqual(result!.range, { start: at(DRAFT_A, 'Tunisia'), end: at(DRAFT_A, 'Tunisia', 7) });
    });

    it('shows an act with CELEX, ELI and its EUR-Lex link', async () => {
      const text = markdown(await hover('a.md', DRAFT_A, 'Regulation (EC) No 810/2009', 3));
      assert.match(text, /\*\*Visa Code\*\* · Regulation \(EC\) No 810\/2009/);
      assert.ok(text.includes('(https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32009R0810)'), text);
      assert.match(text, /ELI \[http:\/\/data\.europa\.eu\/eli\/reg\/2009\/810\/oj\]/);
    });

    it('shows an article: who inserted it, then the act', async () => {
      const text = markdown(await hover('a.md', DRAFT_A, '25a'));
      assert.match(text, /\*\*Article 25a\*\* · Visa Code/);
      assert.match(text, /Inserted by Regulation \(EU\) 2019\/1155/);
      const nl = markdown(await hover('b.md', DRAFT_B, '25 bis'));
      assert.match(nl, /\*\*Artikel 25 bis\*\* · Visumcode/);
    });

    it('shows acronyms, bodies and dated facts', async () => {
      assert.match(markdown(await hover('a.md', DRAFT_A, 'EUAA) supports')), /\*\*EUAA\*\* — European Union Agency for Asylum/);
      assert.match(markdown(await hover('a.md', DRAFT_A, 'European Union Agency')), /\*\*European Union Agency for Asylum\*\*/);
      const gambia = markdown(await hover('a.md', DRAFT_A, 'The Gambia', 5));
      assert.match(gambia, /\*\*Dated facts\*\*/);
      assert.match(gambia, /2021/);
    });

    it('answers null where nothing is recognised', async () => {
      assert.equal(await hover('a.md', DRAFT_A, 'continues'), null);
    });
  });

  describe('go to definition', () => {
    const definition = (name: string, text: string, needle: string) => client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: uri(name) }, position: at(text, needle, 1) });

    it('opens a built-in entry under the read-only scheme, whose text the server serves', async () => {
      const [location] = (await definition('a.md', DRAFT_A, 'Tunisia'))!;
      assert.equal(location.uri, 'council-notes-model:/00-countries.generated.policy.json');
      const text = await client.request<string>('councilNotes/modelFileText', { uri: location.uri });
      const line = text.split('\n')[location.range.start.line];
      assert.equal(line.slice(location.range.start.character, location.range.end.character), '"id":"TUN"');
    });

    it('lists every layer that defines or extends the entity, the defining one first', async () => {
      const locations = (await definition('a.md', DRAFT_A, 'Turkey'))!;
      assert.deepEqual(locations.map((l) => l.uri), ['council-notes-model:/00-countries.generated.policy.json', 'council-notes-model:/01-countries.policy.yaml']);
      const text = await client.request<string>('councilNotes/modelFileText', { uri: locations[1].uri });
      assert.match(text.split('\n')[locations[1].range.start.line], /id: TUR/);
    });

    it('opens a workspace model file at the entry', async () => {
      const [location] = (await definition('a.md', DRAFT_A, 'Team Regulation'))!;
      assert.equal(location.uri, uri('team.policy.yaml'));
      assert.match(TEAM_MODEL.split('\n')[location.range.start.line], /id: "32019R9999"/);
    });

    it('serves only built-in model files', async () => {
      for (const bad of ['council-notes-model:/../../package.json', 'file:///etc/passwd', 'council-notes-model:/nope.policy.yaml', 42]) {
        assert.equal(await client.request('councilNotes/modelFileText', { uri: bad }), null);
      }
    });
  });

  it('finds references across the workspace\'s drafts, in every language, open or not', async () => {
    const locations = (await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('a.md') }, position: at(DRAFT_A, 'Tunisia', 2), context: { includeDeclaration: false } }))!;
    const byFile = locations.map((l) => `${l.uri.slice(pathToFileURL(workspace).toString().length + 1)}:${l.range.start.line}`).sort();
    assert.deepEqual(byFile, ['a.md:12', 'a.md:18', 'b.md:0', 'sub/c.md:0']);
    const withDeclaration = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('a.md') }, position: at(DRAFT_A, 'Tunisia', 2), context: { includeDeclaration: true } });
    assert.ok(withDeclaration.some((l) => l.uri.startsWith('council-notes-model:')));
    const articles = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('a.md') }, position: at(DRAFT_A, '25a', 1), context: { includeDeclaration: false } });
    assert.deepEqual(articles.map((l) => l.uri.split('/').pop()).sort(), ['a.md', 'b.md']);
  });

  it('outlines a draft: headings, questions to ministers, footnotes', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('a.md') } });
    const outline = (list: DocumentSymbol[]): unknown => list.map((s) => s.children?.length ? [s.name, outline(s.children)] : s.name);
    assert.deepEqual(outline(symbols), [
      ['NOTE', ['I. Partners', ['II. Questions to Ministers', ['Should the Council extend cooperation with Tunisia?', 'How can the EUAA help?']]]],
      '[^1] Regulation (EU) 2019/9999.',
    ]);
  });

  it('finds model entities as workspace symbols', async () => {
    const tunis = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Tunis' });
    assert.deepEqual(tunis.slice(0, 2).map((s) => s.name), ['Tunis', 'Tunisia'], 'the exact name first');
    const tunisia = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'tunisia' });
    assert.equal(tunisia[0].name, 'Tunisia');
    assert.equal(tunisia[0].location.uri, 'council-notes-model:/00-countries.generated.policy.json');
    const team = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Team Regulation' });
    assert.equal(team[0].location.uri, uri('team.policy.yaml'));
    const nl = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Visumcode' });
    assert.equal(nl[0].name, 'Visa Code', 'found by its Dutch name');
  });

  it('colours recognised entities with semantic tokens', async () => {
    const legend = (init.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('a.md') } });
    const lines = DRAFT_A.split('\n');
    const tokens: string[] = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
      tokens.push(`${lines[line].slice(character, character + data[i + 2])}=${legend.tokenTypes[data[i + 3]]}${modifiers.map((m) => `+${m}`).join('')}`);
    }
    for (const token of ['Tunisia=country', 'Article 25a=legalAct', 'Visa Code=legalAct', 'Regulation (EC) No 810/2009=legalAct', 'EUAA=acronym+definition', 'European Union Agency for Asylum=body', 'Team Regulation=legalAct', 'Turkey=country+deprecated', 'The Gambia=country']) {
      assert.ok(tokens.includes(token), `${token} in ${tokens.join(', ')}`);
    }
    const range = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: uri('a.md') }, range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } } });
    assert.ok(range.data.length > 0 && range.data.length < data.length);
  });

  it('splits a name broken over two lines into one token per line', async () => {
    const text = '---\nlang: en\n---\n\nTalks with Bosnia and\nHerzegovina continue.\n';
    client.open(uri('wrapped.md'), text);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('wrapped.md') } });
    assert.deepEqual(data, [4, 11, 10, 0, 0, 1, 0, 11, 0, 0]);
  });

  describe('custom requests', () => {
    it('councilNotes/modelSummary: name, files with problems, entity counts', async () => {
      const summary = await client.request<{ name: string; files: { path: string; problems: number }[]; entities: Record<string, number>; problems: number }>('councilNotes/modelSummary', {});
      assert.equal(summary.name, 'Team model');
      assert.ok(summary.entities.countries > 200);
      assert.deepEqual(summary.files.find((f) => f.path.endsWith('team.policy.yaml')), { path: join(workspace, 'team.policy.yaml'), problems: 0 });
      assert.equal(summary.problems, 0);
    });

    it('councilNotes/reloadModel rebuilds the model and sends councilNotes/modelChanged', async () => {
      const before = client.notifications.filter((n) => n.method === 'councilNotes/modelChanged').length;
      await client.request('councilNotes/reloadModel', {});
      const changed = client.notifications.filter((n) => n.method === 'councilNotes/modelChanged');
      assert.equal(changed.length, before + 1);
      assert.equal((changed.at(-1)!.params as { name: string }).name, 'Team model');
    });

    it('councilNotes/documentInfo: the draft\'s language and where it comes from', async () => {
      assert.deepEqual(await client.request('councilNotes/documentInfo', { uri: uri('a.md') }), { language: 'en', languageSource: 'front-matter' });
      assert.deepEqual(await client.request('councilNotes/documentInfo', { uri: uri('b.md') }), { language: 'nl', languageSource: 'detected' });
    });

    it('councilNotes/documentReferences: what a draft cites, grouped by kind', async () => {
      const refs = await client.request<{ groups: { kind: string; entities: { id: string; label: string; ranges: unknown[] }[] }[] }>('councilNotes/documentReferences', { uri: uri('a.md') });
      const kinds = refs.groups.map((g) => g.kind);
      assert.deepEqual(kinds.filter((k) => ['country', 'act', 'article', 'body', 'acronym'].includes(k)), ['country', 'act', 'article', 'body', 'acronym']);
      const tunisia = refs.groups.find((g) => g.kind === 'country')!.entities.find((e) => e.id === 'TUN')!;
      assert.equal(tunisia.label, 'Tunisia');
      assert.equal(tunisia.ranges.length, 2);
      const article = refs.groups.find((g) => g.kind === 'article')!.entities[0];
      assert.deepEqual([article.id, article.label], ['32009R0810#25a', 'Article 25a — Visa Code']);
      // A draft that is not open is read from disk.
      const closed = await client.request<{ groups: { kind: string }[] }>('councilNotes/documentReferences', { uri: uri('sub/c.md') });
      assert.equal(closed.groups[0].kind, 'country');
    });

    it('councilNotes/modelEntry: where an entity is defined', async () => {
      const tun = await client.request<{ uri: string; builtIn: boolean; range: { start: { line: number } } }>('councilNotes/modelEntry', { section: 'countries', id: 'TUN' });
      assert.equal(tun.uri, 'council-notes-model:/00-countries.generated.policy.json');
      assert.equal(tun.builtIn, true);
      const team = await client.request<{ uri: string; builtIn: boolean }>('councilNotes/modelEntry', { section: 'acts', id: '32019R9999' });
      assert.deepEqual([team.uri, team.builtIn], [uri('team.policy.yaml'), false]);
      const article = await client.request<{ uri: string }>('councilNotes/modelEntry', { section: 'acts', id: '32009R0810#25a' });
      assert.equal(article.uri, 'council-notes-model:/20-acts.policy.yaml');
      assert.equal(await client.request('councilNotes/modelEntry', { section: 'countries', id: 'XXX' }), null);
      assert.equal(await client.request('councilNotes/modelEntry', { section: '__proto__', id: 'TUN' }), null);
      // The article is cut off with indexOf: /#.*$/ was quadratic in an id of many "#" before a line break.
      assert.equal(await client.request('councilNotes/modelEntry', { section: 'acts', id: `${'#'.repeat(40_000)}\n` }), null);
      await assertLinearGrowth('modelEntry with an id of many "#"', (n) => client.request('councilNotes/modelEntry', { section: 'acts', id: `${'#'.repeat(n)}\n` }), 4_000);
    });

    it('councilNotes/checkWorkspace checks every draft, open or not, with progress, and closed drafts keep their findings', async () => {
      const result = await client.request<{ files: number; findings: number; errors: number; cancelled: boolean }>('councilNotes/checkWorkspace', { workDoneToken: 'check-1' });
      assert.equal(result.cancelled, false);
      assert.ok(result.files >= 3, JSON.stringify(result));
      const progress = client.notifications.filter((n) => n.method === '$/progress' && (n.params as { token: string }).token === 'check-1').map((n) => (n.params as { value: { kind: string } }).value.kind);
      assert.equal(progress[0], 'begin');
      assert.equal(progress.at(-1), 'end');
      assert.ok(progress.includes('report'));
      // c.md is not open: its diagnostics were published all the same.
      await client.diagnostics(uri('sub/c.md'));
      // A draft closed after a workspace check keeps the findings of its file on disk.
      writeFileSync(join(workspace, 'closing.md'), 'Cooperation with Tunesia continues.\n');
      await client.request('councilNotes/checkWorkspace', {});
      client.open(uri('closing.md'), 'Cooperation with Tunesia continues.\n');
      await client.diagnostics(uri('closing.md'), (p) => p.version === 1);
      client.close(uri('closing.md'));
      const kept = await client.diagnostics(uri('closing.md'), (p) => p.version === undefined);
      assert.equal(kept[0]?.code, 'unknown-country');
    });

    it('councilNotes/checkWorkspace stops when cancelled', async () => {
      const many = join(workspace, 'many');
      mkdirSync(many);
      for (let i = 0; i < 150; i++) writeFileSync(join(many, `d${i}.md`), `Draft ${i}: cooperation with Tunesia and Turkey continues under Article 25a of the Visa Code.\n`.repeat(20));
      const source = new CancellationTokenSource();
      const reports = client.count('$/progress');
      const pending = client.connection.sendRequest<{ files: number; cancelled: boolean }>('councilNotes/checkWorkspace', { workDoneToken: 'cancel-1' }, source.token);
      // Cancelled once the first draft is checked (its progress report), not after a guessed delay.
      await client.notification<{ token: string; value: { kind: string } }>('$/progress', reports, (p) => p.token === 'cancel-1' && p.value.kind === 'report');
      source.cancel();
      const result = await pending.catch((error: { code?: number }) => ({ cancelledByProtocol: error.code }));
      if ('cancelled' in result) {
        assert.equal(result.cancelled, true);
        assert.ok(result.files >= 1 && result.files < 150, `${result.files} files checked`);
      } else assert.equal(result.cancelledByProtocol, -32800);
      // The server is still there.
      assert.ok(await client.request('councilNotes/modelSummary', {}));
    });
  });

  it('answers bad input with empty results and keeps running', async () => {
    // Each with its exact answer: null or an empty list, never an error, never a result made of the junk.
    // A workspace/symbol query that is not a string is read as an empty one (every symbol, at most 100).
    const everything = await client.request('workspace/symbol', { query: '' });
    assert.equal((everything as unknown[]).length, 100);
    const junk: [string, unknown, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }, null],
      ['textDocument/hover', { textDocument: { uri: uri('a.md') }, position: { line: -4, character: 'x' } }, null],
      ['textDocument/hover', { textDocument: { uri: uri('a.md') }, position: { line: 10_000, character: 10_000 } }, null],
      ['textDocument/completion', { textDocument: { uri: uri('a.md') }, position: null }, null],
      ['textDocument/completion', { textDocument: { uri: uri('a.md') }, position: { line: 99_999, character: 5 } }, { isIncomplete: false, items: [] }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, null],
      ['textDocument/definition', { textDocument: {}, position: { line: 0, character: 0 } }, null],
      ['textDocument/references', {}, null],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }, null],
      ['textDocument/semanticTokens/full', { textDocument: { uri: 'file:///nowhere.md' } }, { data: [] }],
      ['workspace/symbol', { query: { not: 'a string' } }, 'as for an empty query'],
      ['councilNotes/documentInfo', {}, null],
      ['councilNotes/documentReferences', { uri: 'not a uri' }, null],
      ['councilNotes/modelEntry', null, null],
    ];
    for (const [method, params, expected] of junk) {
      const result = await client.request(method, params).catch((error: Error) => `error: ${error.message}`);
      assert.deepEqual(result, expected === 'as for an empty query' ? everything : expected, `${method} ${JSON.stringify(params)}`);
    }
    assert.match(markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('a.md') }, position: at(DRAFT_A, 'Tunisia', 1) })), /Tunisia/);
  });

  it('reads only the checked part of a draft above councilNotes.maxDocumentSize', async () => {
    const paragraph = 'Cooperation with Tunesia and Tunisia continues in the region this year.\n\n';
    const text = paragraph.repeat(10);
    client.changeSettings({ maxDocumentSize: 200 });
    try {
      client.open(uri('big.md'), text);
      const diagnostics = await client.diagnostics(uri('big.md'), (p) => p.diagnostics.some((d) => d.code === 'partial-check'));
      assert.equal(diagnostics.filter((d) => d.code === 'unknown-country').length, 2, 'only the first 200 characters are checked');
      const hover = (line: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('big.md') }, position: { line, character: 30 } });
      assert.match(markdown(await hover(0)), /Tunisia/);
      assert.equal(await hover(10), null, 'past the limit nothing is read');
      const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('big.md') } });
      assert.equal(data.length / 5, 2);
    } finally {
      client.changeSettings({});
    }
  });

  it('gives file URIs for the built-in model to editors that ask for them', async () => {
    const other = new LspTestClient();
    try {
      await other.initialize(workspace, {}, { builtInModelUris: 'file' });
      other.open(uri('a.md'), DRAFT_A);
      await other.diagnostics(uri('a.md'));
      const [location] = await other.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('a.md') }, position: at(DRAFT_A, 'Tunisia', 1) });
      assert.match(location.uri, /^file:\/\/.*\/model\/default\/00-countries\.generated\.policy\.json$/);
    } finally {
      await other.shutdown();
    }
  });
});
