/**
 * Issue 15 B, over stdio: the actions that write to the workspace policy model, applied the way an
 * editor applies them (the edits written to the file, the server told of the change), or carried
 * out by the server for a client that cannot create files. Each one makes its finding disappear,
 * makes no other finding appear, and leaves a model file that validates against the JSON Schema
 * (schemas/policy-model.schema.json, with ajv). A near miss of a known name never gets one, in any
 * language; a plausibly new entity does, once per kind it may be. And "Open on EUR-Lex".
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { loadModelText } from '../../server/src/core/model/load';
import { runCli } from '../support/cli';
import { LspTestClient } from '../support/lsp-client';
import { assertValidModel } from '../support/policy-model-schema';
import { applyTextEdits, createdFiles, editsFor, keys, onlyRemoved } from '../support/lsp-edits';

const MODEL = 'council-notes.policy.yaml';
const ADDS = /to the workspace policy model/;
const CREATE = { workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { disabledSupport: true } } };
/** A client that applies text edits but cannot create files (no resourceOperations). */
const NO_CREATE = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } };

const draft = (lang: string, body: string) => `---\nlang: ${lang}\n---\n\n${body}\n`;

describe('add to workspace policy model over stdio (issue 15 B)', function () {
  this.timeout(120_000);
  let root: string;
  let workspace: string;
  let client: LspTestClient | undefined;
  let counter = 0;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'council-notes-add-'));
    workspace = join(root, 'ws');
    mkdirSync(workspace);
  });
  afterEach(async () => {
    if (client) assert.equal(await client.shutdown(), 0);
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  async function start(capabilities: Record<string, Record<string, unknown>> = CREATE): Promise<LspTestClient> {
    client = new LspTestClient();
    await client.initialize(workspace, capabilities);
    return client;
  }
  async function open(c: LspTestClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = pathToFileURL(join(workspace, `note-${counter++}.md`)).toString();
    c.open(uri, text);
    return { uri, diagnostics: await c.diagnostics(uri) };
  }
  const actionsFor = (c: LspTestClient, uri: string, diagnostic: Diagnostic) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  function target(diagnostics: Diagnostic[], rule: string): Diagnostic {
    const found = diagnostics.find((d) => d.code === rule);
    assert.ok(found, `${rule} expected in ${JSON.stringify(diagnostics.map((d) => `${d.code}: ${d.message}`))}`);
    return found;
  }
  const modelUri = () => pathToFileURL(join(workspace, MODEL)).toString();

  /** Writes what the action's edit does to the model file, tells the server, and returns the draft's new diagnostics. */
  async function apply(c: LspTestClient, uri: string, action: CodeAction, gone: (d: Diagnostic[]) => boolean): Promise<{ model: string; after: Diagnostic[] }> {
    const file = join(workspace, MODEL);
    const existed = existsSync(file);
    assert.deepEqual(createdFiles(action.edit), existed ? [] : [modelUri()], 'a CreateFile only where the file does not exist');
    const model = applyTextEdits(existed ? readFileSync(file, 'utf8') : '', editsFor(action.edit, modelUri()));
    writeFileSync(file, model);
    void c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: modelUri(), type: existed ? 2 : 1 }] });
    return { model, after: await c.diagnostics(uri, (p) => gone(p.diagnostics)) };
  }

  /** The finding is gone, nothing else appeared, and the model file is valid. */
  function assertOnlyGone(before: Diagnostic[], after: Diagnostic[], removed: Diagnostic[], model: string): void {
    assert.deepEqual(onlyRemoved(keys(before), keys(after)), [], 'no new finding');
    assert.deepEqual(onlyRemoved(keys(after), keys(before)).sort(), keys(removed).sort(), 'exactly the finding(s) removed');
    assertValidModel(MODEL, model);
  }

  describe('a near miss of a known name gets no addition', () => {
    const nearMisses: [string, string, string][] = [
      ['en', 'unknown-country', 'Cooperation with Tunesia continues.'],
      ['fr', 'unknown-country', 'La coopération avec le Marroc continue.'],
      ['nl', 'unknown-country', 'De samenwerking met Marroko gaat door.'],
      // A misspelt instrumental ("z Tunzeją" for "z Tunezją").
      ['pl', 'unknown-country', 'Współpraca z Tunzeją trwa od lat.'],
      ['en', 'unknown-instrument', 'The Khartoum Proces brings together the countries of the Horn of Africa.'],
      ['nl', 'unknown-instrument', 'Het proces van Khartoen brengt de landen samen.'],
    ];
    it('en, fr, nl, pl: the finding is there, with its correction, but nothing adds it to the model', async () => {
      const c = await start();
      for (const [lang, rule, text] of nearMisses) {
        const { uri, diagnostics } = await open(c, draft(lang, text));
        const titles = (await actionsFor(c, uri, target(diagnostics, rule))).map((a) => a.title);
        assert.ok(titles.some((t) => /^(Correct|Replace)/.test(t)), `${lang} ${text}: a correction in ${JSON.stringify(titles)}`);
        assert.deepEqual(titles.filter((t) => ADDS.test(t)), [], `${lang} ${text}`);
      }
    });
  });

  describe('a plausibly new entity gets one addition per kind it may be', () => {
    const positives: { lang: string; rule: string; text: string; title: RegExp; section: string; check?: (entry: Record<string, unknown>) => void }[] = [
      {
        lang: 'en', rule: 'unknown-instrument', text: 'The Team Europe Initiative on the Eastern route was launched.', title: /as an instrument$/, section: 'instruments',
        check: (e) => assert.deepEqual(e, { id: 'team-europe-initiative-on-the-eastern-route', kind: 'initiative', names: { en: ['Team Europe Initiative on the Eastern route'] }, source: 'TODO: where this comes from' }),
      },
      {
        lang: 'en', rule: 'unknown-instrument', text: 'The Team Europe Initiative on the Eastern route was launched.', title: /as a body$/, section: 'bodies',
        check: (e) => assert.equal(e.kind, 'other'),
      },
      {
        lang: 'fr', rule: 'undefined-acronym', text: 'Le ZQX a présenté son rapport.', title: /^Add ZQX .* well known in French$/, section: 'acronyms',
        check: (e) => assert.deepEqual(e, { id: 'acr-zqx', forms: { fr: ['ZQX'] }, expansions: {}, wellKnown: ['fr'], source: 'TODO: where this comes from' }),
      },
      {
        lang: 'nl', rule: 'unknown-act', text: 'Verordening (EU) 2019/8888 van het Europees Parlement en de Raad van 13 november 2019 betreffende het testen van apparaten (PB L 1 van 2.1.2020, blz. 1) is van toepassing.', title: /^Add Verordening \(EU\) 2019\/8888 to/, section: 'acts',
        check: (e) => assert.deepEqual(e, {
          id: '32019R8888', type: 'regulation', domain: 'EU', year: 2019, number: 8888, numbering: 'year/number', celex: '32019R8888', eli: 'http://data.europa.eu/eli/reg/2019/8888/oj',
          titles: { nl: { full: 'Verordening (EU) 2019/8888 van het Europees Parlement en de Raad van 13 november 2019 betreffende het testen van apparaten' } },
          source: 'TODO: where this comes from',
        }),
      },
      {
        // In running text the title's end cannot be told from the verb: no title, for the drafter to fill in.
        lang: 'fr', rule: 'unknown-act', text: 'La directive 2013/99/UE du Parlement européen et du Conseil du 26 juin 2013 relative aux essais est applicable. Elle est récente.', title: /^Add Directive 2013\/99\/UE to/, section: 'acts',
        check: (e) => { assert.equal(e.titles, undefined); assert.equal(e.celex, '32013L0099'); assert.equal(e.eli, 'http://data.europa.eu/eli/dir/2013/99/oj'); },
      },
      {
        lang: 'pl', rule: 'undefined-acronym', text: 'ZQX przedstawił sprawozdanie.', title: /well known in Polish$/, section: 'acronyms',
      },
    ];
    for (const c of positives) {
      it(`${c.lang} ${c.rule} "${c.text.slice(0, 40)}…": ${c.title.source} removes the finding, adds nothing, and the model file is valid`, async () => {
        const lsp = await start();
        const text = draft(c.lang, c.text);
        const { uri, diagnostics } = await open(lsp, text);
        const finding = target(diagnostics, c.rule);
        const action = (await actionsFor(lsp, uri, finding)).find((a) => ADDS.test(a.title) && c.title.test(a.title));
        assert.ok(action, 'the addition');
        const { model, after } = await apply(lsp, uri, action, (d) => !d.some((x) => x.code === c.rule && x.message === finding.message));
        assertOnlyGone(diagnostics, after, [finding], model);
        const entries = (parse(model) as Record<string, Record<string, unknown>[]>)[c.section];
        assert.equal(entries.length, 1, model);
        c.check?.(entries[0]);
        // The entry's source is left for the drafter, and the model-schema check says so on the model file.
        assert.deepEqual(loadModelText(MODEL, model).problems.map((p) => [p.severity, p.range.start.line]), [['warning', model.split('\n').findIndex((l) => /source: "TODO/.test(l))]]);
      });
    }
  });

  it('"Add every unknown act of this draft" adds the three acts in one edit, and the three findings disappear', async () => {
    const lsp = await start();
    writeFileSync(join(workspace, MODEL), '# our acts\nacts:\n  - id: own-act\n    type: decision\n    domain: EU\n    year: 2020\n    number: 9991\n');
    void lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: modelUri(), type: 1 }] });
    const text = draft('en', 'Regulation (EU) 2019/8888 applies.\n\nDirective 2013/99/EU and Decision (EU) 2021/7777 apply too, and Regulation (EU) 2019/8888 again.');
    const { uri, diagnostics } = await open(lsp, text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-act');
    assert.equal(unknown.length, 3, JSON.stringify(diagnostics));
    const action = (await actionsFor(lsp, uri, unknown[1])).find((a) => /^Add every unknown act of this draft to the workspace policy model \(3\)/.test(a.title));
    assert.ok(action);
    assert.equal(editsFor(action.edit, modelUri()).length, 1, 'one edit');
    const { model, after } = await apply(lsp, uri, action, (d) => !d.some((x) => x.code === 'unknown-act'));
    assertOnlyGone(diagnostics, after, unknown, model);
    assert.ok(model.startsWith('# our acts\nacts:\n  - id: own-act\n'), 'the rest of the file is kept');
    assert.deepEqual((parse(model) as { acts: { id: string }[] }).acts.map((a) => a.id), ['own-act', '32019R8888', '32013L0099', '32021D7777']);
  });

  it('the CLI shows the source reminder of an added entry without failing the check', () => {
    const modelFile = join(workspace, MODEL);
    writeFileSync(modelFile, 'acts:\n  - id: 32019R8888\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 8888\n    source: "TODO: where this comes from"\n');
    writeFileSync(join(workspace, 'note.md'), draft('en', 'Regulation (EU) 2019/8888 applies.'));
    const run = runCli(['check', '--model', modelFile, join(workspace, 'note.md')]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /: 0 findings/, 'the act is known: no finding');
    assert.match(run.stderr, /council-notes\.policy\.yaml:7:13: warning model-schema: acts\[0\] "32019R8888": say where this entry comes from/);
  });

  describe('Open on EUR-Lex', () => {
    const draftText = draft('en', 'Regulation (EU) 2019/8888 applies.');
    const link = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32019R8888';

    it('runs the extension\'s own command where the client has it', async () => {
      const lsp = await start({ ...CREATE, experimental: { commands: { commands: ['councilNotes.openLink'] } } });
      const { uri, diagnostics } = await open(lsp, draftText);
      const action = (await actionsFor(lsp, uri, target(diagnostics, 'unknown-act'))).find((a) => a.title === 'Open on EUR-Lex');
      assert.deepEqual(action?.command, { title: 'Open on EUR-Lex', command: 'councilNotes.openLink', arguments: [link] });
      assert.equal(action.edit, undefined);
    });

    it('asks other clients to show the address outside the editor (window/showDocument)', async () => {
      const lsp = await start({ ...CREATE, window: { showDocument: { support: true } } });
      const shown: unknown[] = [];
      lsp.connection.onRequest('window/showDocument', (params: unknown) => { shown.push(params); return { success: true }; });
      const { uri, diagnostics } = await open(lsp, draftText);
      const action = (await actionsFor(lsp, uri, target(diagnostics, 'unknown-act'))).find((a) => a.title === 'Open on EUR-Lex');
      assert.ok(action?.command);
      await lsp.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
      assert.deepEqual(shown, [{ uri: link, external: true }]);
    });

    it('is not offered to a client that can do neither', async () => {
      const lsp = await start();
      const { uri, diagnostics } = await open(lsp, draftText);
      assert.ok(!(await actionsFor(lsp, uri, target(diagnostics, 'unknown-act'))).some((a) => /EUR-Lex/.test(a.title)));
    });
  });

  describe('a client that cannot create files', () => {
    it('gets the addition as a command the server carries out: the file is written, the finding disappears, the model is valid', async () => {
      const lsp = await start(NO_CREATE);
      const text = draft('en', 'Regulation (EU) 2019/8888 applies.\n\nThe ZQX reported.');
      const { uri, diagnostics } = await open(lsp, text);
      const finding = target(diagnostics, 'unknown-act');
      const action = (await actionsFor(lsp, uri, finding)).find((a) => /^Add Regulation \(EU\) 2019\/8888 to the workspace policy model$/.test(a.title));
      assert.ok(action?.command, 'a command');
      assert.equal(action.edit, undefined, 'no edit the client cannot make');
      await lsp.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
      const after = await lsp.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-act'));
      const model = readFileSync(join(workspace, MODEL), 'utf8');
      assertOnlyGone(diagnostics, after, [finding], model);
      // Once the file exists, the next addition is a plain text edit.
      const acronym = target(after, 'undefined-acronym');
      const next = (await actionsFor(lsp, uri, acronym)).find((a) => ADDS.test(a.title));
      assert.ok(next?.edit && !next.command);
      assert.deepEqual(createdFiles(next.edit), []);
    });

    it('never writes through a link out of the workspace that appeared after the action was offered, and says why', async () => {
      const lsp = await start(NO_CREATE);
      const messages: { type: number; message: string }[] = [];
      lsp.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => { messages.push(params); });
      const { uri, diagnostics } = await open(lsp, draft('en', 'The ZQX reported.'));
      const action = (await actionsFor(lsp, uri, target(diagnostics, 'undefined-acronym'))).find((a) => ADDS.test(a.title));
      assert.ok(action?.command);
      const outside = join(root, 'elsewhere.policy.yaml');
      symlinkSync(outside, join(workspace, MODEL));
      await lsp.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
      assert.equal(existsSync(outside), false, 'nothing written outside the workspace');
      assert.equal(messages.length, 1);
      assert.match(messages[0].message, /Not added to the workspace policy model: council-notes\.policy\.yaml is a link/);
    });

    it('refuses entries that would make the model invalid (a command\'s arguments come from the client)', async () => {
      const lsp = await start(NO_CREATE);
      const messages: string[] = [];
      lsp.connection.onNotification('window/showMessage', (params: { message: string }) => { messages.push(params.message); });
      const { uri } = await open(lsp, draft('en', 'The ZQX reported.'));
      await lsp.request('workspace/executeCommand', { command: 'councilNotes.server.addToModel', arguments: [{ uri, entries: [{ section: 'places', entry: { id: 'x', kind: 'volcano' } }] }] });
      assert.equal(existsSync(join(workspace, MODEL)), false);
      assert.match(messages[0] ?? '', /would not be valid/);
    });
  });
});
