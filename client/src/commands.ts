/**
 * The palette commands. Each one asks the language server (custom requests of
 * server/src/lsp/protocol.ts) and shows the answer; none checks anything itself. Commands that a
 * test or another extension may call take optional arguments that skip their prompts, and
 * return what they did.
 */
import * as vscode from 'vscode';
import {
  WorkDoneProgress, WorkspaceSymbolRequest,
  type StaticFeature, type SymbolInformation, type WorkDoneProgressBegin, type WorkDoneProgressReport, type WorkspaceSymbol,
} from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE, DOCUMENT_INFO, MODEL_ENTRY, MODEL_SUMMARY, OPEN_LINK_CLIENT_COMMAND, RELOAD_MODEL,
  type CheckWorkspaceResult, type DocumentInfo, type ModelEntryLocation, type ModelEntryParams, type ModelSummary,
} from '../../server/src/lsp/protocol';
import { Host, activeDraft, formatNumber, isDraft, languageName, nativeLanguageName, request } from './host';
import { entryUri, openModelEntry } from './model-documents';
import { entryOfNode } from './references-view';
import { registerCompareCommand } from './compare';

export const COMMANDS = {
  validateDocument: 'councilNotes.validateDocument',
  validateWorkspace: 'councilNotes.validateWorkspace',
  insertSkeleton: 'councilNotes.insertSkeleton',
  reloadModel: 'councilNotes.reloadModel',
  showModelEntry: 'councilNotes.showModelEntry',
  openRuleDocumentation: 'councilNotes.openRuleDocumentation',
  /** Opens a finding's link ("Open on EUR-Lex"); not in the palette: code actions call it. */
  openLink: OPEN_LINK_CLIENT_COMMAND,
} as const;

const SOURCE = 'council-notes';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------- validation

export interface ValidateDocumentResult { uri: string; findings: number; errors: number }

/** Counts of a document's findings, as they are in the Problems panel. */
function findingCounts(uri: vscode.Uri): { findings: number; errors: number } {
  const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  return { findings: ours.length, errors: ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length };
}

/**
 * Validate Current Draft: the server checks every open draft as it changes; this waits until the
 * findings of the draft's current text are published (opening the draft if it is not open, as
 * from the Explorer), then says what was found.
 */
async function validateDocument(host: Host, target?: vscode.Uri): Promise<ValidateDocumentResult | undefined> {
  const document = target ? await vscode.workspace.openTextDocument(target) : activeDraft();
  if (!isDraft(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown draft to validate it.'));
    return undefined;
  }
  try {
    await host.client();
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Council Notes could not validate the draft: {0}', message(error)));
    return undefined;
  }
  const current = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Validating {0}', vscode.workspace.asRelativePath(document.uri, false)) },
    () => host.publications.waitForCurrent(document.uri),
  );
  if (!current) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Council Notes did not finish checking the draft in time; see the output channel.'));
    return undefined;
  }
  const counts = findingCounts(document.uri);
  const name = vscode.workspace.asRelativePath(document.uri, false);
  if (counts.findings === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: no findings.', name));
  } else {
    const show = vscode.l10n.t('Show Problems');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('{0}: findings: {1}, errors: {2}.', name, formatNumber(counts.findings), formatNumber(counts.errors)), show)
      .then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
  }
  return { uri: document.uri.toString(), ...counts };
}

