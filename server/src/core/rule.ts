/** A rule: one module per rule, with a stable id (part of the CLI contract) and its documentation. */
import type { LanguageData } from '../../../schemas/language';
import type { SectionName } from '../../../schemas/policy-model';
import type { Finding, Replacement, Severity } from './findings';
import type { DraftAnalysis } from './analysis/draft-analysis';
import type { Message } from './messages/message';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

/**
 * Whether a kind of fix may be applied unseen (by `--fix`, fix-all, source.fixAll):
 * - "safe": always; it cannot change a fact or the grammar of its sentence (a citation's form,
 *   a date's format, a misspelling corrected to the same word form);
 * - "unsafe": never; it is offered in the quick-fix menu and shown as a suggestion;
 * - "grammar": where the grammar module (language/grammar.ts) finds the replacement fits its
 *   sentence (article, elision, case), with the data of languages/<code>.json "grammar"; the
 *   rule reports that decision with each fix (`FixInput.safe`), and an unsaid one is unsafe.
 */
export type FixSafety = 'safe' | 'unsafe' | 'grammar';

/** A kind of fix a rule offers, declared in the rule module (and stated on its docs page). */
export interface FixDeclaration {
  /** The menu title, from the text the fix replaces and what it writes. */
  title: (change: { old: string; new: string; detail?: string }) => string | Message;
  safety: FixSafety;
  /** Each of the finding's suggestions is offered as this fix, replacing the finding's text. */
  fromSuggestions?: boolean;
}

/** A fix as a rule reports it: which declared kind, its edits, and (for "grammar" kinds) whether it is safe. */
export interface FixInput {
  kind: string;
  edits: Replacement[];
  safe?: boolean;
  /** Words for the title beyond the replaced and the new text ("Serbia" in "Add the missing members: Serbia"). */
  detail?: string;
}

/**
 * An entry for the workspace policy model that makes a finding go away because the drafter says
 * the draft is right ("Add to workspace policy model"; core/assist/model-edit.ts writes it).
 */
export interface ModelAddition {
  section: SectionName;
  entry: Record<string, unknown>;
  /** Title of the code action. */
  title: string;
  /**
   * The name a new entity is given. A name that is a near miss of a known name (a misspelling) is
   * never added: it would be accepted everywhere. Absent for an addition to a known entity (a
   * group's member, a dated fact, an acronym made well known) and for an act (named by its number).
   */
  newName?: string;
}

/** What "add to workspace policy model" means for a rule's findings. */
export interface ModelAdditionDeclaration {
  /** The model sections it may write into. */
  sections: readonly SectionName[];
  /** The entries offered for a finding, one per kind of entity it may name (empty when none fits). */
  additions(finding: Finding, analysis: DraftAnalysis): ModelAddition[];
  /** Also offered for all of a draft's findings of the rule at once, in one edit, with this title. */
  everyTitle?: (count: number) => string;
}

export interface ReportInput {
  start: number;
  end: number;
  /** Written in the UI locale when the finding is made (messages/render.ts); a plain string is taken as it is. */
  message: string | Message;
  suggestions?: string[];
  /** Shorthand for `fixes: [{ kind: <the rule's first declared kind>, edits: fix }]`. */
  fix?: Replacement[];
  fixes?: FixInput[];
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
  /** The kinds of fix the rule offers, by name, with their titles and safety. */
  fixes?: Record<string, FixDeclaration>;
  /** What "add to workspace policy model" writes for a finding; absent when nothing sensible can be added. */
  modelAddition?: ModelAdditionDeclaration;
  /** Absent for rules whose findings come from elsewhere (model-schema: the model loader). */
  check?(context: RuleContext): void;
}

export type { Finding };
