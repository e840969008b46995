/**
 * `council-notes check --fix`: applies the safe fixes of every finding (non-overlapping; the
 * draft is re-checked after each pass until nothing is left to fix or 5 passes were made),
 * writes each changed draft atomically with its encoding (UTF-8, BOM kept) and line endings
 * (CRLF or LF) kept, never writes through a symbolic link or out of the tree named on the
 * command line, and reports what it fixed and what is left.
 */
import type { CheckSettings } from '../core/check';
import { fixUntilStable } from '../core/fix/apply';
import type { LanguageRegistry } from '../core/language/registry';
import type { PolicyIndex } from '../core/model/policy-index';
import { readDraftFile, refuseToWrite, writeDraftFileAtomic } from './fix-files';
import { formatReport, type FileResult } from './report';
import type { SarifOptions } from './sarif';
import { findFiles } from './resources';
import { batchService } from './batch-service';

export interface FixRun {
  format: 'text' | 'json' | 'sarif';
  settings: CheckSettings;
  /** Files and directories named on the command line (each the root of its tree). */
  roots: string[];
  maxPasses?: number;
  /** SARIF output: the base of file URIs. */
  report?: SarifOptions;
}

export interface FixIo { stdout(text: string): void; stderr(text: string): void }

/** Exit status: 0 no error-severity finding left, 1 some left, 2 a draft could not be read, or had fixes and could not or may not be written. */
export function runFix(run: FixRun, model: PolicyIndex, languages: LanguageRegistry, io: FixIo): number {
  let failed = false;
  const results: FileResult[] = [];
  const seen = new Set<string>();
  const service = batchService(model, languages, run.settings);
  for (const root of run.roots) {
    const unread = (problem: { path: string; message: string }) => { results.push({ path: problem.path, findings: [], error: problem.message }); failed = true; };
    for (const path of findFiles([root], (name) => name.toLowerCase().endsWith('.md'), unread)) {
      if (seen.has(path)) continue;
      seen.add(path);
      const check = (text: string) => service.checkText(path, text)!;
      let file;
      try { file = readDraftFile(path); } catch (error) {
        io.stderr(`council-notes: ${path}: ${(error as Error).message}\n`);
        unread({ path, message: (error as Error).message });
        continue;
      }
      const first = check(file.text);
      const refusal = !file.utf8 ? 'it is not valid UTF-8' : refuseToWrite(path, root);
      if (refusal) {
        // A draft with something to fix that may not be written: said, and exit status 2.
        if (first.findings.some((f) => f.fix)) { io.stderr(`council-notes: ${path}: not fixed: ${refusal}\n`); failed = true; }
        results.push({ path, ...first, fixed: [] });
        continue;
      }
      const outcome = fixUntilStable(file.text, (text) => text === file.text ? first.findings : check(text).findings, { maxPasses: run.maxPasses });
      if (outcome.text !== file.text) {
        try {
          writeDraftFileAtomic(file, outcome.text);
        } catch (error) {
          io.stderr(`council-notes: ${path}: not fixed: ${(error as Error).message}\n`);
          failed = true;
          results.push({ path, ...first, fixed: [] });
          continue;
        }
      }
      if (!outcome.stable) io.stderr(`council-notes: ${path}: fixes did not settle after ${outcome.passes} passes; run --fix again\n`);
      results.push({ path, language: first.language, languageSource: first.languageSource, findings: outcome.findings, fixed: outcome.applied });
    }
  }
  io.stdout(formatReport(run.format, results, run.report));
  if (failed) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
