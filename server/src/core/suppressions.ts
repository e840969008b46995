/**
 * Inline directives that silence rules, as drafters know them from markdownlint and ESLint:
 *   <!-- council-notes-disable-next-line rule-id -->
 *   <!-- council-notes-disable-line rule-id -->
 *   <!-- council-notes-disable rule-id --> … <!-- council-notes-enable rule-id -->
 *   <!-- council-notes-disable-file rule-id -->
 * Without a rule id a directive covers every rule; several ids are separated by spaces or commas.
 */
import type { Finding } from './findings';
import type { Comment } from './markdown/parse';
import type { LineIndex } from './text/positions';

export const DIRECTIVE_PREFIX = 'council-notes-';
const DIRECTIVE = /^council-notes-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';
interface Directive { kind: Kind; rules: string[] | 'all'; offset: number; line: number }

export function readDirectives(comments: readonly Comment[], lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const kind = match[1] as Kind;
    // The line a directive speaks of: its own, or the one after the comment ends.
    const line = kind === 'disable-next-line' ? lines.positionAt(comment.end).line + 1 : lines.positionAt(comment.start).line;
    directives.push({ kind, rules: rules.length > 0 ? rules : 'all', offset: comment.start, line });
  }
  return directives;
}

const covers = (rules: string[] | 'all', rule: string) => rules === 'all' || rules.includes(rule);

/** Drops the findings that a directive silences. */
export function applyDirectives(findings: Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  return findings.filter((finding) => !directives.some((d) => silences(d, finding, directives)));
}

function silences(directive: Directive, finding: Finding, all: readonly Directive[]): boolean {
  if (!covers(directive.rules, finding.rule)) return false;
  switch (directive.kind) {
    case 'disable-file': return true;
    case 'disable-line': case 'disable-next-line': return finding.range.start.line === directive.line;
    case 'disable': {
      if (finding.start < directive.offset) return false;
      // Silenced until an enable for this rule comes between the directive and the finding.
      return !all.some((other) => other.kind === 'enable' && covers(other.rules, finding.rule) && other.offset > directive.offset && other.offset < finding.start);
    }
    default: return false;
  }
}
