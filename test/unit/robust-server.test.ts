/**
 * Issue 7, server faults, over stdio with a real JSON-RPC client (test/support/fuzz-lsp.ts):
 * 10,000 random operations (opens, full and incremental edits, closes, model-file edits, saves
 * and disk changes, configuration changes) after which the diagnostics published for every open
 * draft equal a fresh checkDraft of its text; malformed requests and bytes do not take the server
 * down; shutdown/exit end it with the exit codes LSP prescribes.
 *
 * LSP_FUZZ_OPS=n and LSP_FUZZ_SEED=n override the defaults.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkDraft, type CheckSettings } from '../../server/src/core/check';
import { ModelStore } from '../../server/src/core/model/model-store';
import { defaultModelFiles } from '../../server/src/node/resources';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { testLanguages, testModel } from '../support/checker';
import { FaultClient, random } from '../support/fuzz-lsp';
import { draftArbitrary, FRAGMENTS, modelVocabulary, NASTY_UNITS } from '../support/fuzz-gen';
import { referencePosition, splitsPair } from '../support/fuzz-props';

const OPS = Number(process.env.LSP_FUZZ_OPS ?? 10_000);
const SEED = Number(process.env.LSP_FUZZ_SEED ?? 7);

/** Valid workspace models: each defines a different act and place, so the model in use shows in the findings. */
const MODELS = [9991, 9992, 9993, 9994].map((n) => `acts:\n  - id: "3201${n}"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: ${n}\nplaces:\n  - id: p${n}\n    kind: region\n    names: { en: [Atlantis ${n}] }\n`);
const BROKEN_MODELS = [
  'acts:\n  - id: [unclosed\n',
  'acts:\n  - id: X\n    year: twenty\n',
  'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nacts: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
  '__proto__: { polluted: yes }\nacts: []\n',
  'groups:\n  - id: g\n    labels: { en: [x] }\n    members: [NOPE]\n',
];
const SETTINGS_MODEL = 'acts:\n  - id: "32019R9995"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9995\n';
const MENTIONS = 'Regulation (EU) 2019/9991, Regulation (EU) 2019/9992, Regulation (EU) 2019/9993, Regulation (EU) 2019/9994 and Regulation (EU) 2019/9995 apply to Atlantis 9991 and Tunesia.';

interface Doc { uri: string; text: string; version: number; languageId: string }
interface ServerState { useDefault: boolean; modelFiles: string[]; language: string; rules: Record<string, string> }

/** Diagnostics as comparable strings. */
const keyOf = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;

