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

/**
 * Drops the findings that a directive silences, in one sweep over findings and directives in
 * text order (linear, however many directives and findings a draft has).
 */
export function applyDirectives(findings: Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  const fileWide = directives.filter((d) => d.kind === 'disable-file');
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  }
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.offset - b.offset);
  // The region state at the current point of the sweep.
  let allDisabled = false;
  const disabled = new Set<string>();
  const reEnabled = new Set<string>();
  let next = 0;
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  const silenced = new Set<Finding>();
  for (const finding of ordered) {
    for (; next < regions.length && regions[next].offset < finding.start; next++) {
      const d = regions[next];
      if (d.kind === 'disable') {
        if (d.rules === 'all') { allDisabled = true; reEnabled.clear(); }
        else for (const rule of d.rules) { disabled.add(rule); reEnabled.delete(rule); }
      } else if (d.rules === 'all') { allDisabled = false; disabled.clear(); reEnabled.clear(); }
      else for (const rule of d.rules) { disabled.delete(rule); if (allDisabled) reEnabled.add(rule); }
    }
    const inRegion = disabled.has(finding.rule) || (allDisabled && !reEnabled.has(finding.rule));
    const onLine = byLine.get(finding.range.start.line)?.some((d) => covers(d.rules, finding.rule)) ?? false;
    if (inRegion || onLine || fileWide.some((d) => covers(d.rules, finding.rule))) silenced.add(finding);
  }
  return findings.filter((finding) => !silenced.has(finding));
}
