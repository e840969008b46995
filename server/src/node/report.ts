/** Output formats of the CLI. JSON is a contract used by others: keep its shape stable (it only grows). */
import type { CheckResult, LanguageSource } from '../core/check';
import type { Finding, Severity } from '../core/findings';
import { selectFixes, type AppliedFix } from '../core/fix/apply';
import { LineIndex, type Range } from '../core/text/positions';
import { sarifLog, type SarifOptions } from './sarif';

/** One edit of a safe fix, as a range of the checked text. */
export interface FixEdit { range: Range; newText: string }

export interface FileResult {
  path: string;
  /** Absent when the file could not be read (see `error`). */
  language?: string;
  languageSource?: LanguageSource;
  findings: Finding[];
  /** With --fix: the fixes applied (findings are then those left after fixing). */
  fixed?: AppliedFix[];
  /** Why the file could not be checked (gone, no permission, not a regular file, too large). */
  error?: string;
  /**
   * For SARIF: per finding (same index), the edits of its fix when `--fix` would apply it (the
   * core's selection of safe, non-overlapping fixes), as ranges.
   */
  fixEdits?: (FixEdit[] | undefined)[];
}

export type ReportFormat = 'text' | 'json' | 'sarif';

/** A checked file's result with the ranges of the fixes `--fix` would apply first (for SARIF). */
export function withFixEdits(path: string, text: string, result: CheckResult): FileResult {
  const chosen = new Set(selectFixes(result.findings, text.length));
  if (chosen.size === 0) return { path, ...result };
  const lines = new LineIndex(text);
  const fixEdits = result.findings.map((finding) => chosen.has(finding)
    ? finding.fix!.map((edit) => ({ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, newText: edit.newText }))
    : undefined);
  return { path, ...result, fixEdits };
}

export function formatReport(format: ReportFormat, results: FileResult[], sarif: SarifOptions = {}): string {
  if (format === 'json') return formatJson(results);
  if (format === 'sarif') return `${JSON.stringify(sarifLog(results, sarif), null, 2)}\n`;
  return formatText(results);
}

/** SARIF 2.1.0 text (see sarif.ts). */
export function formatSarif(results: FileResult[], options: SarifOptions = {}): string {
  return formatReport('sarif', results, options);
}

export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify({
    version: 1,
    files: results.map((file) => ({
      path: file.path,
      ...(file.language !== undefined ? { language: file.language } : {}),
      ...(file.error !== undefined ? { error: file.error } : {}),
      diagnostics: file.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, ...(f.suggestions ? { suggestions: f.suggestions } : {}) })),
      // Only with --fix; positions are in the text as it was when the fix was applied.
      ...(file.fixed ? { fixed: file.fixed.map((fix) => ({ rule: fix.rule, message: fix.message, line: fix.line, character: fix.character, before: fix.before, after: fix.after })) } : {}),
    })),
  })}\n`;
}

/** `n thing` or `n things`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A text for one line of output: line breaks, other control characters and the Unicode line
 * separators written as escapes (\n, \r, \t, \u2028…), so one finding is always one line.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixes = 0;
  let fixedFiles = 0;
  for (const file of results) {
    for (const fix of file.fixed ?? []) lines.push(`${oneLine(file.path)}:${fix.line + 1}:${fix.character + 1}: fixed ${fix.rule}: ${oneLine(fix.message)}`);
    if (file.fixed?.length) { fixes += file.fixed.length; fixedFiles++; }
  }
  for (const file of results) {
    if (file.error !== undefined) lines.push(`${oneLine(file.path)}: error: ${oneLine(file.error)}`);
    for (const f of file.findings) {
      counts[f.severity]++;
      lines.push(`${oneLine(file.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule}: ${oneLine(f.message)}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const unread = results.filter((file) => file.error !== undefined).length;
  const checked = results.length - unread;
  lines.push(`${plural(checked, 'file')} checked${unread ? `, ${plural(unread, 'file')} not read` : ''}: ${plural(total, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information + counts.hint, 'note')})`);
  if (results.some((file) => file.fixed)) lines.push(`Fixed ${plural(fixes, 'problem')} in ${plural(fixedFiles, 'file')}.`);
  return `${lines.join('\n')}\n`;
}
