/**
 * Block by block: rules whose findings in a paragraph, heading or table cell depend only on that
 * block (with the language and the model) run on runs of a few blocks at a time (blockRuns), and
 * an editor keeps their findings per run text in a BlockCache. A keystroke then re-runs them on
 * the run it changed; the other runs' findings are reused, moved to where their run now stands.
 *
 * Prose outside blocks is all barrier (see markdown/parse.ts), and every scan stops at a barrier,
 * so a rule sees in a run alone exactly what it sees of those blocks in the whole draft.
 * test/unit/block-check.test.ts compares the two on generated drafts.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { ParsedDraft } from '../markdown/parse';
import type { LanguageRegistry } from '../language/registry';
import type { PolicyIndex } from '../model/policy-index';
import type { ReportInput, Rule } from '../rule';
import { DraftAnalysis } from './draft-analysis';
import { movedReport } from '../fix/declarations';
import { blockRuns, runDraft, type BlockCache, type BlockEntry } from './block-cache';

export interface BlockCheckInput {
  draft: ParsedDraft;
  language: LanguageData;
  languages: LanguageRegistry;
  model: PolicyIndex;
  rules: readonly Rule[];
  cache?: BlockCache;
}

/**
 * Runs block rules on every run of blocks; `report` receives each finding with offsets in the
 * draft. Yields before each run: where a check may stop (see checkDraftAsync in ../check.ts).
 */
export function* checkBlocks(input: BlockCheckInput, report: (rule: Rule, found: ReportInput) => void): Generator<void, void, void> {
  const { draft, language, languages, model, rules, cache } = input;
  const runs = blockRuns(draft);
  for (const run of runs) {
    yield;
    const entry: BlockEntry = cache ? cache.entry(run.key, language, model) : { reports: new Map() };
    let analysis: DraftAnalysis | undefined;
    for (const rule of rules) {
      let reports = entry.reports.get(rule.id);
      if (!reports) {
        const found: ReportInput[] = [];
        analysis ??= new DraftAnalysis(runDraft(draft, run), language, languages, model).useScans(entry);
        rule.check!({ analysis, language, report: (input) => { found.push(input); } });
        entry.reports.set(rule.id, reports = found);
      }
      for (const found of reports) report(rule, movedReport(found, run.start));
    }
  }
  cache?.retain(runs);
}