/** Validate All Drafts in Workspace: a cancellable progress notification fed by the server's work-done progress. */
async function validateWorkspace(host: Host): Promise<CheckWorkspaceResult | undefined> {
  const client = await host.client();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Council Notes: validating the drafts of the workspace'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `councilNotes/checkWorkspace/${Date.now()}/${Math.random().toString(36).slice(2)}`;
      let reported = 0;
      const onProgress = (value: WorkDoneProgressBegin | WorkDoneProgressReport) => {
        const increment = value.percentage !== undefined ? Math.max(0, value.percentage - reported) : undefined;
        if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
        progress.report({ message: value.message, increment });
      };
      const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'begin' || value.kind === 'report') onProgress(value);
      });
      try {
        const answer = await client.sendRequest<CheckWorkspaceResult | null>(CHECK_WORKSPACE, { workDoneToken }, token);
        if (answer) return answer;
        if (token.isCancellationRequested) return { files: 0, findings: 0, errors: 0, cancelled: true } satisfies CheckWorkspaceResult;
        throw new Error(vscode.l10n.t('The language server gave no result; see the output channel.'));
      } catch (error) {
        if (token.isCancellationRequested) return { files: 0, findings: 0, errors: 0, cancelled: true } satisfies CheckWorkspaceResult;
        throw error;
      } finally {
        subscription.dispose();
      }
    },
  ).then(undefined, (error) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Council Notes could not validate the workspace: {0}', message(error)));
    return undefined;
  });
  if (!result) return undefined;
  if (result.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Validation of the workspace cancelled. Drafts validated: {0}.', formatNumber(result.files)));
  } else {
    const text = vscode.l10n.t(
      'Drafts validated: {0}. Findings: {1}, errors: {2}.',
      formatNumber(result.files), formatNumber(result.findings), formatNumber(result.errors),
    );
    const show = vscode.l10n.t('Show Problems');
    void vscode.window.showInformationMessage(text, ...(result.findings > 0 ? [show] : [])).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------- snippets

interface SnippetEntry { prefix: string | string[]; body: string | string[]; description?: string }

/** The note skeletons of snippets/council-notes.json, by language (prefix `note-<code>`). */
async function skeletons(host: Host): Promise<Map<string, SnippetEntry>> {
  const file = vscode.Uri.joinPath(host.context.extensionUri, 'snippets', 'council-notes.json');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, SnippetEntry>;
  const byLanguage = new Map<string, SnippetEntry>();
  for (const entry of Object.values(snippets)) {
    for (const prefix of ([] as string[]).concat(entry.prefix)) {
      const match = /^note-([a-z]{2,3})$/.exec(prefix);
      if (match && !byLanguage.has(match[1])) byLanguage.set(match[1], entry);
    }
  }
  return byLanguage;
}

/** The language to offer first: the draft's (server), else the configured one, else the UI's. */
async function preferredLanguage(host: Host, document: vscode.TextDocument | undefined): Promise<string | undefined> {
  if (document && document.getText().trim() !== '') {
    try {
      const info = await request<DocumentInfo | null>(host, DOCUMENT_INFO, { uri: document.uri.toString() });
      if (info?.language) return info.language;
    } catch {
      // No answer: fall back to the setting.
    }
  }
  const configured = vscode.workspace.getConfiguration('councilNotes', document?.uri).get<string>('language');
  if (configured && configured !== 'auto') return configured;
  return vscode.env.language.slice(0, 2);
}

export interface InsertSkeletonResult { language: string; uri: string }

/** Insert Note Skeleton: asks for the language, then inserts that language's skeleton snippet at the cursor. */
async function insertSkeleton(host: Host, language?: string): Promise<InsertSkeletonResult | undefined> {
  const available = await skeletons(host);
  let editor = vscode.window.activeTextEditor;
  if (!language) {
    const preferred = await preferredLanguage(host, isDraft(editor?.document) ? editor.document : undefined);
    const items = [...available.keys()]
      .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : 0))
      .map((code) => {
        const native = nativeLanguageName(code);
        const local = languageName(code);
        return {
          label: native,
          description: local.toLocaleLowerCase() === native.toLocaleLowerCase() ? code : `${local} · ${code}`,
          detail: available.get(code)?.description,
          code,
        };
      });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Insert Note Skeleton'),
      placeHolder: vscode.l10n.t('Language of the note'),
      matchOnDescription: true,
    });
    if (!picked) return undefined;
    language = picked.code;
  }
  const entry = available.get(language);
  if (!entry) {
    void vscode.window.showErrorMessage(vscode.l10n.t('There is no note skeleton for the language "{0}".', language));
    return undefined;
  }
  if (!editor || editor.document.languageId !== 'markdown') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const body = ([] as string[]).concat(entry.body).join('\n');
  const inserted = await editor.insertSnippet(new vscode.SnippetString(body));
  if (!inserted) return undefined;
  return { language, uri: editor.document.uri.toString() };
}

// ---------------------------------------------------------------------------------- model

/** Reload Policy Model: rereads every model file and says what is in use. */
async function reloadModel(host: Host): Promise<ModelSummary | undefined> {
  try {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reloading the policy model') },
      async () => {
        const reloaded = await request<ModelSummary | null>(host, RELOAD_MODEL);
        const summary = reloaded && typeof reloaded === 'object' && 'entities' in reloaded ? reloaded : await request<ModelSummary | null>(host, MODEL_SUMMARY);
        if (!summary) throw new Error(vscode.l10n.t('The language server gave no result; see the output channel.'));
        return summary;
      },
    );
    const total = Object.values(summary.entities).reduce((sum, n) => sum + n, 0);
    const text = vscode.l10n.t(
      'Policy model reloaded: {0}, entities: {1}, files: {2}, problems: {3}.',
      summary.name, formatNumber(total), formatNumber(summary.files.length), formatNumber(summary.problems),
    );
    if (summary.problems > 0) {
      const show = vscode.l10n.t('Show Problems');
      void vscode.window.showWarningMessage(text, show).then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    } else {
      void vscode.window.showInformationMessage(text);
    }
    return summary;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Council Notes could not reload the policy model: {0}', message(error)));
    return undefined;
  }
}

