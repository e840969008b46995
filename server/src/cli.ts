/**
 * Command line: `council-notes check [--format text|json|sarif] [--model FILE]... [--lang CODE]
 * [--no-default-model] PATH...` and `council-notes lsp --stdio`.
 * Exit codes: 0 no error-severity finding, 1 some, 2 usage or model error.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { checkFiles, checkFilesInParallel, type LoadedModel } from './node/parallel';
import type { ModelProblem } from './core/model/load';
import { findFiles, loadLanguages } from './node/resources';
import { loadModelFromDisk } from './node/session';
import { formatJson, formatSarif, formatText, type FileResult } from './node/report';
import { runFix } from './node/fix-command';

const USAGE = `Usage:
  council-notes check [--format text|json|sarif] [--model FILE]... [--lang CODE] [--no-default-model] [--fix] [--jobs N] PATH...
  council-notes lsp --stdio

Checks Markdown drafts (directories are searched for *.md) against the policy model.
--fix applies the safe fixes in place (atomically, keeping encoding and line endings) and
reports what is left.
Exit status: 0 no errors, 1 errors found, 2 usage or model error.`;

class UsageError extends Error {}

interface CheckOptions { format: 'text' | 'json' | 'sarif'; models: string[]; lang?: string; useDefault: boolean; paths: string[]; fix?: boolean; jobs: number }

/** From this many drafts on, worker threads pay for loading the model once each. */
const PARALLEL_THRESHOLD = 40;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(parseCheckOptions(rest));
    if (command === 'compare') return (await import('./node/compare-command')).runCompare(rest);
    if (command === 'lsp') {
      const { startServer } = await import('./lsp/server');
      startServer();
      return new Promise<number>(() => { /* runs until the client exits the process */ });
    }
    if (command === '--help' || command === '-h' || command === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`council-notes: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`council-notes: ${(error as Error).message}\n`);
    return 2;
  }
}

function parseCheckOptions(args: string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', models: [], useDefault: true, paths: [], jobs: availableParallelism() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
      options.format = format;
    } else if (arg === '--model') options.models.push(value());
    else if (arg === '--lang') options.lang = value();
    else if (arg === '--jobs') {
      const jobs = Number(value());
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs needs a whole number of at least 1');
      options.jobs = jobs;
    }
    else if (arg === '--no-default-model') options.useDefault = false;
    else if (arg === '--fix') options.fix = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError('no files or directories to check');
  return options;
}

async function runCheck(options: CheckOptions): Promise<number> {
  const languages = loadLanguages();
  if (options.lang && !languages.get(options.lang)) throw new UsageError(`unknown language "${options.lang}" (known: ${languages.codes.join(', ')})`);
  for (const file of options.models) readable(file);
  let modelProblems: ModelProblem[] = [];
  /** The model, or undefined (its problems in modelProblems) when it has errors. */
  const loadModel = (): LoadedModel | undefined => {
    const { build } = loadModelFromDisk(options.models, options.useDefault);
    modelProblems = [...build.problems.values()].flat();
    return modelProblems.some((p) => p.severity === 'error') ? undefined : { model: build.index, languages };
  };
  const reportModelProblems = () => {
    for (const problem of modelProblems) {
      process.stderr.write(`${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity} model-schema: ${problem.message}\n`);
    }
    return 2;
  };
  if (options.fix) {
    const loaded = loadModel();
    if (!loaded) return reportModelProblems();
    const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
    return runFix({ format: options.format, settings: { language: options.lang }, roots: options.paths.map(readable) }, loaded.model, languages, io);
  }
  const files = findFiles(options.paths.map(readable), (name) => name.toLowerCase().endsWith('.md'));
  const batch = { models: options.models, useDefault: options.useDefault, settings: { language: options.lang } };
  // Large trees are checked on this thread and worker threads (started before this thread loads
  // its model, so the loads overlap); a few files are quicker in this thread alone.
  const results: FileResult[] | undefined = files.length >= PARALLEL_THRESHOLD && options.jobs > 1
    ? await checkFilesInParallel(files, batch, options.jobs, loadModel)
    : (() => { const loaded = loadModel(); return loaded && checkFiles(files, batch, loaded); })();
  if (!results) return reportModelProblems();
  const output = options.format === 'json' ? formatJson(results) : options.format === 'sarif' ? formatSarif(results) : formatText(results);
  process.stdout.write(output);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function readable(path: string): string {
  try {
    readFileSync(path, { flag: 'r' }).length;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return path;
    throw new UsageError(`cannot read "${path}": ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
  }
  return path;
}
