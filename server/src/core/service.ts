/**
 * The core as one service for editors (the model: vscode-markdown-languageservice's
 * createLanguageService). Documents are opened, updated and closed; every feature (check,
 * completion, hover, definition, references, symbols, code actions, comparison) asks the
 * service by document uri, and the service reads each version of a document once: it owns the
 * per-version reads, the incremental parsers, the per-document block caches and the size-limit
 * cut. A newer version supersedes a check of an older one that is under way.
 *
 * The workspace (file reading, settings, the model, where model entries are) is injected as a
 * small interface, so the service runs without LSP: the language server translates LSP to it
 * and back (server/src/lsp/), and the tests call it directly (test/unit/service.test.ts).
 */
import type { LanguageData } from '../../../schemas/language';
import type { SectionName } from '../../../schemas/policy-model';
import { CancelledError, checkDraft, checkDraftAsync, checkedLength, type CancellationToken, type CheckResult, type CheckSettings } from './check';
import type { Finding } from './findings';
import type { LanguageRegistry } from './language/registry';
import type { PolicyIndex } from './model/policy-index';
import { readDraft, readTree, type ParsedDraft } from './markdown/parse';
import { IncrementalParser } from './markdown/incremental';
import { BlockCache, blockRuns } from './analysis/block-cache';
import type { DraftAnalysis } from './analysis/draft-analysis';
import { analyseDraft } from './assist/analyse';
import { completionCandidates, quickContext, type CompletionResult } from './assist/completion';
import { entityCard } from './assist/cards';
import { entityRefs, refAt, refKey } from './assist/entity-refs';
import { documentSymbols, type DraftSymbol } from './assist/symbols';
import { compareVersions, type CompareFinding } from './compare/compare';
import { fixUntilStable, type Eol, type FixOutcome } from './fix/apply';
import type { Range } from './text/positions';

/** An open document as the service sees it (vscode-languageserver-textdocument's TextDocument is one). */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Location { uri: string; range: Range }

/** What the service needs of the workspace; the language server and the tests each give one. */
export interface ServiceWorkspace {
  readonly languages: LanguageRegistry;
  /** The model drafts are checked against and its generation (each build a new one); undefined until one is built. */
  model(): { index: PolicyIndex; generation: number } | undefined;
  /** The check settings of a document. */
  settings(uri: string): CheckSettings;
  /** A file's text (an open document's, else on disk); undefined if it cannot be read. */
  readFile(file: string): string | undefined;
  /** The workspace's Markdown drafts, for references across them. */
  drafts(): { uri: string; file: string }[];
  /** Where an entity is defined or extended in the model files, defining layer first. */
  entityLocations(section: SectionName, id: string): Location[];
}

/** One version of a document, read once: its parse, its analysis, and its check once it has run. */
export interface DocumentVersion {
  readonly uri: string;
  readonly version: number;
  /** The whole text (fixes and edits are made against it). */
  readonly text: string;
  /** The part that is parsed, analysed and checked: the text up to the size-limit cut. */
  readonly draft: ParsedDraft;
  /** Its analysis (no rule runs for it). */
  readonly analysis: DraftAnalysis;
}

interface VersionState {
  uri: string;
  version: number;
  text: string;
  /** Model generation and settings the read was made with: another key is another read. */
  key: string;
  draft?: ParsedDraft;
  analysis?: DraftAnalysis;
  result?: CheckResult;
  /** The check under way, shared by everyone who asks for it. */
  running?: Promise<CheckResult>;
}

/** Documents whose parse tree and block cache are kept between versions: the ones being typed in. */
const INCREMENTAL_DOCUMENTS = 4;

export class DraftService {
  private readonly documents = new Map<string, ServiceDocument>();
  private readonly versions = new Map<string, VersionState>();
  /** The documents read last (least recent first): their incremental parser and block cache. */
  private readonly working = new Map<string, { parser: IncrementalParser; blocks: BlockCache }>();
  /** Reads of drafts on disk (references across the workspace), by file. */
  private readonly fileReads = new Map<string, { key: string; text: string; analysis: DraftAnalysis }>();
  /** Originals compared with, by file: read again only when their text or the model changes. */
  private readonly originals = new Map<string, { key: string; text: string; analysis: DraftAnalysis }>();
  private readonly languageCodes = new Map<string, string>();

