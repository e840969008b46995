/** Core findings → LSP diagnostics: the only place that knows both. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/findings';
import type { ModelProblem } from '../core/model/load';
import { ruleDocPath } from '../node/resources';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

const docLinks = new Map<string, string>();
function docHref(rule: string): string {
  let href = docLinks.get(rule);
  if (!href) docLinks.set(rule, href = pathToFileURL(ruleDocPath(rule)).toString());
  return href;
}

export const DIAGNOSTIC_SOURCE = 'council-notes';

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: finding.link ?? docHref(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // Carried for code actions: the fix travels with the diagnostic it belongs to.
    data: finding.fix || finding.suggestions ? { fix: finding.fix, suggestions: finding.suggestions } : undefined,
  };
}

/** A model-file problem; `severity` overrides the problem's own (councilNotes.rules["model-schema"]). */
export function modelProblemToDiagnostic(problem: ModelProblem, severity?: Severity): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[severity ?? problem.severity],
    code: 'model-schema',
    codeDescription: { href: docHref('model-schema') },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}
