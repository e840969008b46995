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
}

export interface RuleContext {
  analysis: DraftAnalysis;
  language: LanguageData;
  report(input: ReportInput): void;
}

export interface Rule extends RuleMeta {
  /** Absent for rules whose findings come from elsewhere (model-schema: the model loader). */
  check?(context: RuleContext): void;
}

export type { Finding };
