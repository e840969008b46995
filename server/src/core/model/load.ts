/**
 * Parses and validates one policy-model file. Problems are reported at the line of the YAML/JSON
 * node they concern (zod issue path → YAML node range), so a broken model file gets squiggles
 * where the mistake is. YAML is a superset of JSON, so one parser serves both formats. Repeated
 * keys are errors in both (JSON.parse would silently keep the last).
 */
import { parseDocument, isMap, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { PolicyModelFile } from '../../../../schemas/policy-model';
import { policyModelSchemas } from './lazy-schemas';
import { LineIndex, type Range } from '../text/positions';
import { duplicateKeys } from '../text/yaml-keys';
import { outlineJson, type JsonOutline } from '../text/json-outline';

/** A step in a path into the document; `{ key }` points at a map key itself (for unknown fields). */
export type PathPart = PropertyKey | { key: string };

export interface ModelProblem {
  file: string;
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface LoadedModelFile {
  file: string;
  /** Undefined when the file has errors: the caller keeps its last good model. */
  model?: PolicyModelFile;
  problems: ModelProblem[];
  /** Finds the range of the node at a path, for later checks (e.g. references across files). */
  rangeAt(path: readonly PathPart[]): Range;
}

/** Guards against alias bombs ("billion laughs"): yaml refuses to expand more than this. */
const MAX_ALIAS_COUNT = 1000;
/**
 * Model files above this many characters (about 10 MB) are refused before parsing: the yaml
 * package needs about 100 bytes of memory per character, so a 50 MB file exhausted the server's
 * memory (and again on every restart). The built-in model is 0.3 MB.
 */
export const MAX_MODEL_FILE_SIZE = 10_000_000;
/** Problems listed per file; the rest are counted in one more problem. */
const MAX_PROBLEMS = 100;
/** Unknown keys named in one problem; the rest are counted. */
const MAX_KEYS_NAMED = 10;

export function loadModelText(file: string, text: string): LoadedModelFile {
  if (text.length > MAX_MODEL_FILE_SIZE) return tooLarge(file, text);
  const lines = new LineIndex(text);
  const problems: ModelProblem[] = [];
  // The YAML document gives node positions; for JSON it is only built when a problem needs one.
  // Duplicate keys are found with duplicateKeys: yaml's own uniqueKeys check is quadratic in the keys of a map.
  let doc: Document | undefined;
  const documentOf = () => doc ??= parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  const rangeAt = (path: readonly PathPart[]) => rangeOfPath(documentOf(), path, lines);
  const result: LoadedModelFile = { file, problems, rangeAt };
  const report = <T>(items: readonly T[], problemOf: (item: T) => ModelProblem) => reportCapped(problems, items, problemOf);

  let data: unknown;
  if (isJson(file)) {
    const json = parseJson(file, text, lines);
    if ('problem' in json) { problems.push(json.problem); return result; }
    // JSON.parse keeps the last of two equal keys and drops the first without a word.
    report(duplicateJsonKeys(text), (key) => ({ file, message: `Invalid JSON: duplicate key "${key.key}"`, range: lines.rangeOf(key.span.start, key.span.end), severity: 'error' }));
    if (problems.length > 0) return result;
    data = json.value;
  } else {
    const yaml = documentOf();
    report(yaml.errors, (error) => {
      const [start, end] = error.pos;
      return { file, message: `Invalid YAML: ${firstLine(error.message)}`, range: lines.rangeOf(start, Math.max(end, start + 1)), severity: 'error' };
    });
    report(duplicateKeys(yaml), (key) => ({ file, message: 'Invalid YAML: Map keys must be unique', range: lines.rangeOf(key.range![0], Math.max(key.range![1], key.range![0] + 1)), severity: 'error' }));
    if (problems.length > 0) return result;
    try {
      data = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({ file, message: `Cannot read the model: ${firstLine((error as Error).message)}`, range: lines.rangeOf(0, 0), severity: 'error' });
      return result;
    }
  }
  if (data === null || data === undefined) data = {};

  const parsed = policyModelSchemas().policyModelSchema.safeParse(data);
  if (!parsed.success) {
    report(parsed.error.issues, (issue) => problemFromIssue(file, issue, rangeAt));
    return result;
  }
  problems.push(...duplicateIds(file, parsed.data, rangeAt));
  problems.push(...placeholderSources(file, parsed.data, rangeAt));
  if (!problems.some((p) => p.severity === 'error')) result.model = parsed.data;
  return result;
}

/** A file above MAX_MODEL_FILE_SIZE: one problem on its first line, and nothing parsed. */
function tooLarge(file: string, text: string): LoadedModelFile {
  const firstLineEnd = text.slice(0, 1000).search(/\r|\n|$/);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(firstLineEnd, 1) } };
  const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  const message = `This model file is too large to load: ${megabytes(text.length)}, and model files may be at most ${megabytes(MAX_MODEL_FILE_SIZE)}. Split it into several model files.`;
  return { file, problems: [{ file, severity: 'error', message, range }], rangeAt: () => range };
}

