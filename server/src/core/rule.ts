/** A rule: one module per rule, with a stable id (part of the CLI contract) and its documentation. */
import type { LanguageData } from '../../../schemas/language';
import type { Finding, Replacement, Severity } from './findings';
import type { DraftAnalysis } from './analysis/draft-analysis';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

export interface ReportInput {
  start: number;
  end: number;
  message: string;
  suggestions?: string[];
  fix?: Replacement[];
  link?: string;
}

export interface RuleContext {
  analysis: DraftAnalysis;
  language: LanguageData;
  report(input: ReportInput): void;
}

export interface Rule extends RuleMeta {
  /**
   * "block": the rule's findings in a paragraph, heading or table cell depend on that block alone
   * (with the language and the model), so it is run block by block and an editor reuses the
   * findings of unchanged blocks (analysis/block-check.ts). Such a rule must not read footnotes,
   * comments or other blocks. Default "document".
   */
  scope?: 'document' | 'block';
  /** Absent for rules whose findings come from elsewhere (model-schema: the model loader). */
  check?(context: RuleContext): void;
}

export type { Finding };
