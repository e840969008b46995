/**
 * The "Council Notes: References" view in the Explorer: what the current draft cites (countries,
 * acts and articles, bodies, instruments, …), grouped by kind with counts, as the server found
 * them. Clicking an entry selects its first mention; an entry mentioned more than once expands to
 * every mention.
 */
import * as vscode from 'vscode';
import { DOCUMENT_REFERENCES, type DocumentReferences, type ReferencedEntity } from '../../server/src/lsp/protocol';
import { Host, activeDraft, formatNumber, isDraft, request } from './host';

export const REFERENCES_VIEW_ID = 'councilNotes.references';
export const REVEAL_COMMAND = 'councilNotes.revealReference';

type Kind = ReferencedEntity['kind'];

export type ReferenceNode =
  | { type: 'group'; kind: Kind; uri: vscode.Uri; entities: ReferencedEntity[] }
  | { type: 'entity'; uri: vscode.Uri; entity: ReferencedEntity }
  | { type: 'mention'; uri: vscode.Uri; entity: ReferencedEntity; range: vscode.Range };

/** A plain picture of the tree, for tests. */
export interface ReferenceSnapshot {
  label: string;
  description?: string;
  command?: { command: string; arguments?: unknown[] };
  /** For entities: where their model entry is (what "Show Policy Model Entry" opens from the view). */
  entry?: { section: string; id: string };
  children?: ReferenceSnapshot[];
}

const SECTION_OF_KIND: Record<Kind, string> = {
  country: 'countries', act: 'acts', article: 'acts', body: 'bodies', instrument: 'instruments', acronym: 'acronyms', group: 'groups',
};

/** The model entry of a referenced entity (an article's entry is its act's). */
export function entryOf(entity: Pick<ReferencedEntity, 'kind' | 'id'>): { section: string; id: string } | undefined {
  const section = SECTION_OF_KIND[entity.kind];
  return section ? { section, id: entity.kind === 'article' ? entity.id.replace(/#.*$/, '') : entity.id } : undefined;
}

/** A References view node given to a command from the view's context menu, if that is what `arg` is. */
export function entryOfNode(arg: unknown): { section: string; id: string } | undefined {
  const node = arg as ReferenceNode | undefined;
  if (!node || typeof node !== 'object' || (node.type !== 'entity' && node.type !== 'mention')) return undefined;
  return entryOf(node.entity);
}

export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'country': return vscode.l10n.t('Countries');
    case 'act': return vscode.l10n.t('Acts');
    case 'article': return vscode.l10n.t('Articles');
    case 'body': return vscode.l10n.t('Bodies');
    case 'instrument': return vscode.l10n.t('Instruments');
    case 'acronym': return vscode.l10n.t('Acronyms');
    case 'group': return vscode.l10n.t('Groups of countries');
    default: return String(kind);
  }
}

function kindIcon(kind: Kind): vscode.ThemeIcon {
  const icons: Record<Kind, string> = {
    country: 'globe', act: 'law', article: 'symbol-number', body: 'organization',
    instrument: 'tools', acronym: 'symbol-key', group: 'symbol-array',
  };
  return new vscode.ThemeIcon(icons[kind] ?? 'symbol-misc');
}

