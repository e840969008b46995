/**
 * The language server: a thin LSP layer over the core. It keeps the open documents, the model
 * (built-in + workspace files + settings), debounces checks per document, cancels superseded
 * checks, and publishes diagnostics only for the document version that was checked.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  type Connection, type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readFileSync } from 'node:fs';
import { checkDraft, CancelledError, type CheckSettings } from '../core/check';
import { ModelStore, type ModelBuild } from '../core/model/model-store';
import type { LanguageRegistry } from '../core/language/registry';
import { defaultModelFiles, findFiles, loadLanguages, MODEL_FILE } from '../node/resources';
import { toDiagnostic, modelProblemToDiagnostic } from './diagnostics';
import { readSettings, DEFAULT_SETTINGS, type ServerSettings } from './settings';

/** Long enough to skip intermediate keystrokes, short enough to feel immediate. */
const DEBOUNCE_MS = 120;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const languages: LanguageRegistry = loadLanguages();
  const store = new ModelStore();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let workspaceFolders: string[] = [];
  let workspaceModelFiles: string[] = [];
  let build: ModelBuild | undefined;
  let supportsConfiguration = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const tokens = new Map<string, { isCancellationRequested: boolean }>();
  const publishedModelFiles = new Set<string>();

  const log = (message: string) => connection.console.log(`[council-notes] ${message}`);

  connection.onInitialize((params: InitializeParams) => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
    return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, workspace: { workspaceFolders: { supported: true } } } };
  });

  connection.onInitialized(async () => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'councilNotes' });
    await refreshSettings();
    reloadModel('startup');
  });

  async function refreshSettings(): Promise<void> {
    if (!supportsConfiguration) return;
    try {
      settings = readSettings(await connection.workspace.getConfiguration('councilNotes'));
    } catch (error) {
      log(`could not read settings: ${(error as Error).message}`);
    }
  }

  /** Model files in layering order: built-in, workspace files, then files named in settings. */
  function modelOrder(): string[] {
    const fromSettings = settings.modelFiles.map((file) => resolveAgainstWorkspace(file, workspaceFolders));
    const order = [...(settings.useDefault ? defaultModelFiles() : []), ...workspaceModelFiles, ...fromSettings];
    return [...new Set(order)];
  }

  function loadFile(file: string): void {
    const open = documents.get(URI.file(file).toString());
    try {
      store.update(file, open ? open.getText() : readFileSync(file, 'utf8'));
    } catch (error) {
      log(`cannot read model file ${file}: ${(error as Error).message}`);
      store.remove(file);
    }
  }

  function reloadModel(reason: string): void {
    workspaceModelFiles = workspaceFolders.flatMap((folder) => {
      try { return findFiles([folder], (name) => MODEL_FILE.test(name)); } catch { return []; }
    });
    for (const file of modelOrder()) loadFile(file);
    rebuild(reason);
  }

  function rebuild(reason: string): void {
    const started = Date.now();
    build = store.build(modelOrder());
    const problemCount = [...build.problems.values()].reduce((sum, list) => sum + list.length, 0);
    log(`model built (${reason}): ${build.index.entityCount} entities from ${build.index.merged.files.length} files, ${problemCount} problems, ${Date.now() - started} ms`);
    publishModelProblems();
    for (const document of documents.all()) schedule(document, 0);
  }

  function publishModelProblems(): void {
    if (!build) return;
    const modelSchemaSetting = settings.rules['model-schema'];
    const current = new Set<string>();
    for (const [file, problems] of build.problems) {
      if (file.startsWith(defaultModelDir()) && problems.length === 0) continue;
      const uri = URI.file(file).toString();
      current.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: modelSchemaSetting === 'off' ? [] : problems.map((p) => modelProblemToDiagnostic(p, modelSchemaSetting)) });
    }
    for (const uri of publishedModelFiles) if (!current.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedModelFiles.clear();
    for (const uri of current) publishedModelFiles.add(uri);
  }

  function isModelDocument(uri: string): boolean { return MODEL_FILE.test(URI.parse(uri).path); }
  function isDraft(document: TextDocument): boolean {
    return document.languageId === 'markdown' || /\.(md|markdown)$/i.test(URI.parse(document.uri).path);
  }

  function schedule(document: TextDocument, delay = DEBOUNCE_MS): void {
    const uri = document.uri;
    clearTimeout(timers.get(uri));
    const previous = tokens.get(uri);
    if (previous) previous.isCancellationRequested = true;
    timers.set(uri, setTimeout(() => { timers.delete(uri); validate(uri); }, delay));
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document || !build || !isDraft(document)) return;
    const token = { isCancellationRequested: false };
    tokens.set(uri, token);
    const version = document.version;
    try {
      const checkSettings: CheckSettings = { language: settings.language, rules: settings.rules };
      const result = checkDraft({ text: document.getText(), model: build.index, languages, settings: checkSettings, token });
      // A newer version is on its way: its own check will publish.
      if (token.isCancellationRequested || documents.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map(toDiagnostic) });
    } catch (error) {
      if (error instanceof CancelledError) return;
      log(`check of ${uri} failed: ${(error as Error).stack ?? error}`);
    } finally {
      if (tokens.get(uri) === token) tokens.delete(uri);
    }
  }

  documents.onDidOpen(({ document }) => {
    if (isModelDocument(document.uri)) { modelDocumentChanged(document); return; }
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (isModelDocument(document.uri)) { modelDocumentChanged(document); return; }
    schedule(document);
  });
  documents.onDidSave(({ document }) => {
    if (isModelDocument(document.uri)) rebuild(`saved ${URI.parse(document.uri).fsPath}`);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    const token = tokens.get(document.uri);
    if (token) token.isCancellationRequested = true;
    if (isModelDocument(document.uri)) {
      // Back to the version on disk.
      const file = URI.parse(document.uri).fsPath;
      if (store.has(file)) { loadFile(file); rebuild(`closed ${file}`); }
      return;
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** Re-validates a model file as it is typed; drafts are re-checked on save (see onDidSave). */
  const modelTimers = new Map<string, NodeJS.Timeout>();
  function modelDocumentChanged(document: TextDocument): void {
    const file = URI.parse(document.uri).fsPath;
    clearTimeout(modelTimers.get(file));
    modelTimers.set(file, setTimeout(() => {
      if (!workspaceModelFiles.includes(file) && !modelOrder().includes(file)) workspaceModelFiles.push(file);
      store.update(file, document.getText());
      build = store.build(modelOrder());
      publishModelProblems();
    }, DEBOUNCE_MS));
  }

  connection.onDidChangeConfiguration(async () => {
    const before = modelOrder().join('\n');
    await refreshSettings();
    // Only a change of model files rebuilds the model; rule and language settings just re-check.
    if (modelOrder().join('\n') !== before) reloadModel('model settings changed');
    else {
      publishModelProblems();
      for (const document of documents.all()) schedule(document, 0);
    }
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = URI.parse(change.uri).fsPath;
      if (!MODEL_FILE.test(file)) continue;
      if (change.type === 3) store.remove(file);
    }
    reloadModel('model files changed on disk');
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function defaultModelDir(): string {
  const files = defaultModelFiles();
  return files.length > 0 ? files[0].slice(0, files[0].lastIndexOf('/') + 1) : '\u0000';
}

function resolveAgainstWorkspace(file: string, folders: string[]): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return file;
  return `${folders[0] ?? process.cwd()}/${file}`;
}
