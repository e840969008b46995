/**
 * The language status item ({} in the status bar) of drafts and model files: the draft's
 * language and where it comes from, the policy model in use (name, entity counts, problems).
 * Clicking it opens the "Council Notes" output channel.
 */
import * as vscode from 'vscode';
import { DOCUMENT_INFO, MODEL_SUMMARY, type DocumentInfo, type ModelSummary } from '../../server/src/lsp/protocol';
import { Host, activeDraft, formatNumber, isDraft, isModelFile, languageName, request } from './host';

/** What the item shows, for tests. */
export interface StatusSnapshot {
  text: string;
  detail: string | undefined;
  severity: vscode.LanguageStatusSeverity;
  busy: boolean;
  /** The command run on click. */
  command: string | undefined;
}

export const STATUS_ITEM_ID = 'councilNotes.status';

function sectionLabel(section: string): string {
  switch (section) {
    case 'countries': return vscode.l10n.t('countries');
    case 'groups': return vscode.l10n.t('groups');
    case 'acts': return vscode.l10n.t('acts');
    case 'instruments': return vscode.l10n.t('instruments');
    case 'bodies': return vscode.l10n.t('bodies');
    case 'acronyms': return vscode.l10n.t('acronyms');
    case 'facts': return vscode.l10n.t('facts');
    case 'factKinds': return vscode.l10n.t('fact kinds');
    case 'terminology': return vscode.l10n.t('terms');
    case 'places': return vscode.l10n.t('places');
    case 'sources': return vscode.l10n.t('sources');
    default: return section;
  }
}

function sourceLabel(source: DocumentInfo['languageSource']): string {
  switch (source) {
    case 'setting': return vscode.l10n.t('from the settings');
    case 'front-matter': return vscode.l10n.t('from the front matter');
    case 'detected': return vscode.l10n.t('detected');
  }
}

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private summary: ModelSummary | undefined;
  private summaryError: string | undefined;
  private info: { uri: string; version: number; info: DocumentInfo } | undefined;
  private pending: Promise<void> = Promise.resolve();
  private generation = 0;
  /** Set when the model summary must be asked again; a superseded refresh leaves it set. */
  private modelStale = true;
  private documentTimer: NodeJS.Timeout | undefined;

  constructor(private readonly host: Host, selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, selector);
    this.item.name = vscode.l10n.t('Council Notes');
    this.item.command = { command: 'councilNotes.showOutput', title: vscode.l10n.t('Show Output'), tooltip: vscode.l10n.t('Open the Council Notes output channel') };
    this.item.text = vscode.l10n.t('Council Notes');
    this.item.busy = true;
    this.disposables.push(
      this.item,
      host.onDidChangeModel((summary) => {
        if (summary) {
          this.summary = summary;
          this.summaryError = undefined;
          void this.refresh();
        } else {
          void this.refresh({ model: true });
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // The detected language can change while typing; ask again once typing pauses.
        if (e.document !== vscode.window.activeTextEditor?.document || !isDraft(e.document)) return;
        clearTimeout(this.documentTimer);
        this.documentTimer = setTimeout(() => void this.refresh(), 500);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('councilNotes')) void this.refresh({ model: true });
      }),
    );
  }

  get snapshot(): StatusSnapshot {
    return { text: this.item.text, detail: this.item.detail, severity: this.item.severity, busy: this.item.busy, command: this.item.command?.command };
  }

  /** Asks the server again (the model summary only when `model` is set or none is known) and redraws. Resolves when drawn. */
  refresh(options: { model?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    if (options.model) this.modelStale = true;
    const run = async () => {
      if (generation !== this.generation) return; // a later refresh supersedes this one
      this.item.busy = true;
      try {
        if (this.modelStale || !this.summary) {
          this.modelStale = false;
          await this.loadSummary();
        }
        await this.loadDocumentInfo();
      } finally {
        if (generation === this.generation) this.item.busy = false;
        this.draw();
      }
    };
    this.pending = this.pending.then(run, run);
    return this.pending;
  }

  private async loadSummary(): Promise<void> {
    try {
      this.summary = await request<ModelSummary>(this.host, MODEL_SUMMARY);
      this.summaryError = undefined;
    } catch (error) {
      this.summaryError = error instanceof Error ? error.message : String(error);
      this.host.output.warn(`model summary unavailable: ${this.summaryError}`);
    }
  }

  private async loadDocumentInfo(): Promise<void> {
    const document = activeDraft();
    if (!document) {
      this.info = undefined;
      return;
    }
    try {
      const info = await request<DocumentInfo>(this.host, DOCUMENT_INFO, { uri: document.uri.toString() });
      this.info = info ? { uri: document.uri.toString(), version: document.version, info } : undefined;
    } catch (error) {
      this.info = undefined;
      this.host.output.warn(`document info unavailable for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private draw(): void {
    const parts: string[] = [];
    const document = vscode.window.activeTextEditor?.document;
    if (isDraft(document) && this.info?.uri === document.uri.toString()) {
      parts.push(vscode.l10n.t('{0} ({1})', languageName(this.info.info.language), sourceLabel(this.info.info.languageSource)));
    } else if (isModelFile(document)) {
      parts.push(vscode.l10n.t('policy model file'));
    }
    const summary = this.summary;
    if (summary) {
      const total = Object.values(summary.entities).reduce((sum, n) => sum + n, 0);
      parts.push(vscode.l10n.t('{0}: {1} entities', summary.name, formatNumber(total)));
      if (summary.problems > 0) parts.push(vscode.l10n.t('model problems: {0}', formatNumber(summary.problems)));
      const counts = Object.entries(summary.entities)
        .filter(([, n]) => n > 0)
        .map(([section, n]) => `${sectionLabel(section)}: ${formatNumber(n)}`)
        .join(', ');
      const withProblems = summary.files.filter((f) => f.problems > 0).length;
      this.item.detail = [
        counts,
        vscode.l10n.t('model files: {0}', formatNumber(summary.files.length)),
        withProblems > 0 ? vscode.l10n.t('files with problems: {0}', formatNumber(withProblems)) : undefined,
      ].filter(Boolean).join(' · ');
      this.item.severity = summary.problems > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    } else {
      parts.push(this.summaryError ? vscode.l10n.t('policy model unavailable') : vscode.l10n.t('loading the policy model…'));
      this.item.detail = this.summaryError;
      this.item.severity = this.summaryError ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    }
    this.item.text = parts.join(' · ');
    this.item.accessibilityInformation = { label: [vscode.l10n.t('Council Notes'), ...parts, this.item.detail ?? ''].join(', ') };
  }

  dispose(): void {
    clearTimeout(this.documentTimer);
    for (const d of this.disposables) d.dispose();
  }
}
