/**
 * Results per block of one document, kept by an editor between versions: a block whose text is
 * unchanged is not scanned or checked again (see block-check.ts for why that is exact).
 */
import type { LanguageData } from '../../../../schemas/language';
import type { ParsedDraft } from '../markdown/parse';
import type { PolicyIndex, Label } from '../model/policy-index';
import type { SpanMatch } from '../match/automaton';
import type { ReportInput } from '../rule';

/** What one block gave: findings by rule id and the names found, with offsets from the block's start. */
export interface BlockEntry { reports: Map<string, ReportInput[]>; entities?: SpanMatch<Label>[] }

/**
 * Results per block text, for one document: the findings of block rules and the names the
 * dictionary found. Entries of blocks that are gone are dropped after each check, so the cache
 * holds one draft's blocks; a change of language or model empties it.
 */
export class BlockCache {
  private entries = new Map<string, BlockEntry>();
  private language?: LanguageData;
  private model?: PolicyIndex;

  entry(key: string, language: LanguageData, model: PolicyIndex): BlockEntry {
    if (language !== this.language || model !== this.model) {
      this.entries.clear();
      this.language = language;
      this.model = model;
    }
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, entry = { reports: new Map() });
    return entry;
  }

  /** Keeps the entries of the blocks a draft still has. */
  retain(keys: readonly string[]): void {
    if (this.entries.size <= keys.length) return;
    const kept = new Map<string, BlockEntry>();
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) kept.set(key, entry);
    }
    this.entries = kept;
  }

  get size(): number { return this.entries.size; }
}

const keysOfDrafts = new WeakMap<ParsedDraft, string[]>();

/** Each block's kind, text and prose: the same three give the same findings. */
export function blockKeys(draft: ParsedDraft): string[] {
  let keys = keysOfDrafts.get(draft);
  if (!keys) {
    keys = draft.blocks.map((block) => `${block.kind}${block.depth ?? ''}\u0000${draft.text.slice(block.start, block.end)}\u0000${draft.prose.slice(block.start, block.end)}`);
    keysOfDrafts.set(draft, keys);
  }
  return keys;
}
