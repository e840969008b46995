/**
 * Scores the checker against the example corpus (examples/): every draft marks its planted
 * errors with `<!-- expect: rule-id "text" -> "suggestion", … -->` at the end of the line where
 * the finding starts, and model files mark theirs with `# expect: model-schema`. A finding
 * matches a marker entry on the same line with the same rule, whose text (when the entry gives
 * one) is exactly the text the finding marks, and whose first suggestion (when the entry gives
 * one) is the entry's: a finding on the wrong token does not score. Each entry matches one
 * finding, so two findings of one rule on a line need two entries. Used by scripts/eval.ts and
 * test/unit/corpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkDraft } from '../server/src/core/check';
import type { LanguageRegistry } from '../server/src/core/language/registry';
import { RULES_BY_ID } from '../server/src/core/rules/index';
import type { PolicyIndex } from '../server/src/core/model/policy-index';
import { MODEL_FILE, findFiles, loadLanguages, packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';

/**
 * A finding or a marker entry, reduced to what is compared. Lines are 1-based. `text` is the
 * text the finding marks; `suggestion` its first suggestion. In a marker entry either may be
 * left out, and then it is not compared.
 */
export interface Mark { line: number; rule: string; text?: string; suggestion?: string; message?: string }

export interface Comparison {
  expected: Mark[];
  found: Mark[];
  /** Expected marks that a finding matched. */
  hits: Mark[];
  /** Expected marks no finding matched. */
  misses: Mark[];
  /** Findings no marker entry matched. */
  falseAlarms: Mark[];
}

const DRAFT_MARKER = /<!--\s*expect:\s*([\s\S]*?)\s*-->/g;
/** One entry of a draft marker: `rule`, `rule "text"` or `rule "text" -> "suggestion"` (\" inside quotes). */
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const ENTRY = new RegExp(String.raw`\s*([a-z][a-z-]*)(?:\s+${QUOTED})?(?:\s*->\s*${QUOTED})?\s*(,|$)`, 'y');
const unquote = (text: string | undefined) => text?.replace(/\\(.)/g, '$1');
const MODEL_MARKER = /#\s*expect:\s*([a-z, -]+?)\s*$/;
/** `<!-- eval-model: ../model/extra.policy.yaml -->`: a model layer this draft is checked with (path relative to the draft). */
const MODEL_DIRECTIVE = /<!--\s*eval-model:\s*(\S+)\s*-->/g;

/** The expect markers of a draft (HTML comments) or of a model file (YAML comments). */
export function parseExpectations(text: string, kind: 'draft' | 'model' = 'draft'): Mark[] {
  const marks: Mark[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const lists = kind === 'draft'
      ? [...line.matchAll(DRAFT_MARKER)].map((m) => m[1])
      : [MODEL_MARKER.exec(line)?.[1]].filter((list): list is string => list !== undefined);
    for (const list of lists) {
      for (const entry of parseEntries(list, index + 1)) {
        if (!RULES_BY_ID.has(entry.rule)) throw new Error(`line ${index + 1}: unknown rule "${entry.rule}" in an expect marker`);
        marks.push({ line: index + 1, ...entry });
      }
    }
  });
  return marks;
}

function parseEntries(list: string, line: number): Omit<Mark, 'line'>[] {
  const entries: Omit<Mark, 'line'>[] = [];
  ENTRY.lastIndex = 0;
  while (ENTRY.lastIndex < list.length) {
    const at = ENTRY.lastIndex;
    const m = ENTRY.exec(list);
    if (!m) throw new Error(`line ${line}: cannot read the expect marker from "${list.slice(at)}" (write rule "text" -> "suggestion", …)`);
    entries.push({ rule: m[1], ...(m[2] !== undefined && { text: unquote(m[2]) }), ...(m[3] !== undefined && { suggestion: unquote(m[3]) }) });
    if (m[4] === '') break;
  }
  return entries;
}

/** Whether a finding is what a marker entry expects: same line and rule, and the text and suggestion the entry gives. */
export function matches(entry: Mark, finding: Mark): boolean {
  return entry.line === finding.line && entry.rule === finding.rule
    && (entry.text === undefined || entry.text === finding.text)
    && (entry.suggestion === undefined || entry.suggestion === finding.suggestion);
}