/**
 * Adds a problem for each item while the file has fewer than MAX_PROBLEMS, then one that counts
 * the rest: a file with 20,000 mistakes gets a readable list, and the rest are not even placed.
 */
function reportCapped<T>(problems: ModelProblem[], items: readonly T[], problemOf: (item: T) => ModelProblem): void {
  const room = Math.max(0, MAX_PROBLEMS - problems.length);
  for (const item of items.slice(0, room)) problems.push(problemOf(item));
  const rest = items.length - room;
  if (rest <= 0) return;
  const first = problemOf(items[room]);
  problems.push({ ...first, message: `… and ${rest.toLocaleString('en')} more problem${rest === 1 ? '' : 's'} like: ${first.message}` });
}

function problemFromIssue(file: string, issue: z.core.$ZodIssue, rangeAt: (path: readonly PathPart[]) => Range): ModelProblem {
  const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((k) => `"${k}"`).join(', ');
    const rest = issue.keys.length - MAX_KEYS_NAMED;
    return { file, severity: 'error', message: `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${named}${rest > 0 ? ` and ${rest.toLocaleString('en')} more` : ''}`, range: rangeAt([...issue.path, { key }]) };
  }
  return { file, severity: 'error', message: `${where}${issue.message}`, range: rangeAt(issue.path) };
}

/**
 * The `source` "add to workspace policy model" writes into a new entry: text the schema accepts,
 * which the model-schema check reminds about (a warning: the model is used meanwhile) until the
 * drafter says where the entry comes from.
 */
export const SOURCE_PLACEHOLDER = 'TODO: where this comes from';

/** An entry whose `source` still starts with "TODO" (the placeholder, or one a drafter wrote). */
function placeholderSources(file: string, model: PolicyModelFile, rangeAt: (path: readonly PathPart[]) => Range): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const [section, entries] of Object.entries(model)) {
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: { id?: string; source?: unknown }, index) => {
      if (typeof entry?.source !== 'string' || !entry.source.startsWith('TODO')) return;
      problems.push({ file, severity: 'warning', message: `${section}[${index}] "${entry.id}": say where this entry comes from (its source is "${entry.source}")`, range: rangeAt([section, index, 'source']) });
    });
  }
  return problems;
}

function duplicateIds(file: string, model: PolicyModelFile, rangeAt: (path: readonly PathPart[]) => Range): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const [section, entries] of Object.entries(model)) {
    if (!Array.isArray(entries)) continue;
    const seen = new Map<string, number>();
    entries.forEach((entry: { id?: string }, index) => {
      if (typeof entry?.id !== 'string') return;
      const first = seen.get(entry.id);
      if (first !== undefined) {
        problems.push({ file, severity: 'error', message: `${section}: duplicate id "${entry.id}" (first defined at entry ${first + 1})`, range: rangeAt([section, index, 'id']) });
      } else seen.set(entry.id, index);
    });
  }
  return problems;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`).join('');
}

/**
 * The range of the deepest node that exists along `path`. A path element `{ key }` means
 * "the key itself" (for unknown fields). Missing nodes fall back to their parent.
 */
function rangeOfPath(doc: Document, path: readonly PathPart[], lines: LineIndex): Range {
  let node: unknown = doc.contents;
  let best: YamlNode | undefined = doc.contents ?? undefined;
  for (const part of path) {
    if (!node || typeof node !== 'object') break;
    if (typeof part === 'object' && part !== null && 'key' in part && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === (part as { key: unknown }).key);
      if (pair && isScalar(pair.key)) best = pair.key;
      break;
    }
    const next = (node as { get?: (key: unknown, keepScalar: boolean) => unknown }).get?.(part, true);
    if (!next || typeof next !== 'object') {
      // Point at the key of a present-but-scalar entry, or stay on the parent.
      break;
    }
    node = next;
    best = next as YamlNode;
  }
  const range = best?.range;
  if (!range) return lines.rangeOf(0, 0);
  // A block collection's range runs to the start of the next node; show its first line only.
  const end = Math.min(range[1], lineEnd(lines, range[0]));
  return lines.rangeOf(range[0], Math.max(end, range[0] + 1));
}

function lineEnd(lines: LineIndex, offset: number): number {
  const { line } = lines.positionAt(offset);
  return line + 1 < lines.lineCount ? lines.lineStart(line + 1) - 1 : Number.MAX_SAFE_INTEGER;
}

/** A .json file must be strict JSON (YAML would accept trailing commas and comments). */
function parseJson(file: string, text: string, lines: LineIndex): { value: unknown } | { problem: ModelProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return { problem: { file, severity: 'error', message: `Invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, range: lines.rangeOf(offset, offset + 1) } };
  }
}

/** Keys repeating an earlier key of their object (the text already parsed as JSON). */
function duplicateJsonKeys(text: string): JsonOutline['duplicates'] {
  try { return outlineJson(text).duplicates; } catch { return []; }
}

function isJson(file: string): boolean { return file.toLowerCase().endsWith('.json'); }
function firstLine(message: string): string { return message.split('\n')[0]; }
