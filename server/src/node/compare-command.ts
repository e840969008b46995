/**
 * `council-notes compare ORIGINAL TRANSLATION [--format text|json|sarif] [--model FILE]...
 * [--no-default-model] [--original-lang CODE] [--lang CODE]`: the findings of core/compare on
 * the translation, each with the place in the original it is about.
 * Exit codes as for `check`: 0 no error-severity finding, 1 some, 2 usage or model error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareTexts, COMPARE_RULES, type CompareFinding, type CompareResult } from '../core/compare/compare';
import { loadLanguages } from './resources';
import { loadModelFromDisk } from './session';
import { formatSarif, formatText } from './report';

export const COMPARE_USAGE = `Usage:
  council-notes compare ORIGINAL TRANSLATION [--format text|json|sarif] [--model FILE]... [--no-default-model] [--original-lang CODE] [--lang CODE]

Compares a translation with its original: countries, acts and articles, bodies, instruments and
groups by model id, numbers and dates as each language writes them, footnotes, numbered points and
questions. Findings are on the translation, each pointing at the original's place.
--original-lang and --lang set each version's language (default: front matter "lang", else detected).
Exit status: 0 no errors, 1 errors found, 2 usage or model error.`;

export interface CompareIo { stdout(text: string): void; stderr(text: string): void }

const defaultIo: CompareIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** Runs the command on its arguments (those after "compare"); returns the exit code. */
export function runCompare(args: string[], io: CompareIo = defaultIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        model: { type: 'string', multiple: true, default: [] },
        'no-default-model': { type: 'boolean', default: false },
        'original-lang': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) { io.stdout(`${COMPARE_USAGE}\n`); return 0; }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return usageError(io, `unknown format "${format}" (text, json or sarif)`);
  if (positionals.length !== 2) return usageError(io, `compare needs two files, the original and the translation (got ${positionals.length})`);
  const languages = loadLanguages();
  for (const code of [values['original-lang'], values.lang]) {
    if (code !== undefined && !languages.get(code)) return usageError(io, `unknown language "${code}" (known: ${languages.codes.join(', ')})`);
  }
  const [originalPath, translationPath] = positionals;
  const texts: string[] = [];
  for (const path of [originalPath, translationPath, ...values.model]) {
    try {
      texts.push(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return usageError(io, `cannot read "${path}": ${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
    }
  }
  const { build } = loadModelFromDisk(values.model, !values['no-default-model']);
  const problems = [...build.problems.values()].flat();
  for (const problem of problems) io.stderr(`${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity} model-schema: ${problem.message}\n`);
  if (problems.some((problem) => problem.severity === 'error')) return 2;
  const result = compareTexts({ original: texts[0], translation: texts[1], model: build.index, languages, originalLanguage: values['original-lang'], translationLanguage: values.lang });
  io.stdout(formatCompare(result, originalPath, translationPath, format));
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function usageError(io: CompareIo, message: string): number {
  io.stderr(`council-notes: ${message}\n\n${COMPARE_USAGE}\n`);
  return 2;
}

/** What each compare rule is about, for SARIF's rule list and the docs. */
export const COMPARE_RULE_DESCRIPTIONS: Record<string, string> = {
  [COMPARE_RULES.entity]: 'A country, group, act, article, body, instrument or place named in one version and missing or different in the other.',
  [COMPARE_RULES.number]: 'A number or year stated in one version and missing or different in the other.',
  [COMPARE_RULES.date]: 'A date that differs between the versions.',
  [COMPARE_RULES.name]: 'A name the policy model does not know, compared as written, missing from one version.',
  [COMPARE_RULES.footnote]: 'A footnote missing, added or in another order.',
  [COMPARE_RULES.point]: 'A numbered point missing, added or numbered differently.',
  [COMPARE_RULES.question]: 'A question to ministers missing or added.',
  [COMPARE_RULES.paragraph]: 'A paragraph, heading or list item with no counterpart in the other version.',
};

export function formatCompare(result: CompareResult, originalPath: string, translationPath: string, format: 'text' | 'json' | 'sarif'): string {
  const at = (finding: CompareFinding) => `${originalPath}:${finding.original.range.start.line + 1}:${finding.original.range.start.character + 1}`;
  if (format === 'json') {
    return `${JSON.stringify({
      version: 1,
      original: { path: originalPath, language: result.originalLanguage },
      translation: { path: translationPath, language: result.translationLanguage },
      units: result.units,
      diagnostics: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, original: { path: originalPath, range: f.original.range } })),
    })}\n`;
  }
  const file = { path: translationPath, language: result.translationLanguage, languageSource: 'front-matter' as const };
  if (format === 'sarif') {
    // The check's SARIF, with each result's place in the original as a related location.
    const sarif = JSON.parse(formatSarif([{ ...file, findings: result.findings }]));
    const run = sarif.runs[0];
    run.tool.driver.rules = Object.entries(COMPARE_RULE_DESCRIPTIONS).map(([id, text]) => ({ id, shortDescription: { text }, helpUri: 'https://github.com/council-notes/council-notes/blob/main/docs/compare.md' }));
    run.results.forEach((entry: { relatedLocations?: unknown[] }, i: number) => {
      const { range } = result.findings[i].original;
      entry.relatedLocations = [{ id: 1, message: { text: 'The original' }, physicalLocation: { artifactLocation: { uri: originalPath.split('\\').join('/') }, region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 } } }];
    });
    return `${JSON.stringify(sarif, null, 2)}\n`;
  }
  // Text: the check's lines, each followed by where the original says it.
  const withPointers = result.findings.map((f) => ({ ...f, message: `${f.message} [original: ${at(f)}]` }));
  const summary = `Compared ${translationPath} (${result.translationLanguage}) with ${originalPath} (${result.originalLanguage}): ${result.units.matched} of the original's ${result.units.original} units have a counterpart.\n`;
  return summary + formatText([{ ...file, findings: withPointers }]);
}