describe('robustness: language server faults (stdio)', function () {
  this.timeout(600_000);
  let workspace: string;
  let client: FaultClient | undefined;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  /** After bad input: the server is still running, still checks a draft, and shuts down cleanly. */
  async function assertStillChecking(client: FaultClient): Promise<void> {
    // A request answered after the bad input: the server has read all of it and is still there.
    await client.connection.sendRequest('councilNotes/modelSummary', {});
    assert.equal(client.exitCode, undefined, `the server is still running; stderr: ${client.stderr.join('').slice(-1000)}`);
    const c = uri('c.md');
    client.open(c, 'The Council invited Tunesia.\n', 1);
    await client.settle(() => (client.latest.get(c)?.diagnostics.length ?? 0) > 0, 200, 30_000);
    assert.deepEqual(client.latest.get(c)!.diagnostics.map((d) => d.code), ['unknown-country']);
    assert.equal(await client.shutdown(), 0);
  }

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'council-notes-faults-'));
    mkdirSync(join(workspace, 'extra'));
    writeFileSync(join(workspace, 'team.policy.yaml'), MODELS[0]);
    writeFileSync(join(workspace, 'extra', 'settings-model.yaml'), SETTINGS_MODEL);
  });
  afterEach(() => {
    client?.kill();
    client = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  it(`${OPS} random operations leave every open draft with the diagnostics of a fresh check (seed ${SEED})`, async () => {
    const rng = random(SEED);
    const vocabulary = modelVocabulary(testModel());
    const drafts = [MENTIONS, ...fc.sample(draftArbitrary(vocabulary, { maxDepth: 2, maxBlocks: 3, bom: 0 }), { numRuns: 150, seed: SEED }).map((t, i) => (i % 3 === 0 ? `${MENTIONS}\n\n${t}` : t))];
    const insertions = ['', ' ', 'Tunesia', 'Turkey', '\n', '\r\n', '\n\n', '# NOTE\n', '> ', '- ', '[^1]', '[^1]: x\n', '<!-- council-notes-disable-next-line -->\n', 'Regulation (EU) 2019/9991', 'Atlantis 9992', '28 September 2023', ...NASTY_UNITS, ...FRAGMENTS.en.slice(0, 5)];
    // h.MD is checked for its extension whatever its language id; notes.txt is not a draft.
    const draftNames = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'sub/f.md', 'g.markdown', 'h.MD', 'notes.txt'];
    const isChecked = (d: Doc) => d.languageId === 'markdown' || /\.(md|markdown)$/i.test(d.uri);
    const settingsPool: ServerState[] = [
      { useDefault: true, modelFiles: [], language: 'auto', rules: {} },
      { useDefault: true, modelFiles: ['extra/settings-model.yaml'], language: 'auto', rules: {} },
      { useDefault: true, modelFiles: [], language: 'en', rules: { 'unknown-country': 'off', 'unknown-act': 'hint' } },
      { useDefault: true, modelFiles: [], language: 'nl', rules: { 'footnote-reference': 'error' } },
      { useDefault: false, modelFiles: ['extra/settings-model.yaml'], language: 'auto', rules: {} },
    ];

    client = new FaultClient();
    const settingsOf = (s: ServerState) => ({ model: { files: s.modelFiles, useDefault: s.useDefault }, language: s.language, rules: s.rules });
    let state = settingsPool[0];
    client.settings = settingsOf(state);
    await client.initialize(workspace);

    const docs = new Map<string, Doc>();
    const closed = new Set<string>();
    const teamUri = uri('team.policy.yaml');
    const otherPath = join(workspace, 'other.policy.yaml');
    let teamDisk = MODELS[0];
    let otherDisk: string | undefined;
    const counts: Record<string, number> = {};
    const count = (op: string) => { counts[op] = (counts[op] ?? 0) + 1; };

    const openDraft = (name: string) => {
      const u = uri(name);
      const doc: Doc = { uri: u, text: rng.pick(drafts), version: 1, languageId: /\.(MD|txt)$/.test(name) ? 'plaintext' : 'markdown' };
      docs.set(u, doc);
      closed.delete(u);
      client!.open(u, doc.text, doc.version, doc.languageId);
    };

    for (let op = 0; op < OPS; op++) {
      const r = rng.next();
      const openDrafts = [...docs.values()].filter((d) => d.uri !== teamUri);
      if (r < 0.06 || openDrafts.length === 0) {
        const name = rng.pick(draftNames);
        if (docs.has(uri(name))) continue;
        openDraft(name);
        count('open');
      } else if (r < 0.45) {
        // Incremental edits: 1–3 changes, each relative to the text after the one before.
        const doc = rng.pick(openDrafts);
        const changes = [];
        for (let k = 1 + rng.int(3); k > 0; k--) {
          let start = rng.int(doc.text.length + 1);
          let end = Math.min(doc.text.length, start + rng.int(40));
          // A position between \r and \n is ambiguous in LSP: keep off it.
          if (splitsPair(doc.text, start) === 'a CRLF') start--;
          if (splitsPair(doc.text, end) === 'a CRLF') end++;
          const text = rng.chance(0.3) ? '' : rng.pick(insertions);
          changes.push({ range: { start: referencePosition(doc.text, start), end: referencePosition(doc.text, end) }, text });
          doc.text = doc.text.slice(0, start) + text + doc.text.slice(end);
        }
        doc.version += 1;
        client.change(doc.uri, doc.version, changes);
        count('incremental edit');
      } else if (r < 0.80) {
        // Typing: one character inserted at a random place.
        const doc = rng.pick(openDrafts);
        let at = rng.int(doc.text.length + 1);
        if (splitsPair(doc.text, at) === 'a CRLF') at--;
        const char = rng.pick(['a', 'e', ' ', 'T', 'u', 'n', 's', 'i', '.', ',', '\n', '(', ')', '1', '9']);
        const position = referencePosition(doc.text, at);
        doc.text = doc.text.slice(0, at) + char + doc.text.slice(at);
        doc.version += 1;
        client.change(doc.uri, doc.version, [{ range: { start: position, end: position }, text: char }]);
        count('keystroke');
      } else if (r < 0.88) {
        const doc = rng.pick(openDrafts);
        doc.text = rng.pick(drafts);
        doc.version += 1;
        client.change(doc.uri, doc.version, [{ text: doc.text }]);
        count('full edit');
      } else if (r < 0.93) {
        if (openDrafts.length <= 3) continue;
        const doc = rng.pick(openDrafts);
        client.close(doc.uri);
        docs.delete(doc.uri);
        closed.add(doc.uri);
        count('close');
      } else if (r < 0.985) {
        count('pause');
        await new Promise((resolve) => setTimeout(resolve, rng.int(60)));
      } else {
        // Model and configuration operations (each rebuilds the model: rarer).
        const kind = rng.int(6);
        const team = docs.get(teamUri);
        if (kind === 0 && !team) {
          docs.set(teamUri, { uri: teamUri, text: teamDisk, version: 1, languageId: 'yaml' });
          client.open(teamUri, teamDisk, 1, 'yaml');
          count('model open');
        } else if (kind <= 1 && team) {
          team.text = rng.chance(0.5) ? rng.pick(MODELS) : rng.pick(BROKEN_MODELS);
          team.version += 1;
          client.change(teamUri, team.version, [{ text: team.text }]);
          if (rng.chance(0.5)) { client.save(teamUri); count('model save'); }
          count('model edit');
        } else if (kind === 2 && team) {
          client.close(teamUri);
          docs.delete(teamUri);
          count('model close');
        } else if (kind === 3) {
          state = rng.pick(settingsPool);
          client.changeSettings(settingsOf(state));
          count('configuration');
        } else {
          // The disk changes under the server: a second model file appears, changes or goes.
          const type = otherDisk === undefined ? 1 : rng.chance(0.3) ? 3 : 2;
          if (type === 3) { unlinkSync(otherPath); otherDisk = undefined; } else { otherDisk = rng.pick(MODELS); writeFileSync(otherPath, otherDisk); }
          if (rng.chance(0.3)) { teamDisk = rng.pick(MODELS); writeFileSync(join(workspace, 'team.policy.yaml'), teamDisk); }
          client.watchedFiles([{ uri: pathToFileURL(otherPath).toString(), type: type as 1 | 2 | 3 }]);
          count('disk change');
        }
      }
    }

    // Settle: every model file valid, then one reload that re-checks every open draft.
    const team = docs.get(teamUri);
    if (team) {
      team.text = MODELS[1];
      team.version += 1;
      client.change(teamUri, team.version, [{ text: team.text }]);
      // The save applies the edit at once and rebuilds: wait for that build, not for a guessed time.
      const builds = client.modelBuilds;
      client.save(teamUri);
      await client.settle(() => client!.modelBuilds > builds, 0, 60_000);
    }
    // A round trip: every operation sent before it has been read (a configuration change asks for its settings first).
    await client.connection.sendRequest('councilNotes/modelSummary', {});
    const mark = client.seq;
    client.watchedFiles([{ uri: teamUri, type: 2 }]);
    const openDrafts = [...docs.values()].filter((d) => d.uri !== teamUri && isChecked(d));
    const plain = [...docs.values()].filter((d) => d.uri !== teamUri && !isChecked(d));
    await client.settle(() => openDrafts.every((d) => { const p = client!.latest.get(d.uri); return !!p && p.seq > mark && p.version === d.version; }), 1500);

    // The expected model: what the server layers, built afresh here.
    const store = new ModelStore();
    const workspaceFiles = [...(otherDisk !== undefined ? [otherPath] : []), join(workspace, 'team.policy.yaml')];
    const order = [...new Set([...(state.useDefault ? defaultModelFiles() : []), ...workspaceFiles, ...state.modelFiles.map((f) => join(workspace, f))])];
    const textOf = (file: string) => (file === join(workspace, 'team.policy.yaml') ? (team?.text ?? teamDisk) : file === otherPath ? otherDisk! : file.endsWith('settings-model.yaml') ? SETTINGS_MODEL : undefined);
    const { readFileSync } = await import('node:fs');
    for (const file of order) store.update(file, textOf(file) ?? readFileSync(file, 'utf8'));
    const index = store.build(order).index;
    const settings: CheckSettings = { language: state.language, rules: state.rules as CheckSettings['rules'] };

    const mismatches: string[] = [];
    for (const doc of openDrafts) {
      const expected = checkDraft({ text: doc.text, model: index, languages: testLanguages(), settings }).findings.map(toDiagnostic).map(keyOf).sort();
      const published = client.latest.get(doc.uri)!.diagnostics.map(keyOf).sort();
      if (JSON.stringify(expected) !== JSON.stringify(published)) mismatches.push(`${doc.uri} (version ${doc.version}, ${doc.text.length} chars):\n  expected ${JSON.stringify(expected)}\n  published ${JSON.stringify(published)}\n  text ${JSON.stringify(doc.text.slice(0, 500))}`);
    }
    assert.deepEqual(mismatches, [], `after ${JSON.stringify(counts)}`);
    for (const u of closed) {
      const last = client.latest.get(u);
      if (last) assert.deepEqual(last.diagnostics, [], `closed ${u} keeps no diagnostics`);
    }
    for (const doc of plain) assert.equal(client.latest.has(doc.uri), false, `${doc.uri} is not Markdown: never checked`);
    assert.deepEqual(client.logs.filter((l) => /failed|Error|exception/i.test(l)).slice(0, 5), [], 'no check or handler failed');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    console.log(`      ${OPS} operations: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${openDrafts.length} drafts open at the end`);
    assert.equal(await client.shutdown(), 0);
  });

  it('survives malformed requests, notifications and bytes, and still checks afterwards', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    const a = uri('a.md');
    // Requests with missing or nonsense parameters get an answer (result or error), not silence.
    const answers: string[] = [];
    for (const [method, params] of [
      ['textDocument/hover', {}], ['textDocument/hover', null], ['textDocument/hover', { textDocument: { uri: a }, position: { line: -1, character: 1e9 } }],
      ['textDocument/completion', { textDocument: { uri: 'not a uri' }, position: null }], ['textDocument/codeAction', { textDocument: { uri: a }, range: 'everything', context: {} }],
      ['textDocument/definition', { textDocument: { uri: a }, position: { line: 'x', character: {} } }], ['textDocument/semanticTokens/full', { textDocument: { uri: a } }],
      ['workspace/symbol', { query: '\uD800'.repeat(1000) }], ['councilNotes/no-such-request', { x: 1 }], ['$/no-such', []],
    ] as [string, unknown][]) {
      try {
        answers.push(`${method}: result ${JSON.stringify(await client.connection.sendRequest(method, params))}`);
      } catch (error) {
        // An error must be a JSON-RPC error response with its code, not a dropped connection or a timeout.
        assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
        answers.push(`${method}: error ${error.code}`);
      }
    }
    assert.deepEqual(answers, [
      'textDocument/hover: result null',
      'textDocument/hover: error -32602', // null params: InvalidParams
      'textDocument/hover: result null',
      'textDocument/completion: result null',
      'textDocument/codeAction: result null',
      'textDocument/definition: result null',
      'textDocument/semanticTokens/full: result {"data":[]}',
      'workspace/symbol: result []',
      'councilNotes/no-such-request: error -32601', // MethodNotFound
      '$/no-such: error -32601',
    ]);
    // Notifications that make no sense: changes to a document never opened, ranges past the end,
    // versions going back, a document opened twice, closing what is not open.
    client.change(uri('never-opened.md'), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }]);
    client.open(a, 'The Council invited Tunesia.\n', 1);
    client.open(a, 'Opened twice.\n', 1);
    client.change(a, 5, [{ range: { start: { line: 99, character: 99 }, end: { line: 100, character: 0 } }, text: 'Turkey' }]);
    client.change(a, 3, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 2 } }, text: 'backwards' }]);
    client.close(uri('not-open.md'));
    client.notify('textDocument/didOpen', { textDocument: { uri: uri('b.md'), languageId: 'markdown', version: 1 } });
    client.notify('textDocument/didOpen', null);
    client.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    client.notify('workspace/didChangeConfiguration', { settings: { councilNotes: { rules: { 'unknown-country': 42 } } } });
    // Messages that are not JSON-RPC at all, framed correctly.
    client.rawMessage({ jsonrpc: '2.0', id: 'x1', method: 'textDocument/hover' });
    client.rawMessage({ jsonrpc: '1.0', method: 42 });
    client.rawMessage([1, 2, 3]);
    client.rawMessage('just a string');
    await assertStillChecking(client);
  });

  it('survives a message body that is not JSON', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    client.raw('Content-Length: 12\r\n\r\n{"jsonrpc":]');
    await assertStillChecking(client);
  });

  // 20,000 nested quotes overflowed the parser's stack: the check threw, was logged, and the draft
  // got no diagnostics. It is now read as plain prose with a notice (server/src/core/markdown/defences/nesting.ts).
  it('a draft nested 20,000 levels deep gets its diagnostics and a notice, and the server goes on with the others', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    const deep = uri('deep.md');
    const fine = uri('fine.md');
    client.open(deep, `${'>'.repeat(20_000)} Tunesia\n`, 1);
    client.open(fine, 'The Council invited Tunesia.\n', 1);
    await client.settle(() => (client!.latest.get(fine)?.diagnostics.length ?? 0) > 0 && (client!.latest.get(deep)?.diagnostics.length ?? 0) > 0, 500, 60_000);
    assert.equal(client.exitCode, undefined);
    assert.deepEqual(client.latest.get(fine)!.diagnostics.map((d) => d.code), ['unknown-country']);
    assert.deepEqual(client.latest.get(deep)!.diagnostics.map((d) => [d.code, d.range.start.character]), [['partial-check', 0], ['unknown-country', 20_001]]);
    assert.equal(await client.shutdown(), 0);
  });

  it('shutdown then exit ends the server with exit code 0', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    assert.equal(await client.connection.sendRequest('shutdown'), null);
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
  });

  it('exit without shutdown ends the server with exit code 1 (LSP)', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 1);
  });

  it('the server exits when the editor goes away (stdin closed)', async () => {
    client = new FaultClient();
    await client.initialize(workspace);
    client.process.stdin!.end();
    const code = await Promise.race([client.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    assert.notEqual(code, 'still running after 10 s');
  });

  // Fixed (server/src/lsp/context.ts modelDocumentSaved): an edit to a model file followed by a save
  // within the 120 ms debounce rebuilt on save from the store, which did not have the edit yet;
  // the debounced update then built the new model but did not re-check the drafts, so they kept
  // diagnostics from the old model until they were edited. The save now applies the pending
  // update first. (With the built-in model the rebuild on save takes longer than the debounce
  // and hides the race; a workspace model alone shows it.)
  it('a model edit saved at once (within the debounce) re-checks the drafts against the edited model', async () => {
    client = new FaultClient();
    client.settings = { model: { useDefault: false } };
    await client.initialize(workspace);
    const draft = uri('a.md');
    client.open(draft, 'The Council applies Regulation (EU) 2019/9992.\n', 1);
    await client.settle(() => (client!.latest.get(draft)?.diagnostics.length ?? 0) > 0, 300, 30_000);
    assert.deepEqual(client.latest.get(draft)!.diagnostics.map((d) => d.code), ['unknown-act']);
    const model = uri('team.policy.yaml');
    client.open(model, MODELS[0], 1, 'yaml');
    client.change(model, 2, [{ text: MODELS[1] }]);
    const mark = client.seq;
    client.save(model);
    // The save's rebuild re-checks the draft: its first publication after the save is the answer.
    await client.settle(() => client!.latest.get(draft)!.seq > mark, 0, 30_000);
    assert.deepEqual(client.latest.get(draft)!.diagnostics.map((d) => d.code), [], 'Regulation (EU) 2019/9992 is in the edited model');
    assert.ok(existsSync(join(workspace, 'team.policy.yaml')));
  });

  // The other side: a model edit closed unsaved within the debounce must not reach the model.
  it('a model edit closed unsaved (within the debounce) leaves the model on disk in use', async () => {
    client = new FaultClient();
    client.settings = { model: { useDefault: false } };
    await client.initialize(workspace);
    const draft = uri('a.md');
    const text = 'The Council applies Regulation (EU) 2019/9992.\n';
    client.open(draft, text, 1);
    await client.settle(() => (client!.latest.get(draft)?.diagnostics.length ?? 0) > 0, 300, 30_000);
    const model = uri('team.policy.yaml');
    client.open(model, MODELS[0], 1, 'yaml');
    client.change(model, 2, [{ text: MODELS[1] }]);
    client.close(model);
    // The draft's check is debounced like the model edit and scheduled after it, so by the time
    // version 2 is published, a model edit that survived the close would have reached the store.
    client.change(draft, 2, [{ text: `${text}\n` }]);
    await client.settle(() => client!.latest.get(draft)?.version === 2, 0, 30_000);
    assert.deepEqual(client.latest.get(draft)!.diagnostics.map((d) => d.code), ['unknown-act'], 'Regulation (EU) 2019/9992 is only in the unsaved edit');
    // A rebuild from the store (another model file saved) must not bring the closed edit back.
    const mark = client.seq;
    client.open(uri('other.policy.yaml'), MODELS[2], 1, 'yaml');
    client.save(uri('other.policy.yaml'));
    await client.settle(() => client!.latest.get(draft)!.seq > mark, 0, 30_000);
    assert.deepEqual(client.latest.get(draft)!.diagnostics.map((d) => d.code), ['unknown-act'], 'after a rebuild, still only the model on disk');
  });
});
