/**
 * "Add to workspace policy model": the model entry that makes a finding go away because the
 * drafter says the draft is right (a new act, a name the model lacks, an acronym well known in
 * the team, a country the team counts in a group, a dated fact), and the text edit that writes
 * it into a model file. LSP-free.
 */
import { stringify, parseDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { SectionName } from '../../../../schemas/policy-model';
import { LANGUAGE_NAMES_EN } from '../../../../schemas/model-names';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { eurLexReference, formatAct } from '../analysis/acts';
import { countryOf } from '../analysis/enumerations';
import type { Finding, Replacement } from '../findings';
import { foldDiacritics } from '../text/normalize';
import { outlineJson, JsonSyntaxError, type JsonOutline } from '../text/json-outline';
import { duplicateKeys } from '../text/yaml-keys';
import type { Eol } from '../fix/apply';
import { entityName } from './cards';

export interface ModelAddition {
  section: SectionName;
  entry: Record<string, unknown>;
  /** Title of the code action. */
  title: string;
}

/** The file created at the workspace root when the workspace has no model file yet. */
export const WORKSPACE_MODEL_FILE = 'council-notes.policy.yaml';


function slug(text: string): string {
  const base = foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return base || 'entry';
}

function uniqueId(analysis: DraftAnalysis, section: SectionName, base: string): string {
  const taken = analysis.model.merged.sections[section];
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** What to add to the model so that this finding does not come back, if anything sensible. */
export function modelAdditionFor(finding: Finding, analysis: DraftAnalysis): ModelAddition | undefined {
  const { model, language, prose } = analysis;
  const lang = language.code;
  const found = analysis.text.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim();
  switch (finding.rule) {
    case 'unknown-act': {
      const citation = analysis.citations.find((c) => c.start === finding.start);
      if (!citation) return undefined;
      const { celex } = eurLexReference(citation, lang);
      const suffixCode = citation.suffix && (Object.entries(language.citation.domains).find(([, text]) => text === citation.suffix)?.[0] ?? (citation.suffix in language.citation.domains ? citation.suffix : undefined));
      const domain = citation.domain?.code ?? suffixCode ?? (citation.year >= 2015 ? 'EU' : 'EC');
      const entry = { id: uniqueId(analysis, 'acts', celex), type: citation.type, domain, year: citation.year, number: citation.number, celex };
      return { section: 'acts', entry, title: `Add ${formatAct(entry as never, language)} to the workspace policy model` };
    }
    case 'unknown-country': {
      if (!found) return undefined;
      return {
        section: 'places',
        entry: { id: uniqueId(analysis, 'places', `place-${slug(found)}`), kind: 'other', names: { [lang]: [found] } },
        title: `Add "${found}" to the workspace policy model as a known name`,
      };
    }
    case 'unknown-instrument': {
      if (!found) return undefined;
      return {
        section: 'instruments',
        entry: { id: uniqueId(analysis, 'instruments', `instrument-${slug(found)}`), kind: 'other', names: { [lang]: [found] } },
        title: `Add "${found}" to the workspace policy model as an instrument`,
      };
    }
    case 'undefined-acronym': {
      const form = prose.slice(finding.start, finding.end);
      const existing = model.acronymsByForm(lang).get(form)?.[0];
      const entry = existing
        ? { id: existing.id, wellKnown: [lang] }
        : { id: uniqueId(analysis, 'acronyms', `acr-${slug(form)}`), forms: { [lang]: [form] }, expansions: {}, wellKnown: [lang] };
      return { section: 'acronyms', entry, title: `Add ${form} to the workspace policy model as well known in ${LANGUAGE_NAMES_EN[lang]}` };
    }
    case 'group-membership': {
      const countryId = countryIn(analysis, finding.start, finding.end);
      const owner = ownerBefore(analysis, finding.start);
      if (!countryId || !owner) return undefined;
      const country = entityName(model, 'countries', countryId, language);
      if (owner.kind === 'group') {
        return { section: 'groups', entry: { id: owner.id, members: [countryId] }, title: `Add ${country} to "${entityName(model, 'groups', owner.id, language)}" in the workspace policy model` };
      }
      return { section: 'instruments', entry: { id: owner.id, countries: [countryId] }, title: `Link ${country} to "${entityName(model, 'instruments', owner.id, language)}" in the workspace policy model` };
    }
    case 'fact-mismatch': {
      const year = Number(found);
      const countryId = countryBefore(analysis, finding.start);
      const kind = factKindBefore(analysis, finding.start);
      if (!Number.isInteger(year) || !countryId || !kind) return undefined;
      const entry = { id: uniqueId(analysis, 'facts', `${kind}-${countryId}-${year}`.toLowerCase()), kind, subject: countryId, year };
      return { section: 'facts', entry, title: `Record this fact in the workspace policy model (${entityName(model, 'countries', countryId, language)}, ${year})` };
    }
    default:
      return undefined;
  }
}

function countryIn(analysis: DraftAnalysis, start: number, end: number): string | undefined {
  for (const match of analysis.entities) {
    if (match.end <= start) continue;
    if (match.start >= end) break;
    const id = countryOf(match);
    if (id) return id;
  }
  return undefined;
}

/** The group or instrument named last before an offset, in the same paragraph. */
function ownerBefore(analysis: DraftAnalysis, offset: number): { kind: 'group' | 'instrument'; id: string } | undefined {
  let owner: { kind: 'group' | 'instrument'; id: string } | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    if (/\n\s*\n|\u0001/.test(analysis.prose.slice(match.end, offset))) continue;
    const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'group' || l.kind === 'instrument');
    if (label) owner = { kind: label.kind as 'group' | 'instrument', id: label.id };
  }
  return owner;
}

function countryBefore(analysis: DraftAnalysis, offset: number): string | undefined {
  let found: string | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    const id = countryOf(match);
    if (id) found = id;
  }
  return found;
}

function factKindBefore(analysis: DraftAnalysis, offset: number): string | undefined {
  let found: string | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'fact-phrase');
    if (label) found = label.id;
  }
  return found;
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
