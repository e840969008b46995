/** Output formats of the CLI. JSON is a contract used by others: keep its shape stable. */
import type { CheckResult } from '../core/check';
import { RULES } from '../core/rules/index';
import type { Finding, Severity } from '../core/findings';
import type { AppliedFix } from '../core/fix/apply';

export interface FileResult extends CheckResult {
  path: string;
  /** With --fix: the fixes applied (findings are then those left after fixing). */
  fixed?: AppliedFix[];
}

/** Fixes that are offered but never applied unseen: suggestions for the drafter. */
const suggestedFixes = (finding: Finding) => (finding.fixes ?? []).filter((fix) => !fix.safe);


export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify({
    version: 1,
    files: results.map((file) => ({
      path: file.path,
      language: file.language,
      diagnostics: file.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, ...(f.suggestions ? { suggestions: f.suggestions } : {}),
        // Every correction, safe or not (safe ones are what --fix applies); edit ranges in this text.
        ...(f.fixes?.length ? { fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) })) } : {}) })),
      // Only with --fix; positions are in the text as it was when the fix was applied.
      ...(file.fixed ? { fixed: file.fixed.map((fix) => ({ rule: fix.rule, message: fix.message, line: fix.line, character: fix.character, before: fix.before, after: fix.after })),
        // Problems left with fixes that --fix does not apply (listed in diagnostics[].fixes with safe: false).
        suggested: file.findings.filter((f) => suggestedFixes(f).length > 0).length } : {}),
    })),
  })}\n`;
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixes = 0;
  let fixedFiles = 0;
  let suggestions = 0;
  for (const file of results) {
    for (const fix of file.fixed ?? []) lines.push(`${file.path}:${fix.line + 1}:${fix.character + 1}: fixed ${fix.rule}: ${fix.message}`);
    if (file.fixed?.length) { fixes += file.fixed.length; fixedFiles++; }
  }
  for (const file of results) {
    for (const f of file.findings) {
      counts[f.severity]++;
      lines.push(`${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule}: ${f.message}`);
      for (const fix of suggestedFixes(f)) { lines.push(`  suggestion (not applied by --fix): ${fix.title}`); suggestions++; }
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${total} finding${total === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.information + counts.hint} notes)`);
  if (results.some((file) => file.fixed)) {
    const left = results.reduce((n, file) => n + file.findings.filter((f) => suggestedFixes(f).length > 0).length, 0);
    lines.push(`Fixed ${fixes} problem${fixes === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.${left ? ` Left ${left} problem${left === 1 ? '' : 's'} with ${suggestions} suggested fix${suggestions === 1 ? '' : 'es'} for you to choose (not applied: ${left === 1 ? 'it' : 'they'} could change a fact or the grammar).` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning dashboards. Columns are 1-based UTF-16 code units. */
export function formatSarif(results: FileResult[]): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'council-notes', informationUri: 'https://github.com/council-notes/council-notes', rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description }, helpUri: `https://github.com/council-notes/council-notes/blob/main/docs/rules/${rule.id}.md`, defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] } })) } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((file) => file.findings.map((f) => ({
        ruleId: f.rule,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } }],
      }))),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
