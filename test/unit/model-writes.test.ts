/**
 * Issue 16, items 1-4: "Add to workspace policy model" never damages a model file. The edit is a
 * minimal text edit (the rest of the file byte for byte: comments, formatting, escapes, both of
 * duplicate keys); a file that cannot be parsed is refused with a reason; a model file that is a
 * link out of the workspace is never written through; a rootUri ending in "/" finds the existing
 * model file. Duplicate JSON keys are model-schema errors, as duplicate YAML keys are.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { planEntryEdit, type EntryEditPlan } from '../../server/src/core/assist/model-edit';
import { applyReplacements } from '../../server/src/core/fix/apply';
import { loadModelText } from '../../server/src/core/model/load';
import { LspTestClient } from '../support/lsp-client';
import { applyTextEdits, createdFiles, editsFor } from '../support/lsp-edits';

const PLACE = { id: 'place-atlantis', kind: 'other', names: { en: ['Atlantis'] } };

/** The edit of a plan that must have one, and the text after it. */
function edited(file: string, before: string, section: Parameters<typeof planEntryEdit>[2], entry: Record<string, unknown> = PLACE, eol: '\n' | '\r\n' = '\n'): string {
  const plan = planEntryEdit(file, before, section, entry, eol);
  assert.ok('edit' in plan, `an edit, not: ${'refusal' in plan ? plan.refusal : ''}`);
  const { edit } = plan;
  // Minimal: an insertion, so every byte of the file before stays where it was.
  assert.equal(edit.start, edit.end, `an insertion, not a replacement of ${JSON.stringify(before.slice(edit.start, edit.end))}`);
  const after = applyReplacements(before, [edit]);
  assert.equal(after.slice(0, edit.start) + after.slice(edit.start + edit.newText.length), before, 'the rest of the file is kept byte for byte');
  assert.deepEqual(loadModelText(file, after).problems.filter((p) => p.severity === 'error').map((p) => p.message), [], after);
  return after;
}

const refusal = (plan: EntryEditPlan) => ('refusal' in plan ? plan.refusal : undefined);

