/**
 * The server's state, shared by every feature: the open documents, the model (built-in +
 * workspace files + settings), the settings, and per document the last analysis and check for
 * its version, so that features never re-check a version needlessly. Checks are debounced per
 * document, superseded checks are cancelled, and diagnostics are published only for the
 * version that was checked.
 */
import { TextDocuments, type ClientCapabilities, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { checkDraft, CancelledError, DEFAULT_MAX_DOCUMENT_SIZE, type CancellationToken, type CheckResult, type CheckSettings } from '../core/check';
import { ModelStore, type ModelBuild } from '../core/model/model-store';
import type { LanguageRegistry } from '../core/language/registry';
import { readDraft, readTree, type ParsedDraft } from '../core/markdown/parse';
import { IncrementalParser } from '../core/markdown/incremental';
import { BlockCache } from '../core/analysis/block-cache';
import { analyseDraft, type DraftView } from '../core/assist/analyse';
import { ModelFileLocator } from '../core/assist/model-locate';
import type { SectionName } from '../../../schemas/policy-model';
import type { LanguageData } from '../../../schemas/language';
import { originKey } from '../core/model/merge';
import type { Range } from '../core/text/positions';
import { defaultModelFiles, findFiles, loadLanguages, MODEL_FILE } from '../node/resources';
import { isInside } from '../node/write-target';
import { toDiagnostic, modelProblemToDiagnostic } from './diagnostics';
import { readSettings, DEFAULT_SETTINGS, type ServerSettings } from './settings';
import { BUILT_IN_MODEL_SCHEME, MODEL_CHANGED, type ModelSummary } from './protocol';

/**
 * Long enough to skip intermediate keystrokes, short enough to feel immediate. The benchmark sets
 * COUNCIL_NOTES_DEBOUNCE_MS=0 to measure the check alone.
 */
export const DEBOUNCE_MS = Number(process.env.COUNCIL_NOTES_DEBOUNCE_MS ?? 120);
/**
 * A model file being typed in is validated after DEBOUNCE_MS, but its index (and the per-language
 * indexes drafts build from it on first use) is rebuilt only after this pause, or on save.
 */
export const MODEL_REBUILD_IDLE_MS = 1000;
/** Documents whose parse tree is kept for incremental reparsing: the ones being typed in. */
const INCREMENTAL_DOCUMENTS = 4;

/** One version of a draft, read once: its analysis, and its check once it has run. */
export interface Snapshot {
  uri: string;
  version: number;
  text: string;
  /** Model generation and settings the snapshot was made with. */
  key: string;
  /** The parsed text (of the part features read, for a draft above maxDocumentSize). */
  readonly draft: ParsedDraft;
  view?: DraftView;
  result?: CheckResult;
  /** Its parse and analysis were let go to save memory (see releaseIdleAnalyses). */
  released?: boolean;
}

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
  private readonly snapshots = new Map<string, Snapshot>();
  /**
   * For the documents parsed last (least recent first): the incremental parser, and the block
   * cache that keeps the findings of unchanged paragraphs.
   */
  private readonly parsers = new Map<string, { parser: IncrementalParser; blocks: BlockCache }>();
  private readonly fileViews = new Map<string, Snapshot>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly tokens = new Map<string, { isCancellationRequested: boolean }>();
  private readonly publishedModelFiles = new Set<string>();
  private readonly modelTimers = new Map<string, NodeJS.Timeout>();
  /** When the first notice of a pending debounced model update came (see debounceModel). */
  private readonly modelTimerStarts = new Map<string, number>();
  private modelRebuildTimer: NodeJS.Timeout | undefined;
  private readonly modelNames = new Map<string, string>();
  private readonly lastLanguages = new Map<string, string>();
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

  /**
   * The part of a text the editor features read: all of it, or for a draft above
   * maxDocumentSize the part the check reads (up to the last blank line before the limit).
   */
  featureText(text: string): string {
    const limit = this.settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
    if (text.length <= limit) return text;
    const blank = text.lastIndexOf('\n\n', limit);
    return text.slice(0, blank > 0 ? blank : limit);
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
    clearTimeout(this.modelTimers.get(key));
    const first = this.modelTimerStarts.get(key) ?? Date.now();
    this.modelTimerStarts.set(key, first);
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, first + MODEL_REBUILD_IDLE_MS - Date.now()));
    this.modelTimers.set(key, setTimeout(() => {
      this.modelTimers.delete(key);
      this.modelTimerStarts.delete(key);
      update();
    }, delay));
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
    this.snapshots.clear();
    this.fileViews.clear();
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
    const timer = this.modelTimers.get(file);
    clearTimeout(timer);
    this.modelTimers.delete(file);
    this.modelTimerStarts.delete(file);
    return timer !== undefined;
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

  private snapshotKey(): string { return `${this.generation}|${JSON.stringify(this.checkSettings())}`; }

  /** The snapshot of the document's current version (made now if there is none). */
  snapshot(document: TextDocument): Snapshot | undefined {
    if (!this.build) return undefined;
    const key = this.snapshotKey();
    const known = this.snapshots.get(document.uri);
    if (known && known.version === document.version && known.key === key) return known;
    const text = document.getText();
    const featureText = this.featureText(text);
    let draft: ParsedDraft | undefined;
    // Parsed on first use: a check of a draft above the size limit parses only its own part.
    const parse = () => this.parse(document.uri, featureText);
    const snapshot = { uri: document.uri, version: document.version, text, key, get draft() { return draft ??= parse(); } } as Snapshot;
    this.snapshots.set(document.uri, snapshot);
    return snapshot;
  }

  /**
   * Keeps the parse and analysis only for the documents being worked on; others keep their check
   * result (for code actions) and parse again on demand. Twenty open 100 KB drafts would
   * otherwise hold twenty trees and analyses.
   */
  private releaseIdleAnalyses(current: string): void {
    for (const [uri, snapshot] of this.snapshots) {
      if (uri === current || this.parsers.has(uri) || snapshot.released) continue;
      const { version, text, key, result } = snapshot;
      const featureText = this.featureText(text);
      const parse = () => this.parse(uri, featureText);
      let draft: ParsedDraft | undefined;
      this.snapshots.set(uri, { uri, version, text, key, result, released: true, get draft() { return draft ??= parse(); } } as Snapshot);
    }
  }

  /** Parses a document's text, reusing its previous tree where the edit allows (see IncrementalParser). */
  private parse(uri: string, text: string): ParsedDraft {
    return readTree(text, this.workingState(uri).parser.parse(text));
  }

  /** The parser and block cache of a document being worked on; only the last few keep theirs. */
  private workingState(uri: string): { parser: IncrementalParser; blocks: BlockCache } {
    let state = this.parsers.get(uri);
    if (state) this.parsers.delete(uri);
    else state = { parser: new IncrementalParser(), blocks: new BlockCache() };
    this.parsers.set(uri, state);
    // Trees and caches take memory: only the documents edited last keep theirs.
    while (this.parsers.size > INCREMENTAL_DOCUMENTS) this.parsers.delete(this.parsers.keys().next().value!);
    return state;
  }

  /** The block cache of a document whose draft is the whole text (a partial check has none). */
  private blockCacheOf(snapshot: Snapshot): BlockCache | undefined {
    return snapshot.draft.text.length === snapshot.text.length ? this.parsers.get(snapshot.uri)?.blocks : undefined;
  }

  /** The analysis of the document's current version: no rule runs for it. */
  view(document: TextDocument): (Snapshot & { view: DraftView }) | undefined {
    const snapshot = this.snapshot(document);
    if (!snapshot || !this.build) return undefined;
    snapshot.view ??= analyseDraft(snapshot.draft.text, this.build.index, this.languages, this.checkSettings(), snapshot.draft, this.blockCacheOf(snapshot));
    this.lastLanguages.set(document.uri, snapshot.view.language.code);
    return snapshot as Snapshot & { view: DraftView };
  }

  /** The check of the document's current version, run now if it has not run yet. Throws CancelledError. */
  checked(document: TextDocument, token?: CancellationToken): (Snapshot & { result: CheckResult }) | undefined {
    const snapshot = this.snapshot(document);
    if (!snapshot || !this.build) return undefined;
    const whole = snapshot.draft.text.length === snapshot.text.length;
    // The features' analysis of this version is the check's too: names are scanned once.
    const analysis = whole ? this.view(document)?.view?.analysis : undefined;
    snapshot.result ??= checkDraft({ text: snapshot.text, draft: whole ? snapshot.draft : undefined, analysis, blockCache: this.blockCacheOf(snapshot), model: this.build.index, languages: this.languages, settings: this.checkSettings(), token });
    this.lastLanguages.set(document.uri, snapshot.result.language);
    return snapshot as Snapshot & { result: CheckResult };
  }

  /** The analysis of a draft on disk (or open), for workspace-wide features; cached per text. */
  viewOfFile(file: string): DraftView | undefined {
    if (!this.build) return undefined;
    const open = this.documents.get(URI.file(file).toString());
    if (open) return this.view(open)?.view;
    const text = this.textOf(file);
    if (text === undefined) return undefined;
    const key = this.snapshotKey();
    const known = this.fileViews.get(file);
    if (known && known.key === key && known.text === text && known.view) return known.view;
    const draft = readDraft(this.featureText(text));
    const view = analyseDraft(draft.text, this.build.index, this.languages, this.checkSettings(), draft);
    this.fileViews.set(file, { uri: URI.file(file).toString(), version: 0, text, key, draft, view });
    return view;
  }

  /** The language of the document's last analysed version (cheap: nothing is parsed). */
  lastLanguage(uri: string): LanguageData | undefined {
    const code = this.lastLanguages.get(uri);
    return code ? this.languages.get(code) : undefined;
  }

  forget(uri: string): void { this.snapshots.delete(uri); this.lastLanguages.delete(uri); this.parsers.delete(uri); }

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

  schedule(document: TextDocument, delay = DEBOUNCE_MS): void {
    const uri = document.uri;
    clearTimeout(this.timers.get(uri));
    const previous = this.tokens.get(uri);
    if (previous) previous.isCancellationRequested = true;
    this.timers.set(uri, setTimeout(() => { this.timers.delete(uri); this.validate(uri); }, delay));
  }

  validate(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || !this.build || !this.isDraft(document)) return;
    const token = { isCancellationRequested: false };
    this.tokens.set(uri, token);
    const version = document.version;
    try {
      const checked = this.checked(document, token);
      // A newer version is on its way: its own check will publish.
      if (!checked || token.isCancellationRequested || this.documents.get(uri)?.version !== version) return;
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [...checked.result.findings.map(toDiagnostic), ...this.diagnosticSources.flatMap((source) => source(document))] });
      this.releaseIdleAnalyses(uri);
    } catch (error) {
      if (error instanceof CancelledError) return;
      this.log(`check of ${uri} failed: ${(error as Error).stack ?? error}`);
    } finally {
      if (this.tokens.get(uri) === token) this.tokens.delete(uri);
    }
  }

  cancelPending(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const token = this.tokens.get(uri);
    if (token) token.isCancellationRequested = true;
    this.forget(uri);
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