/**
 * Matches findings to expected marks, one finding per marker entry. Entries that give more
 * (text and suggestion, then text) are matched first, so that a looser entry on the same line
 * cannot take the finding a stricter one needs.
 */
export function compareFindings(expected: readonly Mark[], found: readonly Mark[]): Comparison {
  const detail = (m: Mark) => (m.text !== undefined ? 1 : 0) + (m.suggestion !== undefined ? 1 : 0);
  const open = [...found];
  const hits: Mark[] = [];
  const misses: Mark[] = [];
  for (const entry of [...expected].sort((a, b) => detail(b) - detail(a))) {
    const index = open.findIndex((finding) => matches(entry, finding));
    if (index < 0) misses.push(entry);
    else { hits.push(entry); open.splice(index, 1); }
  }
  return { expected: [...expected].sort(byLine), found: [...found].sort(byLine), hits: hits.sort(byLine), misses: misses.sort(byLine), falseAlarms: open.sort(byLine) };
}

const byLine = (a: Mark, b: Mark) => a.line - b.line || a.rule.localeCompare(b.rule);

/** `line  12: unknown-country "Tunesia" -> "Tunisia"` strings, sorted: an easy shape to read in a test. */
export function markKeys(marks: readonly Mark[]): string[] {
  return [...marks].sort(byLine).map(describeMark);
}

/** A mark as a marker entry would write it, after its line number. */
export function describeMark(mark: Mark): string {
  const quote = (text: string) => JSON.stringify(text);
  return `line ${String(mark.line).padStart(3)}: ${mark.rule}${mark.text !== undefined ? ` ${quote(mark.text)}` : ''}${mark.suggestion !== undefined ? ` -> ${quote(mark.suggestion)}` : ''}`;
}

export interface FileEvaluation extends Comparison {
  /** Path relative to the package root, with forward slashes. */
  file: string;
  /** Corpus language: the folder under examples/ (en, nl, fr, de) or "model". */
  group: string;
}

/** The corpus: drafts (*.md) and model files (*.policy.yaml|json) under examples/. */
export function corpusFiles(root = packageRoot()): string[] {
  const dir = join(root, 'examples');
  return findFiles([dir], (name) => (name.endsWith('.md') && name !== 'README.md') || MODEL_FILE.test(name));
}

/** Checks corpus files the way the CLI does (bundled languages, default model plus layers). */
export class CorpusEvaluator {
  private readonly languages: LanguageRegistry;
  private readonly models = new Map<string, { index: PolicyIndex; problems: Map<string, { line: number; message: string }[]> }>();

  constructor(private readonly root = packageRoot()) {
    this.languages = loadLanguages(root);
  }

  evaluate(path: string): FileEvaluation {
    const absolute = resolve(path);
    const file = relative(this.root, absolute).split(sep).join('/');
    const group = file.split('/')[1] ?? '';
    const text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
    if (MODEL_FILE.test(absolute)) {
      const problems = this.model([absolute]).problems.get(absolute) ?? [];
      const found = problems.map((p) => ({ line: p.line, rule: 'model-schema', message: p.message }));
      return { file, group, ...compareFindings(parseExpectations(text, 'model'), found) };
    }
    const layers = [...text.matchAll(MODEL_DIRECTIVE)].map((m) => resolve(dirname(absolute), m[1]));
    const { index, problems } = this.model(layers);
    const broken = layers.flatMap((layer) => problems.get(layer) ?? []);
    if (broken.length > 0) throw new Error(`${file}: its model layer has problems: ${broken[0].message}`);
    const result = checkDraft({ text, model: index, languages: this.languages });
    const found = result.findings.map((f) => ({ line: f.range.start.line + 1, rule: f.rule, text: text.slice(f.start, f.end), ...(f.suggestions?.length && { suggestion: f.suggestions[0] }), message: f.message }));
    return { file, group, ...compareFindings(parseExpectations(text), found) };
  }

  /** The default model with extra layers, built once per list of layers. */
  private model(layers: string[]) {
    const key = layers.join('\n');
    let model = this.models.get(key);
    if (!model) {
      const { build } = loadModelFromDisk(layers, true);
      const problems = new Map([...build.problems].map(([file, list]) => [file, list.map((p) => ({ line: p.range.start.line + 1, message: p.message }))]));
      model = { index: build.index, problems };
      this.models.set(key, model);
    }
    return model;
  }
}
