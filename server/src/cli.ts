/**
 * Command line: `council-notes check [options] PATH...`, `council-notes lsp [--stdio]`,
 * `council-notes --help`, `council-notes --version`. Arguments are read with Node's
 * util.parseArgs (strict: an unknown option, a missing value or a single-valued option given
 * twice is a usage error; `--` ends the options).
 * Exit codes: 0 no error-severity finding, 1 some, 2 usage or model error, or a file not read.
 */
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkFiles, checkFilesInParallel, type LoadedModel } from './node/parallel';
import type { ModelProblem } from './core/model/load';
import { findFiles, loadLanguages, packageManifest, type PathProblem } from './node/resources';
import { loadModelFromDisk, readModelFile } from './node/session';
import { formatReport, plural, type FileResult, type ReportFormat } from './node/report';
import { runFix } from './node/fix-command';
import { MESSAGE_LOCALES, hasCatalogue, localeFromEnvironment } from './core/messages/locale';

const EXIT_CODES = `Exit status:
  0  no finding of severity error
  1  at least one finding of severity error
  2  usage error, a broken model file, no drafts under a path, or a file that could not be read
     (the other files are still checked and reported)`;

const MAIN_HELP = `Usage: council-notes <command> [options]

Checks EU Council notes written in Markdown against a policy model.

Commands:
  check [options] PATH...   check drafts (directories are searched for *.md)
  compare ORIGINAL TRANSLATION [options]
                            compare a translation with its original (compare --help)
  lsp [--stdio]             run the language server for an editor (over stdin/stdout)

Options:
  -h, --help                show this help, or a command's: council-notes check --help
  -v, --version             print the version

${EXIT_CODES}`;

const CHECK_HELP = `Usage: council-notes check [options] [--] PATH...

Checks Markdown drafts against the built-in policy model and any --model files. Each PATH is a
draft or a directory, searched for *.md (node_modules, .git, out and dist are skipped). A
directory that holds no draft is a usage error.

Options:
  --format FORMAT         text (default: one finding per line, then a summary), json (one JSON
                          object, a stable contract) or sarif (SARIF 2.1.0 for code scanning)
  --model FILE            layer a policy-model file (*.policy.yaml|yml|json) over the built-in
                          model; repeat for several, applied in order
  --no-default-model      start from an empty model instead of the built-in one
  --lang CODE             check every draft as this language (bg, cs, da, de, el, en, es, et,
                          fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv);
                          default: front matter "lang:", else detected
  --locale CODE           write messages in this language (${MESSAGE_LOCALES.join(', ')}; also "nl_BE.UTF-8",
                          "fr-BE"); default: the environment (LC_ALL, LC_MESSAGES, LANG), else en
  --fix                   apply the safe fixes in place (atomically, keeping encoding and line
                          endings; never through a symbolic link) and report what is left
  --jobs N                threads for 40 drafts or more (default and maximum: the number of
                          cores, ${availableParallelism()} here)
  --base DIR              SARIF: write file URIs relative to DIR (default: the git root of the
                          current folder, or the current folder outside a repository)
  -h, --help              show this help
  --                      end of options: every argument after it is a PATH

${EXIT_CODES}`;

const LSP_HELP = `Usage: council-notes lsp [--stdio]

Runs the Council Notes language server, speaking the Language Server Protocol over standard
input and output (--stdio, the default). Editors start it themselves; see docs/editors.md.
Settings are read from the client's "councilNotes" configuration section.

Options:
  --stdio                 talk over stdin/stdout (default)
  -h, --help              show this help`;

class UsageError extends Error {
  constructor(message: string, readonly help: string = MAIN_HELP) { super(message); }
}

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

interface CheckOptions {
  format: ReportFormat;
  models: string[];
  lang?: string;
  /** The UI locale of messages: --locale, else the environment's. */
  locale?: string;
  useDefault: boolean;
  paths: string[];
  fix: boolean;
  jobs: number;
  base?: string;
}

