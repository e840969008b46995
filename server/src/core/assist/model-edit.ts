/**
 * "Add to workspace policy model": the model entry that makes a finding go away because the
 * drafter says the draft is right (a new act, a name the model lacks, an acronym well known in
 * the team, a country the team counts in a group, a dated fact), and the text edit that writes
 * it into a model file. LSP-free.
 */
import { stringify, parseDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { SectionName } from '../../../../schemas/policy-model';
import { LANGUAGE_NAMES_EN } from '../../../../schemas/policy-model';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { eurLexReference, formatAct } from '../analysis/acts';
import { countryOf } from '../analysis/enumerations';
import type { Finding, Replacement } from '../findings';
import { foldDiacritics } from '../text/normalize';
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

/** The YAML lines of one list item, indented by `indent` spaces. */
function yamlItem(entry: Record<string, unknown>, indent: number, eol: Eol): string {
  const rendered = stringify([entry], { lineWidth: 0 }).replace(/\n$/, '');
  return rendered.split('\n').map((line) => `${' '.repeat(indent)}${line}`).join(eol) + eol;
}

/**
 * The edit that adds `entry` to `section` of a model file: `text` undefined means the file does
 * not exist yet (the edit is its whole text). YAML gets the item appended to the section's list
 * (or a new section at the end), leaving the rest of the file as it is; JSON is rewritten.
 * Undefined when the file cannot be read as a model (broken JSON).
 */
export function addEntryEdit(file: string, text: string | undefined, section: SectionName, entry: Record<string, unknown>, eol: Eol = '\n'): Replacement | undefined {
  if (text === undefined || text.trim() === '') {
    const header = `# Council Notes workspace policy model: entries added from drafts. Check them before sharing.${eol}`;
    return { start: 0, end: text?.length ?? 0, newText: `${header}${section}:${eol}${yamlItem(entry, 2, eol)}` };
  }
  if (file.toLowerCase().endsWith('.json')) {
    let data: Record<string, unknown>;
    try { data = JSON.parse(text) as Record<string, unknown>; } catch { return undefined; }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const list = Array.isArray(data[section]) ? data[section] as unknown[] : [];
    data[section] = [...list, entry];
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    return { start: 0, end: text.length, newText: JSON.stringify(data, null, indent).replace(/\n/g, eol) + eol };
  }
  const doc = parseDocument(text);
  const contents = doc.contents;
  const pair = isMap(contents) ? contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === section) : undefined;
  const value = pair && isPair(pair) ? pair.value : undefined;
  if (doc.errors.length === 0 && isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const firstStart = value.range[0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const indent = firstStart - lineStart;
    let at = value.range[1];
    // The list's range ends after its last line break; a file that ends without one gets one.
    const prefix = at > 0 && text[at - 1] !== '\n' ? eol : '';
    if (at > text.length) at = text.length;
    return { start: at, end: at, newText: prefix + yamlItem(entry, indent, eol) };
  }
  if (!pair && (contents === null || isMap(contents)) && (!isMap(contents) || !contents.flow)) {
    const prefix = text.endsWith('\n') ? '' : eol;
    return { start: text.length, end: text.length, newText: `${prefix}${section}:${eol}${yamlItem(entry, 2, eol)}` };
  }
  // An empty or flow-style section, or a file yaml cannot read cleanly: rewrite it through yaml.
  if (doc.errors.length > 0) return undefined;
  if (isSeq(value)) value.items.push(doc.createNode(entry) as never);
  else if (isMap(contents)) (contents as { set(key: unknown, value: unknown): void }).set(section, doc.createNode([entry]));
  else return undefined;
  return { start: 0, end: text.length, newText: doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol) };
}