interface EntityItem extends vscode.QuickPickItem {
  entry?: ModelEntryParams;
  location?: { uri: string; range: ModelEntryLocation['range'] };
}

/** Model entities from the server's workspace symbols, as quick-pick items. */
async function entityItems(host: Host, query: string, token?: vscode.CancellationToken): Promise<EntityItem[]> {
  const client = await host.client();
  const symbols = (await client.sendRequest(WorkspaceSymbolRequest.type, { query }, token)) ?? [];
  return (symbols as (SymbolInformation | WorkspaceSymbol)[]).map((symbol) => {
    const data = (symbol as { data?: unknown }).data as Partial<ModelEntryParams> | undefined;
    const entry = data && typeof data.section === 'string' && typeof data.id === 'string' ? { section: data.section, id: data.id } : undefined;
    const location = 'range' in symbol.location ? { uri: symbol.location.uri, range: symbol.location.range } : undefined;
    const file = location ? vscode.Uri.parse(location.uri).path.split('/').pop() : undefined;
    return {
      label: symbol.name,
      description: [symbol.containerName, entry?.id].filter(Boolean).join(' · ') || undefined,
      detail: file,
      // The server has already matched the query against every name, in every language.
      alwaysShow: true,
      entry,
      location,
    };
  });
}

/** Lets the user pick a model entity; the list follows what is typed (the server filters). */
function pickEntity(host: Host): Promise<EntityItem | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<EntityItem>();
    pick.title = vscode.l10n.t('Show Policy Model Entry');
    pick.placeholder = vscode.l10n.t('Country, act, body, instrument, acronym… of the policy model');
    pick.matchOnDescription = true;
    pick.matchOnDetail = false;
    let source: vscode.CancellationTokenSource | undefined;
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const load = (query: string) => {
      source?.cancel();
      const current = (source = new vscode.CancellationTokenSource());
      pick.busy = true;
      entityItems(host, query, current.token).then(
        (items) => {
          if (current.token.isCancellationRequested) return;
          pick.items = items;
          pick.busy = false;
        },
        (error) => {
          if (current.token.isCancellationRequested) return;
          pick.busy = false;
          host.output.warn(`workspace symbols failed: ${message(error)}`);
        },
      );
    };
    const finish = (item: EntityItem | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      source?.cancel();
      resolve(item);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => load(value), 150);
    });
    pick.onDidAccept(() => {
      // Enter while the list is still loading: wait for it.
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (item) finish(item);
    });
    pick.onDidHide(() => finish(undefined));
    load('');
    pick.show();
  });
}

/** Show Policy Model Entry: picks an entity (or takes `{ section, id }`) and opens its entry (built-in files read-only). */
async function showModelEntry(host: Host, target?: ModelEntryParams): Promise<vscode.TextEditor | undefined> {
  let entry = target;
  if (!entry) {
    const picked = await pickEntity(host);
    if (!picked) return undefined;
    if (!picked.entry && picked.location) {
      // The symbol says where the entry is; the server marks built-in files with their scheme.
      return openModelEntry({ uri: picked.location.uri, range: picked.location.range, builtIn: false });
    }
    entry = picked.entry;
    if (!entry) return undefined;
  }
  try {
    const location = await request<ModelEntryLocation | null>(host, MODEL_ENTRY, entry);
    if (!location) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The policy model has no entry "{0}" in {1}.', entry.id, entry.section));
      return undefined;
    }
    host.output.debug(`model entry ${entry.section}/${entry.id} at ${entryUri(location).toString()}`);
    return await openModelEntry(location);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Council Notes could not open the model entry: {0}', message(error)));
    return undefined;
  }
}

// ---------------------------------------------------------------------------------- rule docs

interface RuleItem extends vscode.QuickPickItem { rule: string; uri: vscode.Uri }