/** From this many drafts on, worker threads pay for loading the model once each. */
const PARALLEL_THRESHOLD = 40;

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(rest);
    if (command === 'compare') return (await import('./node/compare-command')).runCompare(rest);
    if (command === 'lsp') return runLsp(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      out(`${rest[0] === 'check' ? CHECK_HELP : rest[0] === 'lsp' ? LSP_HELP : MAIN_HELP}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') { out(`${String(packageManifest().version)}\n`); return 0; }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      err(`council-notes: ${error.message}\n\n${error.help}\n`);
      return 2;
    }
    err(`council-notes: ${(error as Error).message}\n`);
    return 2;
  }
}

/**
 * util.parseArgs, strict, with a usage error for what it rejects and for a single-valued option
 * given twice (parseArgs alone keeps the last one silently).
 */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, help: string) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message, help);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`${token.rawName} is given more than once`, help);
    seen.add(token.name);
  }
  return parsed;
}

function runLsp(args: string[]): number | Promise<number> {
  const { values } = parse(args, { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, LSP_HELP);
  if (values.help) { out(`${LSP_HELP}\n`); return 0; }
  // vscode-languageserver reads the transport from process.argv: stdio unless told otherwise.
  if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
  // The server is its own bundle (dist/server.js beside this one; external in scripts/build.mjs),
  // so `check` never loads or even parses its code.
  require('./server.js');
  return new Promise<number>(() => { /* runs until the client exits the process */ });
}

function parseCheckOptions(args: string[]): CheckOptions | undefined {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    model: { type: 'string', multiple: true },
    'no-default-model': { type: 'boolean' },
    lang: { type: 'string' },
    locale: { type: 'string' },
    fix: { type: 'boolean' },
    jobs: { type: 'string' },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, CHECK_HELP);
  if (values.help) return undefined;
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as ReportFormat)) throw new UsageError(`unknown format "${format}" (text, json or sarif)`, CHECK_HELP);
  if (positionals.length === 0) throw new UsageError('no files or directories to check', CHECK_HELP);
  return {
    format: format as ReportFormat,
    models: values.model ?? [],
    lang: values.lang,
    locale: chooseLocale(values.locale, CHECK_HELP),
    useDefault: !values['no-default-model'],
    paths: positionals,
    fix: values.fix ?? false,
    jobs: values.jobs === undefined ? availableParallelism() : parseJobs(values.jobs),
    base: values.base,
  };
}

/**
 * The UI locale: --locale if given (a usage error if its language has no messages), else the
 * environment's (LC_ALL, LC_MESSAGES, LANG; a language without messages gets English).
 */
function chooseLocale(option: string | undefined, help: string): string | undefined {
  if (option === undefined) return localeFromEnvironment(process.env);
  if (!hasCatalogue(option)) throw new UsageError(`unknown locale "${option}" (messages are in ${MESSAGE_LOCALES.join(', ')})`, help);
  return option;
}

/** A whole number in decimal digits (not 1e3, 0x10 or 2.0), at least 1, capped at the core count. */
function parseJobs(value: string): number {
  const jobs = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of at least 1 written in digits, not "${value}"`, CHECK_HELP);
  const cores = availableParallelism();
  if (jobs > cores) {
    err(`council-notes: --jobs ${jobs} is more than the ${plural(cores, 'core')} of this machine; using ${cores}\n`);
    return cores;
  }
  return jobs;
}

async function runCheck(args: string[]): Promise<number> {
  const options = parseCheckOptions(args);
  if (!options) { out(`${CHECK_HELP}\n`); return 0; }
  const languages = loadLanguages();
  if (options.lang && !languages.get(options.lang)) throw new UsageError(`unknown language "${options.lang}" (known: ${languages.codes.join(', ')})`, CHECK_HELP);
  // A model file that is missing, a FIFO, a device or too large is refused before it is read,
  // reported like any broken model file.
  for (const file of options.models) {
    try { readModelFile(file); } catch (error) {
      err(`${file}:1:1: error model-schema: ${(error as Error).message}\n`);
      return 2;
    }
  }
  let modelProblems: ModelProblem[] = [];
  /** The model, or undefined (its problems in modelProblems) when it has errors. */
  const loadModel = (): LoadedModel | undefined => {
    const { build } = loadModelFromDisk(options.models, options.useDefault);
    modelProblems = [...build.problems.values()].flat();
    return modelProblems.some((p) => p.severity === 'error') ? undefined : { model: build.index, languages };
  };
  const reportModelProblems = () => {
    for (const problem of modelProblems) {
      err(`${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity} model-schema: ${problem.message}\n`);
    }
    return 2;
  };
  const report = { base: options.base };
  if (options.fix) {
    const loaded = loadModel();
    if (!loaded) return reportModelProblems();
    return runFix({ format: options.format, settings: { language: options.lang, locale: options.locale }, roots: options.paths, report }, loaded.model, languages, { stdout: out, stderr: err });
  }
  const problems: PathProblem[] = [];
  const files = findDrafts(options.paths, problems);
  const batch = { models: options.models, useDefault: options.useDefault, settings: { language: options.lang, locale: options.locale } };
  // Large trees are checked on this thread and worker threads (started before this thread loads
  // its model, so the loads overlap); a few files are quicker in this thread alone.
  const checked: FileResult[] | undefined = files.length >= PARALLEL_THRESHOLD && options.jobs > 1
    ? await checkFilesInParallel(files, batch, options.jobs, loadModel)
    : (() => { const loaded = loadModel(); return loaded && checkFiles(files, batch, loaded); })();
  if (!checked) return reportModelProblems();
  // Warnings (a source still to fill in) do not stop the check, but CI shows them as the editor does.
  if (modelProblems.length > 0) reportModelProblems();
  const results = [...problems.map((p): FileResult => ({ path: p.path, findings: [], error: p.message })), ...checked];
  // The text report lists them itself; beside JSON or SARIF on stdout they also go to stderr.
  if (options.format !== 'text') for (const file of results) if (file.error !== undefined) err(`council-notes: ${file.path}: ${file.error}\n`);
  out(formatReport(options.format, results, report));
  if (results.some((r) => r.error !== undefined)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * The drafts under the given paths, in order. A path that cannot be read goes to `problems` (and
 * the rest is still checked); a directory that exists but holds no draft is a usage error, so a
 * mistyped path in CI does not pass.
 */
function findDrafts(paths: readonly string[], problems: PathProblem[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    const before = problems.length;
    const found = findFiles([path], (name) => name.toLowerCase().endsWith('.md'), (problem) => problems.push(problem));
    if (found.length === 0 && problems.length === before) throw new UsageError(`no drafts found under "${path}" (drafts are *.md files)`, CHECK_HELP);
    for (const file of found) files.add(file);
  }
  return [...files];
}