const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class ReferencesProvider implements vscode.TreeDataProvider<ReferenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReferenceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly view: vscode.TreeView<ReferenceNode>;
  /** The draft shown: the active draft, or the last one while another kind of editor is active. */
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: Host) {
    this.view = vscode.window.createTreeView(REFERENCES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.document = activeDraft();
    this.disposables.push(
      this.view,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDraft(editor.document) && editor.document !== this.document) {
          this.document = editor.document;
          this.refresh();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== this.document) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), 400);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.document) return;
        this.document = activeDraft();
        this.refresh();
      }),
      host.onDidChangeModel(() => this.refresh()),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.refresh();
      }),
    );
  }

  /** Asks VS Code to read the tree again (it calls getChildren only while the view is visible). */
  refresh(): void {
    clearTimeout(this.timer);
    this.changed.fire(undefined);
  }

  getTreeItem(node: ReferenceNode): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const item = new vscode.TreeItem(kindLabel(node.kind), vscode.TreeItemCollapsibleState.Expanded);
        const mentions = node.entities.reduce((sum, e) => sum + e.ranges.length, 0);
        item.description = formatNumber(node.entities.length);
        item.tooltip = vscode.l10n.t('{0}: {1} cited, mentions: {2}', kindLabel(node.kind), formatNumber(node.entities.length), formatNumber(mentions));
        item.iconPath = kindIcon(node.kind);
        item.id = `${node.uri.toString()}#${node.kind}`;
        item.contextValue = 'councilNotes.referenceGroup';
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const several = entity.ranges.length > 1;
        const item = new vscode.TreeItem(entity.label, several ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = several ? `${formatNumber(entity.ranges.length)}×` : undefined;
        item.tooltip = new vscode.MarkdownString().appendText(`${entity.label}\n${kindLabel(entity.kind)} · ${entity.id}`);
        item.iconPath = kindIcon(entity.kind);
        item.id = `${node.uri.toString()}#${entity.kind}/${entity.id}`;
        item.contextValue = 'councilNotes.referencedEntity';
        if (entity.ranges[0]) item.command = this.revealCommand(node.uri, toRange(entity.ranges[0]));
        return item;
      }
      case 'mention': {
        const line = node.range.start.line;
        const item = new vscode.TreeItem(vscode.l10n.t('Line {0}', formatNumber(line + 1)), vscode.TreeItemCollapsibleState.None);
        item.description = this.lineText(node.uri, line);
        item.id = `${node.uri.toString()}#${node.entity.kind}/${node.entity.id}@${line}:${node.range.start.character}`;
        item.command = this.revealCommand(node.uri, node.range);
        return item;
      }
    }
  }

  async getChildren(node?: ReferenceNode): Promise<ReferenceNode[]> {
    if (!node) return this.roots();
    if (node.type === 'group') return node.entities.map((entity) => ({ type: 'entity', uri: node.uri, entity }));
    if (node.type === 'entity') {
      return node.entity.ranges.map((range) => ({ type: 'mention', uri: node.uri, entity: node.entity, range: toRange(range) }));
    }
    return [];
  }

  private async roots(): Promise<ReferenceNode[]> {
    const document = this.document && !this.document.isClosed ? this.document : (this.document = activeDraft());
    if (!document) {
      this.view.description = undefined;
      this.view.message = vscode.l10n.t('Open a Markdown draft to see what it cites.');
      return [];
    }
    this.view.description = vscode.workspace.asRelativePath(document.uri, false);
    let references: DocumentReferences | null;
    try {
      references = await request<DocumentReferences | null>(this.host, DOCUMENT_REFERENCES, { uri: document.uri.toString() });
    } catch (error) {
      this.view.message = vscode.l10n.t('The references could not be read: {0}', error instanceof Error ? error.message : String(error));
      return [];
    }
    const groups = (references?.groups ?? []).filter((g) => g.entities.length > 0);
    this.view.message = groups.length === 0 ? vscode.l10n.t('This draft cites nothing the policy model knows.') : undefined;
    return groups.map((g) => ({ type: 'group', kind: g.kind, uri: document.uri, entities: g.entities }));
  }

  /** The tree as VS Code would draw it, fully expanded, for tests. */
  async snapshot(node?: ReferenceNode): Promise<ReferenceSnapshot[]> {
    const children = await this.getChildren(node);
    return Promise.all(children.map(async (child) => {
      const item = this.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const snap: ReferenceSnapshot = { label };
      if (typeof item.description === 'string') snap.description = item.description;
      if (item.command) snap.command = { command: item.command.command, arguments: item.command.arguments };
      if (child.type === 'entity') snap.entry = entryOf(child.entity);
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) snap.children = await this.snapshot(child);
      return snap;
    }));
  }

  private revealCommand(uri: vscode.Uri, range: vscode.Range): vscode.Command {
    return { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal in Draft'), arguments: [uri, range] };
  }

  private lineText(uri: vscode.Uri, line: number): string | undefined {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || line >= document.lineCount) return undefined;
    const text = document.lineAt(line).text.trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Selects a range of a draft and scrolls it into view. */
export async function revealReference(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
