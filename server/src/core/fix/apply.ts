/**
 * Applying the fixes findings carry (`Finding.fix`): choosing a set that does not overlap,
 * applying it to the text, and re-checking until nothing is left to fix. Shared by the CLI
 * (`--fix`) and the language server (fix all, `source.fixAll.councilNotes`). LSP-free.
 */
import type { Finding, Replacement } from '../findings';

export type Eol = '\n' | '\r\n' | '\r';

/** The line ending a text mostly uses (LF when it has none); CR alone too (old Mac files). */
export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  let cr = -crlf;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) cr++;
  if (cr > crlf && cr > lf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}

/** A replacement text with its line breaks written the way the document writes them. */
export function withEol(text: string, eol: Eol): string {
  if (eol === '\r') return text.replace(/\r\n|\n/g, '\r');
  return eol === '\n' ? text.replace(/\r\n/g, '\n') : text.replace(/\r?\n/g, '\r\n');
}

/** Two edits touch the same text: overlapping ranges, an insertion inside a range, or two insertions at one place. */
export function editsConflict(a: Replacement, b: Replacement): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function validEdits(edits: readonly Replacement[] | undefined, length: number): edits is readonly Replacement[] {
  return !!edits && edits.length > 0 && edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end)
    && e.start >= 0 && e.start <= e.end && e.end <= length && typeof e.newText === 'string');
}

/**
 * The findings whose fixes can be applied together: in document order, a fix is taken when
 * none of its edits touches an edit already taken (the rest wait for the next pass).
 */
export function selectFixes(findings: readonly Finding[], textLength: number, accept: (finding: Finding) => boolean = () => true): Finding[] {
  const chosen: Finding[] = [];
  const taken: Replacement[] = [];
  for (const finding of findings) {
    if (!accept(finding) || !validEdits(finding.fix, textLength)) continue;
    const edits = finding.fix;
    if (edits.some((edit) => taken.some((other) => editsConflict(edit, other)))) continue;
    // A fix whose own edits overlap is not applied.
    if (edits.some((edit, i) => edits.some((other, j) => i < j && editsConflict(edit, other)))) continue;
    chosen.push(finding);
    taken.push(...edits);
  }
  return chosen;
}

/** Applies non-overlapping edits (offsets into `text`); inserted line breaks follow `eol` when given. */
export function applyReplacements(text: string, edits: readonly Replacement[], eol?: Eol): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of ordered) out = out.slice(0, edit.start) + (eol ? withEol(edit.newText, eol) : edit.newText) + out.slice(edit.end);
  return out;
}

export interface AppliedFix {
  rule: string;
  message: string;
  /** 1-based pass in which the fix was applied. */
  pass: number;
  /** Where the fix applied, in the text of that pass (0-based line and UTF-16 character). */
  line: number;
  character: number;
  /** The text the fix replaced, and what it wrote. */
  before: string;
  after: string;
}

export interface FixOutcome {
  text: string;
  /** Findings of the final text. */
  findings: Finding[];
  applied: AppliedFix[];
  passes: number;
  /** No fix is left to apply (false when the pass limit was reached or fixes went round in circles). */
  stable: boolean;
}

export interface FixOptions {
  /** Which findings to fix (default: every finding with a fix). */
  accept?: (finding: Finding) => boolean;
  /** Passes of fix + re-check (default 5). */
  maxPasses?: number;
  /** Line ending for inserted text (default: the text's own). */
  eol?: Eol;
}

/**
 * Applies every safe fix, re-checks, and repeats until no fix is left or `maxPasses` passes
 * were made. A fix may make another finding appear (or disappear); the loop settles it.
 */
export function fixUntilStable(original: string, check: (text: string) => Finding[], options: FixOptions = {}): FixOutcome {
  const maxPasses = options.maxPasses ?? 5;
  const eol = options.eol ?? detectEol(original);
  const accept = options.accept ?? (() => true);
  const seen = new Set<string>([original]);
  const applied: AppliedFix[] = [];
  let text = original;
  let findings = check(text);
  let passes = 0;
  let stable = false;
  for (;;) {
    const chosen = selectFixes(findings, text.length, accept);
    if (chosen.length === 0) { stable = true; break; }
    if (passes >= maxPasses) break;
    const next = applyReplacements(text, chosen.flatMap((f) => f.fix!), eol);
    // A fix that changes nothing, or brings back an earlier text, would loop forever.
    if (next === text || seen.has(next)) break;
    passes++;
    for (const finding of chosen) {
      const first = [...finding.fix!].sort((a, b) => a.start - b.start)[0];
      applied.push({
        rule: finding.rule,
        message: finding.message,
        pass: passes,
        line: finding.range.start.line,
        character: finding.range.start.character,
        before: text.slice(first.start, first.end),
        after: finding.fix!.map((edit) => edit.newText).join(''),
      });
    }
    seen.add(next);
    text = next;
    findings = check(text);
  }
  return { text, findings, applied, passes, stable };
}

/** One edit that turns `before` into `after`: the changed middle, common start and end left alone. */
export function minimalEdit(before: string, after: string): Replacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before.charCodeAt(start) === 10 && before.charCodeAt(start - 1) === 13))) start--;
  while (end > 0 && (isLowSurrogate(before.charCodeAt(before.length - end)) || (before.charCodeAt(before.length - end) === 10 && before.charCodeAt(before.length - end - 1) === 13))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

function isLowSurrogate(code: number): boolean { return code >= 0xdc00 && code <= 0xdfff; }
