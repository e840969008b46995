/**
 * Precision on real published Council texts (../shared/real-texts/, read-only, never copied into
 * the repository): every finding of the checker is matched to a hand-made verdict kept as data in
 * test/real-texts/verdicts.json (file, line, rule, the matched words, true or false alarm, why).
 * Used by scripts/eval-real.ts (`npm run eval:real`) and test/unit/eval-real.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../server/src/core/check';
import type { Severity } from '../server/src/core/findings';
import { readDraft } from '../server/src/core/markdown/parse';
import { LineIndex } from '../server/src/core/text/positions';
import { loadLanguages, packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';

export type VerdictKind = 'true-alarm' | 'false-alarm';

/** One hand-made judgement of a finding on a real text. Lines are 1-based. */
export interface Verdict {
  file: string;
  line: number;
  rule: string;
  /** The words the finding marks (at most MAX_MATCHED_TEXT characters: never a sentence). */
  text: string;
  verdict: VerdictKind;
  reason: string;
}

export interface RealFinding {
  file: string;
  language: string;
  line: number;
  rule: string;
  severity: Severity;
  text: string;
  message: string;
  /** The verdict that matches it, if any. */
  verdict?: Verdict;
}

export interface RealFile {
  file: string;
  language: string;
  /** UTF-8 bytes of the text after the front matter: what a reader reads. */
  bodyBytes: number;
}

/** Findings below this severity are information for the drafter, not alarms. */
export const ALARM_SEVERITIES: readonly Severity[] = ['error', 'warning'];
export const MAX_MATCHED_TEXT = 60;
/** The goal of issue 13: false alarms per 10 KB (10,000 bytes) of body text. */
export const GOAL_PER_10KB = 1;

/** ../shared/real-texts next to the checkout, or undefined when it is not there. */
export function realTextsFolder(root = packageRoot()): string | undefined {
  const dir = join(root, '..', 'shared', 'real-texts');
  return existsSync(dir) ? dir : undefined;
}

/** The numbered passages of the folder (01-en-….md …); its README is not part of the corpus. */
export function realTextFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^\d+-.*\.md$/.test(name)).sort();
}

export function verdictsPath(root = packageRoot()): string {
  return join(root, 'test', 'real-texts', 'verdicts.json');
}

export function loadVerdicts(path = verdictsPath()): Verdict[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { verdicts: Verdict[] };
  return data.verdicts;
}

/** The words a finding marks, on one line, cut to MAX_MATCHED_TEXT characters. */
export function matchedText(text: string, start: number, end: number): string {
  const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return words.length > MAX_MATCHED_TEXT ? `${words.slice(0, MAX_MATCHED_TEXT - 1)}…` : words;
}

/** Checks every passage the way `council-notes check` does (default model, bundled languages). */
export function checkRealTexts(dir: string, root = packageRoot()): { files: RealFile[]; findings: Omit<RealFinding, 'verdict'>[] } {
  const languages = loadLanguages(root);
  const model = loadModelFromDisk([], true).build.index;
  const files: RealFile[] = [];
  const findings: Omit<RealFinding, 'verdict'>[] = [];
  for (const file of realTextFiles(dir)) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    const draft = readDraft(text);
    const result = checkDraft({ text, model, languages, draft });
    const body = text.slice(draft.frontMatter?.end ?? 0);
    files.push({ file, language: result.language, bodyBytes: Buffer.byteLength(body.trim(), 'utf8') });
    const lines = new LineIndex(text);
    for (const finding of result.findings) {
      const start = lines.offsetAt(finding.range.start);
      const end = lines.offsetAt(finding.range.end);
      findings.push({
        file, language: result.language, line: finding.range.start.line + 1, rule: finding.rule,
        severity: finding.severity, text: matchedText(text, start, end), message: finding.message,
      });
    }
  }
  return { files, findings };
}

/**
 * Gives each finding its verdict: the one with the same file, line, rule and words; failing
 * that, the one on the same line and rule whose words hold the finding's or are held by them
 * (a rule that now marks a word more or less keeps its verdict). One verdict may judge several
 * identical findings on a line ("Turkey" twice in one sentence).
 */
export function applyVerdicts(findings: readonly Omit<RealFinding, 'verdict'>[], verdicts: readonly Verdict[]): { findings: RealFinding[]; unused: Verdict[] } {
  const byLine = new Map<string, Verdict[]>();
  for (const verdict of verdicts) {
    const key = `${verdict.file}\n${verdict.line}\n${verdict.rule}`;
    byLine.set(key, [...(byLine.get(key) ?? []), verdict]);
  }
  const used = new Set<Verdict>();
  const judged = findings.map((finding) => {
    const candidates = byLine.get(`${finding.file}\n${finding.line}\n${finding.rule}`) ?? [];
    const verdict = candidates.find((v) => v.text === finding.text)
      ?? candidates.find((v) => !used.has(v) && v.text !== '' && finding.text !== '' && (v.text.includes(finding.text) || finding.text.includes(v.text)));
    if (verdict) used.add(verdict);
    return { ...finding, verdict };
  });
  return { findings: judged, unused: verdicts.filter((v) => !used.has(v)) };
}

export interface Tally {
  findings: number;
  trueAlarms: number;
  falseAlarms: number;
  unclassified: number;
  /** Findings below warning severity (not alarms), whatever their verdict. */
  information: number;
}

export const emptyTally = (): Tally => ({ findings: 0, trueAlarms: 0, falseAlarms: 0, unclassified: 0, information: 0 });

export function addToTally(tally: Tally, finding: RealFinding): void {
  tally.findings++;
  if (!ALARM_SEVERITIES.includes(finding.severity)) tally.information++;
  else if (!finding.verdict) tally.unclassified++;
  else if (finding.verdict.verdict === 'true-alarm') tally.trueAlarms++;
  else tally.falseAlarms++;
}

/** False alarms per 10 KB (10,000 bytes) of body text. */
export function perTenKb(falseAlarms: number, bytes: number): number {
  return bytes === 0 ? 0 : (falseAlarms * 10_000) / bytes;
}