  constructor(private readonly workspace: ServiceWorkspace) {}

  // --- documents ---------------------------------------------------------------------------------

  open(document: ServiceDocument): void { this.documents.set(document.uri, document); }

  /** A new version: a check of an older one that is under way stops at its next step. */
  update(document: ServiceDocument): void { this.documents.set(document.uri, document); }

  close(uri: string): void {
    this.documents.delete(uri);
    this.versions.delete(uri);
    this.working.delete(uri);
    this.languageCodes.delete(uri);
  }

  isOpen(uri: string): boolean { return this.documents.has(uri); }

  /** The read of the document's current version (made now if there is none); undefined before a model is built or for a closed document. */
  read(uri: string): DocumentVersion | undefined {
    const state = this.current(uri);
    if (!state) return undefined;
    return state as DocumentVersion;
  }

  /** The language of the document's last read version: nothing is parsed. */
  lastLanguage(uri: string): LanguageData | undefined {
    const code = this.languageCodes.get(uri);
    return code ? this.workspace.languages.get(code) : undefined;
  }

  // --- checks ------------------------------------------------------------------------------------

  /**
   * The check of the document's current version, run now if it has not run (one run per
   * version, shared by all who ask). The check lets the event loop in between runs of blocks;
   * throws CancelledError when a newer version (or another model or settings) supersedes it,
   * or when `token` asks.
   */
  async check(uri: string, token?: CancellationToken): Promise<CheckResult | undefined> {
    const state = this.current(uri);
    if (!state) return undefined;
    if (state.result) return state.result;
    state.running ??= this.run(state).finally(() => { state.running = undefined; });
    const result = await state.running;
    if (token?.isCancellationRequested) throw new CancelledError();
    return result;
  }

  /** The check of a version already checked, without running one. */
  checked(uri: string): (DocumentVersion & { result: CheckResult }) | undefined {
    const state = this.current(uri);
    return state?.result ? state as DocumentVersion & { result: CheckResult } : undefined;
  }

  /** A check of a text that is no open document (a closed draft on disk, an intermediate text of a fix); synchronous. */
  checkText(uri: string, text: string, token?: CancellationToken): CheckResult | undefined {
    const model = this.workspace.model();
    return model && checkDraft({ text, model: model.index, languages: this.workspace.languages, settings: this.workspace.settings(uri), token });
  }

  /** Every safe fix of the document's current version applied, re-checking until nothing is left (as `--fix` does). */
  async fixAll(uri: string, eol: Eol, token?: CancellationToken): Promise<FixOutcome | undefined> {
    const state = this.current(uri);
    const result = await this.check(uri, token);
    if (!state || !result) return undefined;
    return fixUntilStable(state.text, (text) => text === state.text ? result.findings : this.checkText(uri, text, token)!.findings, { eol });
  }

  private async run(state: VersionState): Promise<CheckResult> {
    const model = this.workspace.model()!;
    const read = this.readOf(state);
    const service = this;
    // Looked at between every two steps of the check: a superseded check stops there.
    const superseded = { get isCancellationRequested() { return service.superseded(state); } };
    const result = await checkDraftAsync({
      text: state.text, draft: read.draft, analysis: read.analysis, blockCache: this.working.get(state.uri)?.blocks,
      model: model.index, languages: this.workspace.languages, settings: this.workspace.settings(state.uri), token: superseded,
    });
    state.result = result;
    this.languageCodes.set(state.uri, result.language);
    return result;
  }

  /** Whether a version's state is no longer the current one (a newer version, another key, closed). */
  private superseded(state: VersionState): boolean {
    const document = this.documents.get(state.uri);
    return !document || document.version !== state.version || this.versions.get(state.uri) !== state || state.key !== this.keyOf(state.uri);
  }

  // --- features ----------------------------------------------------------------------------------