describe('model writes: the edit that adds an entry to a model file', () => {
  describe('JSON model files get a minimal text edit (item 4)', () => {
    it('appends to the section the loader uses, keeping escapes, formatting and the first of two duplicate keys', () => {
      const before = '{\n  "name": "Caf\\u00e9 team",\n  "places": [ { "id": "a", "kind": "other", "names": { "en": ["Dupl\\u00e9"] } } ],\n  "places": [\n    {\n      "id": "b",\n      "kind": "other",\n      "names": { "en": ["B\\"land"] }\n    }\n  ]\n}\n';
      const plan = planEntryEdit('team.policy.json', before, 'places', PLACE, '\n');
      assert.ok('edit' in plan);
      const after = applyReplacements(before, [plan.edit]);
      assert.equal(after.slice(0, plan.edit.start) + after.slice(plan.edit.start + plan.edit.newText.length), before);
      assert.ok(after.includes('"Caf\\u00e9 team"') && after.includes('"Dupl\\u00e9"') && after.includes('B\\"land'), 'escapes are kept');
      const data = JSON.parse(after) as { places: { id: string }[] };
      assert.deepEqual(data.places.map((p) => p.id), ['b', 'place-atlantis'], 'added to the second "places", the one JSON.parse reads');
      // Written in the file's own layout: each entry on its own lines, indented like its neighbour.
      assert.match(after, /\n    },\n    \{\n      "id": "place-atlantis",\n      "kind": "other",/);
    });

    it('adds a section that is missing, and fills an empty list, in the file\'s indentation and line ends', () => {
      const before = '{\r\n    "name": "Team",\r\n    "acts": []\r\n}';
      const withPlaces = edited('t.policy.json', before, 'places', PLACE, '\r\n');
      assert.deepEqual(Object.keys(JSON.parse(withPlaces) as object), ['name', 'acts', 'places']);
      assert.doesNotMatch(withPlaces.replace(/\r\n/g, ''), /\n/, 'CRLF only');
      assert.match(withPlaces, /\r\n {4}"places": \[\r\n {8}\{/);
      const withAct = edited('t.policy.json', before, 'acts', { id: 'x', type: 'regulation' }, '\r\n');
      assert.deepEqual((JSON.parse(withAct) as { acts: unknown[] }).acts, [{ id: 'x', type: 'regulation' }]);
      assert.deepEqual(Object.keys(JSON.parse(edited('e.policy.json', '{}', 'places')) as object), ['places']);
      assert.deepEqual(Object.keys(JSON.parse(edited('e.policy.json', '{ }\n', 'places')) as object), ['places']);
    });

    it('refuses broken JSON, a section that is not a list, and a file that is not an object, and says why', () => {
      assert.match(refusal(planEntryEdit('m.policy.json', '{ "places": [ nope', 'places', PLACE)) ?? '', /cannot be read as JSON/);
      assert.match(refusal(planEntryEdit('m.policy.json', '{ "places": { "a": 1 } }', 'places', PLACE)) ?? '', /"places" is not a list/);
      assert.match(refusal(planEntryEdit('m.policy.json', '[1, 2]', 'places', PLACE)) ?? '', /not an object/);
    });
  });

  describe('YAML model files get a minimal text edit too', () => {
    it('appends to a block list, keeping the comments and layout around it', () => {
      const before = '# Team model\nname: Team   # shown in the status bar\nplaces:\n    # the first one\n    - id: a\n      kind: other\n      names: {en: [A]}\nacts: []\n';
      const after = edited('t.policy.yaml', before, 'places');
      assert.match(after, /names: \{en: \[A\]\}\n {4}- id: place-atlantis\n/);
    });

    it('adds to a flow list and to an empty section without rewriting the file', () => {
      const before = 'acts: []   # none yet\nplaces: [ {id: a, kind: other, names: {en: [A]}} ]  # kept\n';
      const a = edited('t.policy.yaml', before, 'acts', { id: 'x', type: 'regulation' });
      assert.match(a, /^acts: \[.*id: x.*\] {3}# none yet$/m);
      const p = edited('t.policy.yaml', before, 'places');
      assert.match(p, /names: \{en: \[A\]\}\}, \{.*place-atlantis.*\} \]  # kept/);
      const b = edited('t.policy.yaml', `${before}bodies:\n# comment after an empty section\n`, 'bodies', { id: 'b1', names: { en: ['The Body'] } });
      assert.match(b, /^bodies:\n {2}- id: b1\n/m);
    });

    it('refuses a file that cannot be parsed, instead of adding a second header or section (item 2)', () => {
      for (const broken of ['places:\n  - id: [unclosed\n', 'name: x\nname: y\n', 'acts: [\n', 'a: 1\n---\nb: 2\n', '- just\n- a list\n']) {
        assert.match(refusal(planEntryEdit('council-notes.policy.yaml', broken, 'places', PLACE)) ?? '', /cannot be|not a mapping/, broken);
      }
    });

    it('a new file starts with a header comment; an empty one is filled', () => {
      for (const before of [undefined, '', '\n']) {
        const plan = planEntryEdit('council-notes.policy.yaml', before, 'places', PLACE, '\n');
        assert.ok('edit' in plan);
        const after = applyReplacements(before ?? '', [plan.edit]);
        assert.deepEqual(loadModelText('x.policy.yaml', after).problems, []);
        assert.match(after, /^# Council Notes workspace policy model/);
      }
    });
  });

  describe('duplicate JSON keys are model-schema errors, like duplicate YAML keys (item 4)', () => {
    it('reports each repeated key where it repeats, at any depth', () => {
      const text = '{\n  "places": [],\n  "acts": [ { "id": "x", "type": "regulation", "id": "y" } ],\n  "places": []\n}\n';
      const problems = loadModelText('m.policy.json', text).problems;
      assert.deepEqual(problems.map((p) => [p.severity, p.message, p.range.start.line, p.range.start.character]), [
        ['error', 'Invalid JSON: duplicate key "id"', 2, 47],
        ['error', 'Invalid JSON: duplicate key "places"', 3, 2],
      ]);
      assert.deepEqual(loadModelText('m.policy.json', '{ "places": [], "acts": [ { "id": "x" }, { "id": "y" } ] }').problems.filter((p) => /duplicate key/.test(p.message)), [], 'the same key in sibling objects is fine');
    });
  });
});

describe('model writes: "add to workspace policy model" over stdio (items 1-3)', function () {
  this.timeout(120_000);
  let root: string;
  let workspace: string;
  let outside: string;
  let client: LspTestClient | undefined;
  const DRAFT = 'The ZQX reported on progress.\n';

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'council-notes-writes-'));
    workspace = join(root, 'ws');
    outside = join(root, 'elsewhere');
    mkdirSync(workspace);
    mkdirSync(outside);
  });
  afterEach(async () => {
    if (client) assert.equal(await client.shutdown(), 0);
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const CAPABILITIES = {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { disabledSupport: true } },
  };

  async function start(rootUri?: string): Promise<LspTestClient> {
    const c = new LspTestClient();
    if (rootUri) {
      await c.connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: null, capabilities: CAPABILITIES });
      await c.connection.sendNotification('initialized', {});
    } else await c.initialize(workspace, CAPABILITIES);
    return c;
  }

  /** The "add to workspace policy model" action for the acronym. */
  async function addAction(c: LspTestClient): Promise<CodeAction | undefined> {
    const uri = pathToFileURL(join(workspace, 'note.md')).toString();
    c.open(uri, DRAFT);
    const diagnostics = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-acronym'));
    const target = diagnostics.find((d: Diagnostic) => d.code === 'undefined-acronym')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    return actions.find((a) => /workspace policy model/.test(a.title));
  }

  /** Every file URI an action's edit would touch. */
  const touched = (action: CodeAction | undefined) => {
    const edit = action?.edit;
    return [...Object.keys(edit?.changes ?? {}), ...(edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : (c as { uri: string }).uri))];
  };

  it('never writes through a model file that is a link out of the workspace, and says why (item 1)', async () => {
    const target = join(outside, 'shared.policy.yaml');
    const original = 'name: Shared elsewhere\nplaces:\n  - id: far\n    kind: other\n    names: { en: [Far Away] }\n';
    writeFileSync(target, original);
    symlinkSync(target, join(workspace, 'council-notes.policy.yaml'));
    client = await start();
    const action = await addAction(client);
    assert.ok(action, 'the action is listed, disabled with its reason');
    assert.deepEqual(touched(action), [], 'no edit at all');
    assert.match(action.disabled?.reason ?? '', /council-notes\.policy\.yaml.*link.*outside the workspace/);
    assert.equal(readFileSync(target, 'utf8'), original);
  });

  it('writes through a link that stays inside the workspace, onto the real file', async () => {
    mkdirSync(join(workspace, 'models'));
    const real = join(workspace, 'models', 'real.yaml');
    writeFileSync(real, 'places:\n  - id: near\n    kind: other\n    names: { en: [Near By] }\n');
    symlinkSync(real, join(workspace, 'council-notes.policy.yaml'));
    client = await start();
    const action = await addAction(client);
    const realUri = pathToFileURL(real).toString();
    assert.deepEqual(touched(action), [realUri]);
    assert.deepEqual(createdFiles(action!.edit), []);
    const after = applyTextEdits(readFileSync(real, 'utf8'), editsFor(action!.edit, realUri));
    assert.deepEqual(loadModelText(real, after).problems.filter((p) => p.severity === 'error'), []);
    assert.match(after, /- id: near[\s\S]*- id: acr-zqx/);
  });

  it('refuses to add to an existing model file that cannot be parsed, and says why (item 2)', async () => {
    const file = join(workspace, 'council-notes.policy.yaml');
    writeFileSync(file, 'places:\n  - id: [unclosed\n');
    client = await start();
    const action = await addAction(client);
    assert.ok(action);
    assert.deepEqual(touched(action), []);
    assert.match(action.disabled?.reason ?? '', /council-notes\.policy\.yaml.*(cannot be parsed|has errors)/);
  });

  it('a rootUri ending in "/" finds the existing model file and adds to it (item 3)', async () => {
    const file = join(workspace, 'council-notes.policy.yaml');
    const before = '# ours\nplaces:\n  - id: near\n    kind: other\n    names: { en: [Near By] }\n';
    writeFileSync(file, before);
    client = await start(`${pathToFileURL(workspace).toString()}/`);
    const action = await addAction(client);
    const uri = pathToFileURL(file).toString();
    assert.deepEqual(touched(action), [uri]);
    assert.deepEqual(createdFiles(action!.edit), []);
    const after = applyTextEdits(before, editsFor(action!.edit, uri));
    assert.ok(after.startsWith(before));
    assert.deepEqual(loadModelText(file, after).problems.filter((p) => p.severity === 'error'), []);
  });
});
