/**
 * "Add to workspace policy model": the entries that make a finding go away because the drafter
 * says the draft is right, as its rule declares them (`Rule.modelAddition`, built with
 * ./model-addition.ts), and the text edit that writes them into a model file. A new entity whose
 * name is a near miss of a known name is never offered: "Tunesia" added as a place would make the
 * misspelling correct everywhere. LSP-free.
 */
import { stringify, parseDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { LanguageCode, SectionName } from '../../../../schemas/policy-model';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { Finding, Replacement } from '../findings';
import type { ModelAddition } from '../rule';
import { RULES_BY_ID } from '../rules/index';
import { isSlip } from '../rules/unknown-country';
import { editDistance, looseKey } from '../text/normalize';
import { outlineJson, JsonSyntaxError, type JsonOutline } from '../text/json-outline';
import { duplicateKeys } from '../text/yaml-keys';
import { applyReplacements, minimalEdit, type Eol } from '../fix/apply';

export type { ModelAddition };

/** The file created at the workspace root when the workspace has no model file yet. */
export const WORKSPACE_MODEL_FILE = 'council-notes.policy.yaml';

/** The additions offered for a finding: what its rule declares, less new entities named by a near miss of a known name. */
export function modelAdditionsFor(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const declared = RULES_BY_ID.get(finding.rule)?.modelAddition;
  if (!declared) return [];
  return declared.additions(finding, analysis).filter((addition) => addition.newName === undefined || !isNearMissOfKnownName(addition.newName, finding, analysis));
}

/**
 * The additions of every finding of a rule in a draft, the first offered for each (for the rule's
 * `everyTitle` action: "Add every unknown act of this draft"), each entry once.
 */
export function everyAdditionOf(rule: string, findings: readonly Finding[], analysis: DraftAnalysis): ModelAddition[] {
  const seen = new Set<string>();
  return findings.filter((finding) => finding.rule === rule).flatMap((finding) => modelAdditionsFor(finding, analysis).slice(0, 1)).filter((addition) => {
    const key = `${addition.section}\u0000${String(addition.entry.id)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether a name is a slip of a name the model knows in the draft's language (within the edit
 * distance unknown-country allows, diacritics and case aside) or of one of the finding's
 * suggestions. The same names with other diacritics are a near miss too: "Turkiye".
 */
export function isNearMissOfKnownName(name: string, finding: Finding, analysis: DraftAnalysis): boolean {
  const key = looseKey(name);
  // Checked once per code action: a scan of the language's names (about 2,000 keys, most skipped
  // by their length) takes well under a millisecond, where building a fuzzy index took 250 ms.
  const slipOf = (otherKey: string) => Math.abs(otherKey.length - key.length) <= 2 && isSlip(key, { key: otherKey, distance: editDistance(key, otherKey, 2) });
  return (finding.suggestions ?? []).some((suggestion) => slipOf(looseKey(suggestion))) || knownNameKeys(analysis).some(slipOf);
}

/** The keys of every name of the language the model knows (countries, places, bodies, instruments, groups, acronyms, act titles). */
function knownNameKeys(analysis: DraftAnalysis): string[] {
  const { model } = analysis;
  const lang = analysis.language.code as LanguageCode;
  return model.memo(`known-name-keys:${lang}`, () => {
    const keys = new Set<string>();
    const add = (text: string | undefined) => { if (text) keys.add(looseKey(text)); };
    for (const country of model.countries.values()) {
      const names = country.names[lang];
      for (const text of [names?.short, names?.formal, ...(names?.variants ?? []), ...(names?.deprecated ?? []).map((d) => d.name)]) add(text);
    }
    for (const entity of [...model.places.values(), ...model.bodies.values(), ...model.instruments.values()]) entity.names[lang]?.forEach(add);
    for (const entity of [...model.bodies.values(), ...model.instruments.values()]) entity.acronyms?.[lang]?.forEach(add);
    for (const group of model.groups.values()) group.labels[lang]?.forEach(add);
    for (const acronym of model.acronyms.values()) acronym.forms[lang]?.forEach(add);
    for (const act of model.acts.values()) act.titles?.[lang]?.short?.forEach(add);
    return [...keys];
  });
}

/**
 * The text edit that adds `entry` to `section` of a model file, or why it is refused. `text`
 * undefined means the file does not exist yet (the edit is its whole text). Otherwise the edit
 * is an insertion that keeps every other byte of the file (comments, layout, escapes, keys the
 * loader ignores), and it is made only when the file parses and the result reads as the same
 * model plus the entry: a file that cannot be parsed is refused, never rewritten.
 */
export type EntryEditPlan = { edit: Replacement } | { refusal: string };

export function planEntryEdit(file: string, text: string | undefined, section: SectionName, entry: Record<string, unknown>, eol: Eol = '\n'): EntryEditPlan {
  const json = file.toLowerCase().endsWith('.json');
  if (text === undefined || text.trim() === '') {
    const newText = json
      ? `{${eol}  ${JSON.stringify(section)}: ${jsonList(entry, '  ', '  ', eol)}${eol}}${eol}`
      : `# Council Notes workspace policy model: entries added from drafts. Check them before sharing.${eol}${section}:${eol}${yamlItem(entry, 2, eol)}`;
    return { edit: { start: 0, end: text?.length ?? 0, newText } };
  }
  const plan = json ? jsonEntryEdit(text, section, entry, eol) : yamlEntryEdit(text, section, entry, eol);
  if ('refusal' in plan) return plan;
  return keepsTheRest(json, text, plan.edit, section, entry) ? plan : { refusal: 'could not be added to without changing the rest of the file' };
}

/** The edit of planEntryEdit, or undefined when it is refused. */
export function addEntryEdit(file: string, text: string | undefined, section: SectionName, entry: Record<string, unknown>, eol: Eol = '\n'): Replacement | undefined {
  const plan = planEntryEdit(file, text, section, entry, eol);
  return 'edit' in plan ? plan.edit : undefined;
}

/**
 * The edit that adds several entries (each checked as planEntryEdit checks one), as one
 * replacement of the file's text: "add every unknown act of this draft" is one undoable edit.
 */
export function planEntriesEdit(file: string, text: string | undefined, entries: readonly Pick<ModelAddition, 'section' | 'entry'>[], eol: Eol = '\n'): EntryEditPlan {
  let current = text;
  for (const { section, entry } of entries) {
    const plan = planEntryEdit(file, current, section, entry, eol);
    if ('refusal' in plan) return plan;
    current = applyReplacements(current ?? '', [plan.edit]);
  }
  const edit = minimalEdit(text ?? '', current ?? '');
  return edit ? { edit } : { refusal: 'would not change' };
}

const refuse = (refusal: string): EntryEditPlan => ({ refusal });
const insert = (at: number, newText: string): EntryEditPlan => ({ edit: { start: at, end: at, newText } });

/** "line N" of an offset. */
function lineOf(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
}

/** The spaces (or tabs) before `offset` on its line, if nothing else stands there. */
function indentBefore(text: string, offset: number): string | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The YAML lines of one list item, indented by `indent` spaces. */
function yamlItem(entry: Record<string, unknown>, indent: number, eol: Eol): string {
  const rendered = stringify([entry], { lineWidth: 0 }).replace(/\n$/, '');
  return rendered.split('\n').map((line) => `${' '.repeat(indent)}${line}`).join(eol) + eol;
}

/** An entry as a YAML flow mapping, for a flow list. */
const yamlFlow = (entry: Record<string, unknown>) => stringify(entry, { collectionStyle: 'flow', lineWidth: 0 }).trim();

function yamlEntryEdit(text: string, section: SectionName, entry: Record<string, unknown>, eol: Eol): EntryEditPlan {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) return refuse(`cannot be parsed as YAML (${lineOf(text, error.pos[0])}: ${error.message.split('\n')[0]})`);
  const repeated = duplicateKeys(doc)[0];
  if (repeated) return refuse(`cannot be parsed: the key "${String((repeated as { value?: unknown }).value)}" is repeated (${lineOf(text, repeated.range?.[0] ?? 0)})`);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return refuse('is not a mapping of sections');
  const pair = contents?.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === section);
  if (!pair) {
    if (contents?.flow && contents.range) {
      const close = text.lastIndexOf('}', contents.range[1] - 1);
      return insert(close, `${contents.items.length > 0 ? ', ' : ''}${section}: [ ${yamlFlow(entry)} ]`);
    }
    return insert(text.length, `${/[\r\n]$/.test(text) ? '' : eol}${section}:${eol}${yamlItem(entry, 2, eol)}`);
  }
  const value = pair.value;
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  if (!keyRange) return refuse(`"${section}" cannot be located`);
  if (value === null || (isScalar(value) && value.value === null && value.range && value.range[0] === value.range[1])) {
    // An empty section ("bodies:"): the list goes on the lines after the key.
    const keyIndent = indentBefore(text, keyRange[0]) ?? '';
    const lineEnd = text.indexOf('\n', keyRange[1]);
    const item = yamlItem(entry, keyIndent.length + 2, eol);
    return lineEnd < 0 ? insert(text.length, eol + item) : insert(lineEnd + 1, item);
  }
  if (!isSeq(value) || !value.range) return refuse(`"${section}" is not a list`);
  if (value.flow) {
    // After the last item (or the "["), so that the spacing before "]" stays as it is.
    const last = (value.items.at(-1) as { range?: [number, number, number] } | undefined)?.range;
    return last ? insert(last[1], `, ${yamlFlow(entry)}`) : insert(text.indexOf('[', value.range[0]) + 1, yamlFlow(entry));
  }
  // A block list: the item goes after its last item, indented like its first.
  const indent = indentBefore(text, value.range[0]) ?? '  ';
  const at = Math.min(value.range[1], text.length);
  // The list's range ends after its last line break; a file that ends without one gets one.
  const prefix = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return insert(at, prefix + yamlItem(entry, indent.length, eol));
}