  /**
   * Completion at an offset. After a space, a cheap test first (the line before the cursor, in
   * the language read last): a space only completes after "Article", a citation word or in a list.
   */
  complete(uri: string, offset: number, options: { explicit?: boolean; afterSpace?: boolean } = {}): (CompletionResult & { language: LanguageData }) | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (options.afterSpace) {
      const text = document.getText();
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const language = this.lastLanguage(uri) ?? this.read(uri)?.analysis.language;
      if (!language || !quickContext(text.slice(lineStart, offset), language)) return undefined;
    }
    const read = this.read(uri);
    if (!read) return undefined;
    return { ...completionCandidates(read.analysis, offset, options), language: read.analysis.language };
  }

  /** The model's card (Markdown) for the entity at an offset, and the entity's span. */
  hover(uri: string, offset: number): { markdown: string; start: number; end: number } | undefined {
    const read = this.read(uri);
    const ref = read && refAt(read.analysis, offset);
    if (!read || !ref) return undefined;
    const markdown = entityCard(read.analysis.model, read.analysis.language, ref.section, ref.id, { article: ref.article });
    return markdown ? { markdown, start: ref.start, end: ref.end } : undefined;
  }

  /** Where the entity at an offset is defined in the model files. */
  definition(uri: string, offset: number): Location[] {
    const read = this.read(uri);
    const ref = read && refAt(read.analysis, offset);
    return ref ? this.workspace.entityLocations(ref.section, ref.id) : [];
  }

  /** Every mention of the entity at an offset in the workspace's drafts (and this document), declarations first if asked. */
  references(uri: string, offset: number, options: { includeDeclaration?: boolean } = {}, token?: CancellationToken): Location[] {
    const read = this.read(uri);
    const target = read && refAt(read.analysis, offset);
    if (!read || !target) return [];
    const key = refKey(target);
    const locations = options.includeDeclaration ? [...this.workspace.entityLocations(target.section, target.id)] : [];
    const mentions = (at: string, analysis: DraftAnalysis) => {
      for (const ref of entityRefs(analysis)) if (refKey(ref) === key) locations.push({ uri: at, range: analysis.lines.rangeOf(ref.start, ref.end) });
    };
    let thisOne = false;
    for (const { uri: at, file } of this.workspace.drafts()) {
      if (token?.isCancellationRequested) throw new CancelledError();
      const analysis = this.readFile(file, at);
      if (analysis) mentions(at, analysis);
      thisOne ||= at === uri;
    }
    // An open draft that is not a file of the workspace (untitled) still counts.
    if (!thisOne) mentions(uri, read.analysis);
    return locations;
  }

  /** Headings, questions to ministers and footnotes of the document. */
  symbols(uri: string): DraftSymbol[] {
    const document = this.documents.get(uri);
    return document ? documentSymbols(document.getText()) : [];
  }

  /**
   * What code actions are made from: the check of the document's current version with its read
   * (the action lists themselves are in lsp/features/code-actions.ts).
   */
  async codeActions(uri: string, token?: CancellationToken): Promise<(DocumentVersion & { result: CheckResult; findingsIn(start: number, end: number): Finding[] }) | undefined> {
    const result = await this.check(uri, token);
    const read = this.read(uri);
    if (!result || !read) return undefined;
    return { ...read, result, findingsIn: (start, end) => result.findings.filter((f) => f.start <= end && f.end >= start) };
  }

  /**
   * The document compared with its original (a file): the original read in its own language,
   * once per text and model. `problem` when the original is the document itself or unreadable.
   */
  compare(uri: string, originalFile: string, self = false): { findings: CompareFinding[]; translation: DraftAnalysis; original: DraftAnalysis } | { problem: string } | undefined {
    const read = this.read(uri);
    if (!read) return undefined;
    if (self) return { problem: 'The original named here is this draft itself.' };
    const text = this.workspace.readFile(originalFile);
    if (text === undefined) return { problem: `The original "${originalFile}" cannot be read: no comparison.` };
    const key = this.modelKey();
    let known = this.originals.get(originalFile);
    if (!known || known.key !== key || known.text !== text) {
      // The original in its own language (its front matter, else detected), whatever the setting says of the translation.
      const model = this.workspace.model()!;
      known = { key, text, analysis: analyseDraft(text.slice(0, checkedLength(text, this.workspace.settings(uri))), model.index, this.workspace.languages) };
      this.originals.set(originalFile, known);
    }
    return { findings: compareVersions(known.analysis, read.analysis).findings, translation: read.analysis, original: known.analysis };
  }

  /** The read of a draft file (an open document's, else the file on disk); cached per text. */
  readFile(file: string, uri: string): DraftAnalysis | undefined {
    if (this.documents.has(uri)) return this.read(uri)?.analysis;
    const model = this.workspace.model();
    const text = this.workspace.readFile(file);
    if (!model || text === undefined) return undefined;
    const key = this.keyOf(uri);
    const known = this.fileReads.get(file);
    if (known && known.key === key && known.text === text) return known.analysis;
    const settings = this.workspace.settings(uri);
    const draft = readDraft(text.slice(0, checkedLength(text, settings)));
    const analysis = analyseDraft(draft.text, model.index, this.workspace.languages, settings, draft);
    this.fileReads.set(file, { key, text, analysis });
    return analysis;
  }

  /**
   * Lets the parse and analysis go for documents not being worked on (their check result stays,
   * for code actions); they are read again on demand. Twenty open 100 KB drafts would otherwise
   * hold twenty trees and analyses.
   */
  releaseIdle(current: string): void {
    for (const [uri, state] of this.versions) {
      if (uri === current || this.working.has(uri)) continue;
      state.draft = undefined;
      state.analysis = undefined;
    }
  }

  /** For the benchmark: how many runs of blocks the current version has, and how many were checked anew so far. */
  blockStats(uri: string): { runs: number; checkedAnew: number } | undefined {
    const read = this.read(uri);
    const blocks = this.working.get(uri)?.blocks;
    return read && blocks && { runs: blockRuns(read.draft).length, checkedAnew: blocks.created };
  }

  // --- reads -------------------------------------------------------------------------------------

  private modelKey(): string { return String(this.workspace.model()?.generation); }

  private keyOf(uri: string): string { return `${this.modelKey()}|${JSON.stringify(this.workspace.settings(uri))}`; }

  /** The state of the document's current version (a new one if the version, model or settings changed). */
  private current(uri: string): (VersionState & DocumentVersion) | undefined {
    const document = this.documents.get(uri);
    if (!document || !this.workspace.model()) return undefined;
    const key = this.keyOf(uri);
    let state = this.versions.get(uri);
    if (!state || state.version !== document.version || state.key !== key) {
      state = { uri, version: document.version, text: document.getText(), key };
      this.versions.set(uri, state);
    }
    return this.readOf(state);
  }

  /** Parses and analyses a version on first use (a draft above the size limit: only its checked part). */
  private readOf(state: VersionState): VersionState & DocumentVersion {
    const model = this.workspace.model()!;
    const settings = this.workspace.settings(state.uri);
    const working = this.workingState(state.uri);
    if (!state.draft) {
      const part = state.text.slice(0, checkedLength(state.text, settings));
      state.draft = readTree(part, working.parser.parse(part));
    }
    state.analysis ??= analyseDraft(state.draft.text, model.index, this.workspace.languages, settings, state.draft, working.blocks);
    this.languageCodes.set(state.uri, state.analysis.language.code);
    return state as VersionState & DocumentVersion;
  }

  /** The parser and block cache of a document being worked on; only the last few keep theirs. */
  private workingState(uri: string): { parser: IncrementalParser; blocks: BlockCache } {
    let state = this.working.get(uri);
    if (state) this.working.delete(uri);
    else state = { parser: new IncrementalParser(), blocks: new BlockCache() };
    this.working.set(uri, state);
    // Trees and caches take memory: only the documents edited last keep theirs.
    while (this.working.size > INCREMENTAL_DOCUMENTS) this.working.delete(this.working.keys().next().value!);
    return state;
  }
}
