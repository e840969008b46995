/**
 * Scores the checker against the example corpus (examples/): every draft marks its planted
 * errors with `<!-- expect: rule-id[, rule-id…] -->` at the end of the line where the finding
 * starts, and model files mark theirs with `# expect: model-schema`. A finding matches a marker
 * entry on the same line with the same rule; each entry matches one finding, so two findings of
 * one rule on a line need the rule listed twice. Used by scripts/eval.ts and
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

/** A finding or a marker entry, reduced to what is compared. Lines are 1-based. */
export interface Mark { line: number; rule: string; message?: string }

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

const DRAFT_MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
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
      for (const rule of list.split(',').map((r) => r.trim()).filter(Boolean)) {
        if (!RULES_BY_ID.has(rule)) throw new Error(`line ${index + 1}: unknown rule "${rule}" in an expect marker`);
        marks.push({ line: index + 1, rule });
      }
    }
  });
  return marks;
}

/** Matches findings to expected marks by (line, rule), one finding per marker entry. */
export function compareFindings(expected: readonly Mark[], found: readonly Mark[]): Comparison {
  const open = new Map<string, Mark[]>();
  for (const mark of expected) {
    const key = `${mark.line}:${mark.rule}`;
    open.set(key, [...(open.get(key) ?? []), mark]);
  }
  const hits: Mark[] = [];
  const falseAlarms: Mark[] = [];
  for (const finding of found) {
    const waiting = open.get(`${finding.line}:${finding.rule}`);
    if (waiting && waiting.length > 0) hits.push(waiting.shift()!);
    else falseAlarms.push(finding);
  }
  const misses = [...open.values()].flat().sort(byLine);
  return { expected: [...expected].sort(byLine), found: [...found].sort(byLine), hits, misses, falseAlarms };
}

const byLine = (a: Mark, b: Mark) => a.line - b.line || a.rule.localeCompare(b.rule);

/** "line  12: unknown-country" strings, sorted: an easy shape to compare in a test. */
export function markKeys(marks: readonly Mark[]): string[] {
  return [...marks].sort(byLine).map((mark) => `line ${String(mark.line).padStart(3)}: ${mark.rule}`);
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
    const found = result.findings.map((f) => ({ line: f.range.start.line + 1, rule: f.rule, message: f.message }));
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
