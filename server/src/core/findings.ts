/** What the core reports: plain data, no LSP types (the server and CLI convert at the edge). */
import type { Range } from './text/positions';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A text edit that fixes a finding; offsets are UTF-16 code units into the checked text. */
export interface Replacement { start: number; end: number; newText: string }

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
  /** A safe automatic fix, when there is exactly one right answer. */
  fix?: Replacement[];
  /** A page about what was found (unknown-act: the act on EUR-Lex); editors link the rule code to it. */
  link?: string;
}
