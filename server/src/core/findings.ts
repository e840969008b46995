/** What the core reports: plain data, no LSP types (the server and CLI convert at the edge). */
import type { Range } from './text/positions';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A text edit that fixes a finding; offsets are UTF-16 code units into the checked text. */
export interface Replacement { start: number; end: number; newText: string }

/** A correction of a finding, as its rule declares it (see rule.ts `FixDeclaration`). */
export interface Fix {
  /** What applying it does, in words ("Replace deprecated "Turkey" with "Türkiye""). */
  title: string;
  /**
   * Safe: it cannot change a fact or the grammar of its sentence, and a drafter would accept it
   * unseen. `--fix`, fix-all and source.fixAll apply only safe fixes; the others are offered in
   * the quick-fix menu and shown as suggestions by the CLI.
   */
  safe: boolean;
  edits: FixEdit[];
}

/** An edit of a fix with its range in the checked text (0-based lines, UTF-16 characters). */
export interface FixEdit extends Replacement { range?: Range }

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Offsets into the checked text. */
  start: number;
  end: number;
  range: Range;
  /** Replacement texts a user may choose from, best first. */
  suggestions?: string[];
  /** The corrections a user may choose from, best first (safe ones first). */
  fixes?: Fix[];
  /** The edits of the first safe entry of `fixes`: what `--fix` and fix-all apply. Set by the core. */
  fix?: Replacement[];
  /** A page about what was found (unknown-act: the act on EUR-Lex); editors link the rule code to it. */
  link?: string;
}
