/**
 * The server's state, shared by every feature: the open documents, the model (built-in +
 * workspace files + settings) and the settings. What the core knows of each draft (its reads,
 * checks, parsers and caches) is the DraftService's (core/service.ts); this file gives the
 * service its workspace. Checks are debounced per document, a newer version supersedes a check
 * under way, and diagnostics are published only for the version that was checked.
 */
import { TextDocuments, type ClientCapabilities, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { CancelledError, type CheckSettings } from '../core/check';
import { ModelStore, type ModelBuild } from '../core/model/model-store';
import type { LanguageRegistry } from '../core/language/registry';
import { DraftService } from '../core/service';
import { ModelFileLocator } from '../core/assist/model-locate';
import type { SectionName } from '../../../schemas/policy-model';
import { originKey } from '../core/model/merge';
import type { Range } from '../core/text/positions';
import { defaultModelFiles, findFiles, loadLanguages, MODEL_FILE } from '../node/resources';
import { isInside } from '../node/write-target';
import { toDiagnostic, modelProblemToDiagnostic } from './diagnostics';
import { readSettings, DEFAULT_SETTINGS, type ServerSettings } from './settings';
import { BUILT_IN_MODEL_SCHEME, MODEL_CHANGED, type ModelSummary } from './protocol';
import { Debouncer } from './debounce';

/**
 * A model file being typed in, or changed on disk, is read again once its notices pause this
 * long. The benchmark sets COUNCIL_NOTES_DEBOUNCE_MS=0 to measure the check alone.
 */
export const DEBOUNCE_MS = Number(process.env.COUNCIL_NOTES_DEBOUNCE_MS ?? 120);
/**
 * A draft is checked this long after typing pauses: 50 ms (as cspell) rather than 120, because
 * a newer version stops a check under way at its next run of blocks, so a check started too
 * early costs little. `npm run bench -- --debounce-only` measured, typing words into a 100 KB
 * draft: findings 133 ms (p50) after the last key at 50 ms, 199 ms at 120 ms; 120 checks
 * started against 95, 48 and 40 of them stopped by a newer version.
 */
export const CHECK_DEBOUNCE_MS = Number(process.env.COUNCIL_NOTES_DEBOUNCE_MS ?? 50);
/**
 * A model file being typed in is validated after DEBOUNCE_MS, but its index (and the per-language
 * indexes drafts build from it on first use) is rebuilt only after this pause, or on save.
 */
export const MODEL_REBUILD_IDLE_MS = 1000;

export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly languages: LanguageRegistry = loadLanguages();
  readonly store = new ModelStore();
  readonly locator = new ModelFileLocator();
  settings: ServerSettings = DEFAULT_SETTINGS;
  workspaceFolders: string[] = [];
  workspaceModelFiles: string[] = [];
  build: ModelBuild | undefined;
  /** Increases with every model build: a snapshot of an older model is stale. */
  generation = 0;
  capabilities: ClientCapabilities = {};
  /** `initializationOptions.builtInModelUris: "file"` gives file URIs for the built-in model (editors without the custom scheme). */
  builtInModelUris: 'scheme' | 'file' = 'scheme';
  supportsConfiguration = false;
  /** The client's display language (InitializeParams.locale), for messages when councilNotes.locale is "auto". */
  clientLocale: string | undefined;
  /** Drafts whose diagnostics a workspace check published while they were not open. */
  readonly workspacePublished = new Set<string>();
  /** The core's side of every open draft: reads, checks, parsers, caches. */
  readonly service = new DraftService({
    languages: this.languages,
    model: () => this.build && { index: this.build.index, generation: this.generation },
    settings: () => this.checkSettings(),
    readFile: (file) => this.textOf(file),
    drafts: () => this.workspaceDrafts().map((file) => ({ file, uri: URI.file(file).toString() })),
    entityLocations: (section, id) => this.entityLocations(section, id).map(({ uri, range }) => ({ uri, range })),
  });
  /** Draft checks by document uri, model updates by file. */
  private readonly checks = new Debouncer();
  private readonly modelUpdates = new Debouncer();
  private readonly publishedModelFiles = new Set<string>();
  private modelRebuildTimer: NodeJS.Timeout | undefined;
  private readonly modelNames = new Map<string, string>();
  /** A hash of the text each model file was last loaded from: an unchanged file is not parsed again, nor the model rebuilt. */
  private readonly loadedHashes = new Map<string, string>();
  private defaultFiles: string[] | undefined;
  /** More diagnostics for a checked draft, published with its check's (features/compare-diagnostics.ts). */
  readonly diagnosticSources: ((document: TextDocument) => Diagnostic[])[] = [];

  constructor(readonly connection: Connection) {}

  log(message: string): void { this.connection.console.log(`[council-notes] ${message}`); }

  // --- settings and model ----------------------------------------------------------------------

  /**
   * Settings come from workspace/configuration; clients that cannot answer it (Neovim 0.7) send
   * them in didChangeConfiguration instead, under `councilNotes`.
   */
  async refreshSettings(pushed?: unknown): Promise<void> {
    const section = (pushed as { councilNotes?: unknown } | null | undefined)?.councilNotes;
    if (!this.supportsConfiguration) {
      if (section !== undefined) this.settings = readSettings(section);
      return;
    }
    try {
      this.settings = readSettings(await this.connection.workspace.getConfiguration('councilNotes'));
    } catch (error) {
      this.log(`could not read settings: ${(error as Error).message}`);
    }
  }

  checkSettings(): CheckSettings {
    const locale = this.settings.locale === 'auto' ? this.clientLocale : this.settings.locale;
    return { language: this.settings.language, locale, rules: this.settings.rules, ...(this.settings.maxDocumentSize ? { maxDocumentSize: this.settings.maxDocumentSize } : {}) };
  }

  builtInFiles(): string[] { return this.defaultFiles ??= defaultModelFiles(); }

  isBuiltIn(file: string): boolean { return this.builtInFiles().includes(file); }

  /** Model files in layering order: built-in, workspace files, then files named in settings. */
  modelOrder(): string[] {
    const fromSettings = this.settings.modelFiles.map((file) => resolveAgainstWorkspace(file, this.workspaceFolders));
    const order = [...(this.settings.useDefault ? this.builtInFiles() : []), ...this.workspaceModelFiles, ...fromSettings];
    return [...new Set(order)];
  }

  /** The text of a file: the open document's, else the file on disk (undefined if unreadable). */
  textOf(file: string): string | undefined {
    const open = this.documents.get(URI.file(file).toString());
    if (open) return open.getText();
    try { return readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); } catch { return undefined; }
  }

  /** Loads a model file into the store unless its text is the one loaded last; true if the store changed. */
  private loadFile(file: string): boolean {
    const text = this.textOf(file);
    if (text === undefined) {
      this.log(`cannot read model file ${file}`);
      const had = this.store.has(file);
      this.store.remove(file);
      this.loadedHashes.delete(file);
      return had;
    }
    if (this.store.has(file) && this.loadedHashes.get(file) === contentHash(text)) return false;
    this.loadText(file, text);
    return true;
  }

  private loadText(file: string, text: string): void {
    this.loadedHashes.set(file, contentHash(text));
    const loaded = this.store.update(file, text);
    if (loaded.model?.name) this.modelNames.set(file, loaded.model.name);
  }

  removeModelFile(file: string): void {
    this.store.remove(file);
    this.loadedHashes.delete(file);
    this.locator.forget(file);
  }

  /** Finds and loads the model files again and rebuilds; with `onlyIfChanged`, only if a file or its content changed. */
  reloadModel(reason: string, onlyIfChanged = false): void {
    const before = this.workspaceModelFiles.join('\n');
    this.workspaceModelFiles = this.workspaceFolders.flatMap((folder) => {
      try { return findFiles([folder], (name) => MODEL_FILE.test(name)); } catch { return []; }
    });
    let changed = this.workspaceModelFiles.join('\n') !== before;
    for (const file of this.modelOrder()) changed = this.loadFile(file) || changed;
    for (const file of this.store.files) {
      if (!this.modelOrder().includes(file)) { this.removeModelFile(file); changed = true; }
    }
    if (onlyIfChanged && !changed && this.build) { this.log(`model files unchanged (${reason}): not rebuilt`); return; }
    this.rebuild(reason);
  }

  /**
   * Model files changed on disk (didChangeWatchedFiles): the notices are coalesced the way typing
   * in a model document is (debounceModel), and the model is rebuilt once they pause, only if a
   * file's content changed. Until then requests are answered from the last model.
   */
  modelFilesChangedOnDisk(files: string[]): void {
    for (const file of files) this.locator.forget(file);
    this.debounceModel('files on disk', () => this.reloadModel('model files changed on disk', true));
  }

  /**
   * Runs `update` once the notices for `key` pause for DEBOUNCE_MS, and at the latest
   * MODEL_REBUILD_IDLE_MS after the first of them (a file rewritten without pause is still read).
   */
  private debounceModel(key: string, update: () => void): void {
    this.modelUpdates.schedule(key, DEBOUNCE_MS, update, MODEL_REBUILD_IDLE_MS);
  }

  /** Builds the model from the store and re-checks every open draft against it. */
  rebuild(reason: string): void {
    const started = Date.now();
    this.buildModel();
    const problemCount = [...this.build!.problems.values()].reduce((sum, list) => sum + list.length, 0);
    this.log(`model built (${reason}): ${this.build!.index.entityCount} entities from ${this.build!.index.merged.files.length} files, ${problemCount} problems, ${Date.now() - started} ms`);
    if (this.capabilities.workspace?.semanticTokens?.refreshSupport) void this.connection.languages.semanticTokens.refresh().catch(() => undefined);
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** Builds the model and publishes its problems; drafts are checked against it when next checked. */
  private buildModel(): void {
    clearTimeout(this.modelRebuildTimer);
    this.modelRebuildTimer = undefined;
    this.build = this.store.build(this.modelOrder());
    this.generation++;
    this.publishModelProblems();
    void this.connection.sendNotification(MODEL_CHANGED, this.modelSummary());
  }

  publishModelProblems(byFile = this.build?.problems): void {
    if (!byFile) return;
    const setting = this.settings.rules['model-schema'];
    const current = new Set<string>();
    for (const [file, problems] of byFile) {
      if (this.isBuiltIn(file) && problems.length === 0) continue;
      const uri = URI.file(file).toString();
      current.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: setting === 'off' ? [] : problems.map((p) => modelProblemToDiagnostic(p, setting)) });
    }
    for (const uri of this.publishedModelFiles) if (!current.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedModelFiles.clear();
    for (const uri of current) this.publishedModelFiles.add(uri);
  }

  /**
   * Re-validates a model file as it is typed (its problems, also those found after merging, without
   * building an index); the model is rebuilt once typing pauses, and drafts are re-checked on save.
   */
  modelDocumentChanged(document: TextDocument): void {
    const file = URI.parse(document.uri).fsPath;
    this.debounceModel(file, () => {
      this.loadModelDocument(file, document);
      this.publishModelProblems(this.store.problems(this.modelOrder()));
    });
    clearTimeout(this.modelRebuildTimer);
    this.modelRebuildTimer = setTimeout(() => this.buildModel(), Math.max(MODEL_REBUILD_IDLE_MS, DEBOUNCE_MS));
  }

  /**
   * A saved model file: its pending debounced update is applied now, so the rebuild (and the
   * re-check of every draft) sees the text that was saved, not the one before the last edit.
   */
  modelDocumentSaved(document: TextDocument): void {
    const file = URI.parse(document.uri).fsPath;
    if (this.cancelModelUpdate(file)) this.loadModelDocument(file, document);
    this.rebuild(`saved ${file}`);
  }

  /** Cancels the debounced update of a model file (a closed document must not reach the store later); true if one was pending. */
  cancelModelUpdate(file: string): boolean {
    return this.modelUpdates.cancel(file);
  }

  private loadModelDocument(file: string, document: TextDocument): void {
    if (!this.workspaceModelFiles.includes(file) && !this.modelOrder().includes(file)) this.workspaceModelFiles.push(file);
    this.loadText(file, document.getText());
  }

  modelSummary(): ModelSummary {
    const build = this.build;
    const files = build ? [...build.problems.entries()].map(([path, problems]) => ({ path, problems: problems.length })) : [];
    const entities: Record<string, number> = {};
    if (build) for (const [section, map] of Object.entries(build.index.merged.sections)) entities[section] = map.size;
    // The name of the last workspace layer that has one; the built-in model otherwise.
    const extra = this.modelOrder().filter((file) => !this.isBuiltIn(file));
    const named = extra.map((file) => this.modelNames.get(file)).filter((name): name is string => !!name);
    const base = this.settings.useDefault ? 'Built-in policy model' : 'Workspace policy model';
    const name = named.at(-1) ?? (extra.length > 0 && this.settings.useDefault ? `${base} + ${extra.length} workspace file${extra.length === 1 ? '' : 's'}` : base);
    return {
      name,
      files,
      entities,
      problems: files.reduce((sum, file) => sum + file.problems, 0),
    };
  }

  // --- model files as the client sees them -----------------------------------------------------

  /** The URI under which the client opens a model file (built-in files: read-only scheme). */
  modelFileUri(file: string): string {
    if (this.isBuiltIn(file) && this.builtInModelUris === 'scheme') return URI.from({ scheme: BUILT_IN_MODEL_SCHEME, path: `/${basename(file)}` }).toString();
    return URI.file(file).toString();
  }

  /** The built-in file a `council-notes-model:` URI names; never any other file. */
  builtInFileOf(uri: string): string | undefined {
    let parsed: URI;
    try { parsed = URI.parse(uri); } catch { return undefined; }
    if (parsed.scheme !== BUILT_IN_MODEL_SCHEME) return undefined;
    const name = parsed.path.replace(/^\/+/, '');
    return this.builtInFiles().find((file) => basename(file) === name);
  }

  /** Every place an entity is defined or extended, defining layer first. */
  entityLocations(section: SectionName, id: string): { file: string; uri: string; range: Range; builtIn: boolean }[] {
    const origins = this.build?.index.merged.origins.get(originKey(section, id)) ?? [];
    const out: { file: string; uri: string; range: Range; builtIn: boolean }[] = [];
    for (const origin of origins) {
      const text = this.textOf(origin.file);
      if (text === undefined) continue;
      const range = this.locator.locate(origin.file, text, origin.section, origin.index) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      out.push({ file: origin.file, uri: this.modelFileUri(origin.file), range, builtIn: this.isBuiltIn(origin.file) });
    }
    return out;
  }

  // --- drafts ----------------------------------------------------------------------------------

  isModelDocument(uri: string): boolean { return MODEL_FILE.test(URI.parse(uri).path); }

  isDraft(document: TextDocument): boolean {
    return document.languageId === 'markdown' || /\.(md|markdown)$/i.test(URI.parse(document.uri).path);
  }

  /** Markdown drafts of the workspace (open drafts outside it included). */
  workspaceDrafts(): string[] {
    const files = new Set<string>();
    for (const folder of this.workspaceFolders) {
      try { for (const file of findFiles([folder], (name) => /\.(md|markdown)$/i.test(name))) files.add(file); } catch { /* folder gone */ }
    }
    for (const document of this.documents.all()) {
      const uri = URI.parse(document.uri);
      if (uri.scheme === 'file' && this.isDraft(document)) files.add(uri.fsPath);
    }
    return [...files].sort();
  }

  /** The workspace folder holding a file, or the first folder. */
  folderOf(file: string): string | undefined {
    return this.workspaceFolders.find((folder) => isInside(file, folder)) ?? this.workspaceFolders[0];
  }

  /**
   * The model file that "add to workspace policy model" writes into: a workspace model file
   * without errors in the draft's folder (`council-notes.policy.yaml` first, then the shallowest),
   * else `council-notes.policy.yaml` at the folder's root (which may exist, broken, or be a link:
   * the caller resolves it before writing).
   */
  workspaceModelTarget(draftFile: string | undefined, fileName: string): { file: string; folder: string } | undefined {
    const folder = draftFile ? this.folderOf(draftFile) : this.workspaceFolders[0];
    if (!folder) return undefined;
    const candidates = this.workspaceModelFiles
      .filter((file) => isInside(file, folder))
      .filter((file) => !(this.build?.problems.get(file) ?? []).some((p) => p.severity === 'error'))
      .sort((a, b) => Number(basename(b) === fileName) - Number(basename(a) === fileName) || a.split(sep).length - b.split(sep).length || a.localeCompare(b));
    return { file: candidates[0] ?? join(folder, fileName), folder };
  }

  /** Checks a draft once its edits pause for `delay` (one debouncer per document). */
  schedule(document: TextDocument, delay = CHECK_DEBOUNCE_MS): void {
    this.checks.schedule(document.uri, delay, () => void this.validate(document.uri));
  }

  /** Checks a draft's current version and publishes its diagnostics, unless a newer version superseded it. */
  async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || !this.build || !this.isDraft(document)) return;
    const version = document.version;
    try {
      const result = await this.service.check(uri);
      // A newer version is on its way: its own check will publish.
      if (!result || this.documents.get(uri)?.version !== version) return;
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [...result.findings.map(toDiagnostic), ...this.diagnosticSources.flatMap((source) => source(document))] });
      this.service.releaseIdle(uri);
    } catch (error) {
      if (error instanceof CancelledError) return;
      this.log(`check of ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  }

  /** A closed draft: no check of it is pending or runs on. */
  cancelPending(uri: string): void {
    this.checks.cancel(uri);
    this.service.close(uri);
  }
}

/** Equal texts, equal hashes: whether a model file changed, without keeping its text. */
function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

export function resolveAgainstWorkspace(file: string, folders: string[]): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return file;
  return join(folders[0] ?? process.cwd(), file);
}

