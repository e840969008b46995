/**
 * Results per block of one document, kept by an editor between versions: a block whose text is
 * unchanged is not scanned or checked again (see block-check.ts for why that is exact).
 */
import type { LanguageData } from '../../../../schemas/language';
import type { Block, ParsedDraft, Span } from '../markdown/parse';
import type { PolicyIndex, Label } from '../model/policy-index';
import type { SpanMatch } from '../match/automaton';
import type { ReportInput } from '../rule';
import type { Citation } from './citations';
import type { DateMention } from './dates';
import type { AcronymUse } from './acronyms';

/** What one block gave: findings by rule id and what the scans found, with offsets from the block's start. */
export interface BlockEntry {
  reports: Map<string, ReportInput[]>;
  entities?: SpanMatch<Label>[];
  citations?: Citation[];
  dates?: DateMention[];
  /** Acronym uses before the draft-wide exemptions (see combineAcronymUses). */
  acronyms?: AcronymUse[];
  /** Rules' own scans of the run's prose, by name (DraftAnalysis.scanByRun). */
  scans?: Map<string, readonly Span[]>;
}

/**
 * Results per block text, for one document: the findings of block rules and the names the
 * dictionary found. Entries of blocks that are gone are dropped after each check, so the cache
 * holds one draft's blocks; a change of language or model empties it.
 */
export class BlockCache {
  private entries = new Map<string, BlockEntry>();
  /** Entries made so far: each is a run of blocks that was scanned and checked anew. */
  created = 0;
  private language?: LanguageData;
  private model?: PolicyIndex;

  entry(key: string, language: LanguageData, model: PolicyIndex): BlockEntry {
    if (language !== this.language || model !== this.model) {
      this.entries.clear();
      this.language = language;
      this.model = model;
    }
    let entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, entry = { reports: new Map() });
      this.created++;
    }
    return entry;
  }

  /** Keeps the entries of the runs a draft still has. */
  retain(runs: readonly BlockRun[]): void {
    if (this.entries.size <= runs.length) return;
    const kept = new Map<string, BlockEntry>();
    for (const { key } of runs) {
      const entry = this.entries.get(key);
      if (entry) kept.set(key, entry);
    }
    this.entries = kept;
  }

  get size(): number { return this.entries.size; }
}

/** Consecutive blocks checked and cached together, with their key (kinds, text and prose). */
export interface BlockRun { start: number; end: number; blocks: Block[]; key: string }

/**
 * A run ends after a block whose text hashes to 0 mod RUN_HASH_MODULUS, so that runs hold about
 * that many blocks and where they end depends only on the blocks' own text: an edit changes its
 * own run (and at most the next), never the runs after it. Runs are capped in blocks and length.
 */
const RUN_HASH_MODULUS = 8;
const RUN_MAX_BLOCKS = 32;
const RUN_MAX_LENGTH = 16_000;

const runsOfDrafts = new WeakMap<ParsedDraft, BlockRun[]>();

/**
 * The draft's blocks in runs. Checking a paragraph on its own costs a little (an analysis per
 * unit), so small blocks are grouped; a keystroke re-checks one run of a few blocks.
 */
export function blockRuns(draft: ParsedDraft): BlockRun[] {
  let runs = runsOfDrafts.get(draft);
  if (runs) return runs;
  runs = [];
  let current: Block[] = [];
  const close = () => {
    const start = current[0].start;
    const end = current[current.length - 1].end;
    const kinds = current.map((block) => `${block.kind}${block.depth ?? ''}@${block.start - start}`).join(',');
    runs!.push({ start, end, blocks: current, key: `${kinds}\u0000${draft.text.slice(start, end)}\u0000${draft.prose.slice(start, end)}` });
    current = [];
  };
  for (const block of draft.blocks) {
    current.push(block);
    const length = block.end - current[0].start;
    if (hashOf(draft.text, block.start, block.end) % RUN_HASH_MODULUS === 0 || current.length >= RUN_MAX_BLOCKS || length >= RUN_MAX_LENGTH) close();
  }
  if (current.length > 0) close();
  runsOfDrafts.set(draft, runs);
  return runs;
}

/**
 * A draft of a run of blocks, offsets from its start. Footnotes and comments are left out: block
 * rules and the per-run scans do not read them (footnote rules and directives work on the whole draft).
 */
export function runDraft(draft: ParsedDraft, run: BlockRun): ParsedDraft {
  return {
    text: draft.text.slice(run.start, run.end),
    prose: draft.prose.slice(run.start, run.end),
    blocks: run.blocks.map((block) => ({ ...block, start: block.start - run.start, end: block.end - run.start })),
    footnoteReferences: [],
    footnoteDefinitions: [],
    comments: [],
  };
}

/** FNV-1a over a stretch of text: cheap, and the same text always gives the same value. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