/** The first paragraph of a rule page, as a one-line description. */
function summaryOf(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line, i) => i > 0 && line.trim() !== '' && !line.startsWith('#'));
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (let i = start; i < lines.length && lines[i].trim() !== '' && !lines[i].startsWith('#'); i++) paragraph.push(lines[i].trim());
  const text = paragraph.join(' ').replace(/\*\*|`/g, '');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** Rule pages shipped in docs/rules/ of the extension. */
async function rulePages(host: Host): Promise<RuleItem[]> {
  const dir = vscode.Uri.joinPath(host.context.extensionUri, 'docs', 'rules');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const rules = entries
    .filter(([name, type]) => type === vscode.FileType.File && /^[a-z0-9-]+\.md$/.test(name) && name !== 'README.md')
    .map(([name]) => name.slice(0, -3))
    .sort();
  return Promise.all(rules.map(async (rule) => {
    const uri = vscode.Uri.joinPath(dir, `${rule}.md`);
    let detail: string | undefined;
    try {
      detail = summaryOf(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      // Unreadable page: list it without a description.
    }
    return { label: rule, detail, rule, uri };
  }));
}

/** The rule of a Council Notes finding at the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const diagnostic = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === SOURCE && d.range.contains(position));
  const code = diagnostic?.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

/** Open Rule Documentation: picks a rule (or takes its id) and opens docs/rules/<id>.md in the Markdown preview. */
async function openRuleDocumentation(host: Host, ruleId?: string): Promise<vscode.Uri | undefined> {
  const pages = await rulePages(host);
  let page: RuleItem | undefined;
  if (ruleId) {
    page = pages.find((p) => p.rule === ruleId);
    if (!page) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The rule "{0}" has no documentation page yet.', ruleId));
      return undefined;
    }
  } else {
    const current = ruleAtCursor();
    const items: (RuleItem | vscode.QuickPickItem)[] = [];
    const first = pages.find((p) => p.rule === current);
    if (first) items.push({ ...first, description: vscode.l10n.t('finding at the cursor') }, { label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push(...pages.filter((p) => p !== first));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Open Rule Documentation'),
      placeHolder: vscode.l10n.t('Rule'),
      matchOnDetail: true,
    });
    if (!picked || !('rule' in picked)) return undefined;
    page = picked;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page.uri);
  return page.uri;
}

// ---------------------------------------------------------------------------------- links

/** "Open on EUR-Lex": the browser (or the editor's own handler for the address, in code-server too). */
async function openLink(link: unknown): Promise<boolean> {
  if (typeof link !== 'string' || !/^https?:\/\//.test(link)) return false;
  return vscode.env.openExternal(vscode.Uri.parse(link, true));
}

/**
 * Tells the server which of the server's code-action commands this client runs itself
 * (`capabilities.experimental.commands.commands`, as rust-analyzer's clients do): the server then
 * gives "Open on EUR-Lex" this extension's command instead of asking through window/showDocument.
 */
export function clientCommandsFeature(): StaticFeature {
  return {
    fillClientCapabilities(capabilities) {
      const experimental = (capabilities.experimental ?? {}) as Record<string, unknown>;
      capabilities.experimental = { ...experimental, commands: { commands: [COMMANDS.openLink] } };
    },
    initialize() { /* nothing to set up */ },
    getState: () => ({ kind: 'static' }),
    clear() { /* nothing to release */ },
  };
}

// ---------------------------------------------------------------------------------- registration

export function registerCommands(host: Host): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.validateDocument, (uri?: vscode.Uri) => validateDocument(host, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.validateWorkspace, () => validateWorkspace(host)),
    vscode.commands.registerCommand(COMMANDS.insertSkeleton, (language?: string) => insertSkeleton(host, typeof language === 'string' ? language : undefined)),
    vscode.commands.registerCommand(COMMANDS.reloadModel, () => reloadModel(host)),
    // Arguments: `{ section, id }`, or an entity of the References view (its context menu).
    vscode.commands.registerCommand(COMMANDS.showModelEntry, (arg?: unknown) => {
      const entry = arg as Partial<ModelEntryParams> | undefined;
      if (entry && typeof entry.section === 'string' && typeof entry.id === 'string') return showModelEntry(host, { section: entry.section, id: entry.id });
      return showModelEntry(host, entryOfNode(arg));
    }),
    vscode.commands.registerCommand(COMMANDS.openRuleDocumentation, (rule?: string) => openRuleDocumentation(host, typeof rule === 'string' ? rule : undefined)),
    vscode.commands.registerCommand(COMMANDS.openLink, openLink),
    registerCompareCommand(host),
  ];
}