/** A one-entry JSON list, its lines indented from `indent` by `unit`. */
function jsonList(entry: Record<string, unknown>, indent: string, unit: string, eol: Eol): string {
  return `[${eol}${indent}${unit}${jsonObject(entry, indent + unit, unit, eol)}${eol}${indent}]`;
}

function jsonObject(entry: Record<string, unknown>, indent: string, unit: string, eol: Eol): string {
  return JSON.stringify(entry, null, unit).replace(/\n/g, eol + indent);
}

function jsonEntryEdit(text: string, section: SectionName, entry: Record<string, unknown>, eol: Eol): EntryEditPlan {
  let outline: JsonOutline;
  try { outline = outlineJson(text); } catch (error) {
    const offset = error instanceof JsonSyntaxError ? error.offset : 0;
    return refuse(`cannot be read as JSON (${lineOf(text, offset)}: ${(error as Error).message.replace(/ at offset \d+$/, '')})`);
  }
  if (outline.root.kind !== 'object') return refuse('is not an object of sections');
  const first = outline.members[0];
  const unit = (first && indentBefore(text, first.keySpan.start)) || '  ';
  // JSON.parse, and so the loader, reads the last of two equal keys.
  const member = outline.members.filter((m) => m.key === section).at(-1);
  if (!member) {
    const last = outline.members.at(-1);
    const added = `${eol}${unit}${JSON.stringify(section)}: ${jsonList(entry, unit, unit, eol)}`;
    return last ? insert(last.value.end, `,${added}`) : insert(outline.root.start + 1, `${added}${eol}`);
  }
  if (member.kind !== 'array' || !member.items) return refuse(`"${section}" is not a list`);
  const indent = indentBefore(text, member.keySpan.start) ?? unit;
  const lastItem = member.items.at(-1);
  if (!lastItem) {
    const inner = `${eol}${indent}${unit}${jsonObject(entry, indent + unit, unit, eol)}${eol}${indent}`;
    return insert(member.value.start + 1, inner);
  }
  const itemIndent = indentBefore(text, lastItem.start);
  if (itemIndent === undefined) return insert(lastItem.end, `, ${JSON.stringify(entry)}`);
  const multiLine = /[\r\n]/.test(text.slice(lastItem.start, lastItem.end));
  return insert(lastItem.end, `,${eol}${itemIndent}${multiLine ? jsonObject(entry, itemIndent, unit, eol) : JSON.stringify(entry)}`);
}

/** The text after the edit reads as the model before it with the entry appended to its section. */
function keepsTheRest(json: boolean, text: string, edit: Replacement, section: SectionName, entry: Record<string, unknown>): boolean {
  const read = (source: string): unknown => {
    if (json) return JSON.parse(source);
    const doc = parseDocument(source, { uniqueKeys: false });
    if (doc.errors.length > 0) throw new Error('invalid');
    return doc.toJS({ maxAliasCount: 1000 }) ?? {};
  };
  try {
    const expected = read(text) as Record<string, unknown>;
    const list = expected[section];
    expected[section] = [...(Array.isArray(list) ? list : []), entry];
    return sameData(read(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)), expected);
  } catch {
    return false;
  }
}

/** Equal data as the parsers give it: plain objects, arrays and scalars (key order aside). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
