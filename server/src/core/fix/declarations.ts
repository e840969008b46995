/**
 * From what a rule reports to the fixes a finding carries: each reported fix gets the title and
 * the safety its rule declares (rule.ts `FixDeclaration`), suggestions become fixes where the
 * rule says they replace the finding's text, and the first safe fix is the one `--fix` applies.
 * A fix of a kind its rule does not declare is never safe.
 */
import type { Fix, Replacement } from '../findings';
import type { FixDeclaration, ReportInput, Rule } from '../rule';
import { say } from '../messages/message';
import { renderMessage, type MessageContext } from '../messages/render';

const clip = (text: string, max = 60) => { const one = text.replace(/\s+/g, ' ').trim(); return one.length > max ? `${one.slice(0, max - 1)}…` : one; };

/** The text a fix replaces and what it writes, shortened for a menu: one edit, else the finding's span. */
function change(edits: readonly Replacement[], text: string, start: number, end: number): { old: string; new: string } {
  if (edits.length === 1) return { old: clip(text.slice(edits[0].start, edits[0].end)), new: clip(edits[0].newText) };
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  const from = Math.min(start, ordered[0].start);
  const to = Math.max(end, ordered[ordered.length - 1].end);
  let after = '';
  let at = from;
  for (const edit of ordered) { after += text.slice(at, edit.start) + edit.newText; at = edit.end; }
  after += text.slice(at, to);
  return { old: clip(text.slice(from, to)), new: clip(after) };
}

const ENGLISH: MessageContext = { locale: 'en', draftLanguage: 'en' };

const sameEdits = (a: readonly Replacement[], b: readonly Replacement[]) =>
  a.length === b.length && a.every((edit, i) => edit.start === b[i].start && edit.end === b[i].end && edit.newText === b[i].newText);

/** The fixes of one reported finding, safe ones first, without duplicates; titles in the messages' locale (English without one). */
export function resolveFixes(rule: Rule, found: ReportInput, text: string, messages: MessageContext = ENGLISH): Fix[] {
  const declarations = rule.fixes ?? {};
  const kinds = Object.keys(declarations);
  const reported = [...(found.fixes ?? [])];
  if (found.fix && kinds.length > 0) reported.unshift({ kind: kinds[0], edits: found.fix });
  else if (found.fix) reported.unshift({ kind: '', edits: found.fix });
  const fromSuggestions = kinds.find((kind) => declarations[kind].fromSuggestions);
  for (const suggestion of fromSuggestions ? found.suggestions ?? [] : []) {
    reported.push({ kind: fromSuggestions!, edits: [{ start: found.start, end: found.end, newText: suggestion }] });
  }
  const fixes: Fix[] = [];
  for (const input of reported) {
    if (input.edits.length === 0 || fixes.some((fix) => sameEdits(fix.edits, input.edits))) continue;
    const declaration: FixDeclaration | undefined = declarations[input.kind];
    const safe = declaration?.safety === 'safe' || (declaration?.safety === 'grammar' && input.safe === true);
    const what = { ...change(input.edits, text, found.start, found.end), detail: input.detail };
    const title = declaration ? declaration.title(what) : say('fix.replace', { old: { quote: what.old }, new: { quote: what.new } });
    fixes.push({ title: renderMessage(title, messages), safe, edits: input.edits });
  }
  return [...fixes.filter((fix) => fix.safe), ...fixes.filter((fix) => !fix.safe)];
}

/** A reported finding with its offsets moved by `by` (block findings reused at a new place). */
export function movedReport(found: ReportInput, by: number): ReportInput {
  const move = (edits: readonly Replacement[]) => edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by }));
  const at = { ...found, start: found.start + by, end: found.end + by };
  if (found.fix) at.fix = move(found.fix);
  if (found.fixes) at.fixes = found.fixes.map((fix) => ({ ...fix, edits: move(fix.edits) }));
  return at;
}
