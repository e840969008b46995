/**
 * Compares a translation with its original: the two analyses are read into units (units.ts),
 * the units aligned (align.ts), and each aligned pair compared for what it states. Findings are
 * on the translation, each with the place in the original it is about. No LSP types, no files:
 * the CLI and the language server call this one function.
 */
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { Finding, Severity } from '../findings';
import type { Range } from '../text/positions';
import { LANGUAGE_NAMES_EN } from '../../../../schemas/model-names';
import type { LanguageCode } from '../../../../schemas/policy-model';
import { referenceLabel } from '../assist/references';
import { alignUnits, beadCost, contentDistance, type Bead } from './align';
import { readUnits, type Item, type Unit } from './units';
import { sameName, WORD } from './unknown-names';
import { looseKey } from '../text/normalize';
import { analyseDraft } from '../assist/analyse';
import type { PolicyIndex } from '../model/policy-index';
import type { LanguageRegistry } from '../language/registry';

export const COMPARE_RULES = {
  entity: 'compare-entity',
  number: 'compare-number',
  date: 'compare-date',
  name: 'compare-name',
  footnote: 'compare-footnote',
  point: 'compare-point',
  question: 'compare-question',
  paragraph: 'compare-paragraph',
} as const;

export interface CompareFinding extends Finding {
  /** The place in the original the finding is about. */
  original: { start: number; end: number; range: Range };
}

export interface CompareResult {
  originalLanguage: string;
  translationLanguage: string;
  /** Units of each version, and how many of the original's have a counterpart, for the summary line. */
  units: { original: number; translation: number; matched: number };
  findings: CompareFinding[];
}

interface Side { analysis: DraftAnalysis; units: Unit[] }
/** A difference before it becomes a finding: an item one side of a pair of units has and the other lacks. */
interface Difference { item: Item; bead: number; side: 'original' | 'translation' }

/** Below this cost two footnotes (or questions) read as the same one (see align.ts for the scale). */
const SAME_UNIT_COST = 1.2;

export function compareVersions(original: DraftAnalysis, translation: DraftAnalysis): CompareResult {
  const a = readUnits(original);
  const b = readUnits(translation);
  const beads = alignUnits(a.body, b.body);
  const footnotePairs = matchFootnotes(a.footnotes, b.footnotes);
  const findings: CompareFinding[] = [];
  const report = new Reporter(original, translation, findings);
  const allBeads = [...beads, ...footnotePairs.pairs.map(([o, t]) => ({ original: [o], translation: [t] }))];
  compareItems(allBeads, { analysis: original, units: a.body }, { analysis: translation, units: b.body }, report);
  compareStructure(beads, report);
  reportSwapped(beads, report);
  compareFootnotes(beads, footnotePairs, a.footnotes, b.footnotes, report);
  findings.sort((x, y) => x.start - y.start || x.end - y.end || x.rule.localeCompare(y.rule));
  // Units of the original that have a counterpart (a unit split in two counts once).
  const matched = beads.reduce((sum, bead) => sum + (bead.translation.length > 0 ? bead.original.length : 0), 0);
  return {
    originalLanguage: original.language.code,
    translationLanguage: translation.language.code,
    units: { original: a.body.length + a.footnotes.length, translation: b.body.length + b.footnotes.length, matched: matched + footnotePairs.pairs.length },
    findings,
  };
}

class Reporter {
  constructor(readonly original: DraftAnalysis, readonly translation: DraftAnalysis, private readonly findings: CompareFinding[]) {}

  add(rule: string, severity: Severity, message: string, at: { start: number; end: number }, about: { start: number; end: number }): void {
    this.findings.push({
      rule, severity, message, start: at.start, end: at.end, range: this.translation.lines.rangeOf(at.start, at.end),
      original: { start: about.start, end: about.end, range: this.original.lines.rangeOf(about.start, about.end) },
    });
  }

  /** "line 12" of the original, for messages. */
  line(offset: number): string { return `line ${this.original.lines.positionAt(offset).line + 1}`; }

  languageName(analysis: DraftAnalysis): string { return LANGUAGE_NAMES_EN[analysis.language.code as LanguageCode] ?? analysis.language.code; }
}

// --- what the units state -----------------------------------------------------------------------

const SEVERITY_OF_ENTITY: Record<string, Severity> = { country: 'error', act: 'error', article: 'error' };

function compareItems(beads: Bead[], original: Side, translation: Side, report: Reporter): void {
  const differences: Difference[][] = beads.map(() => []);
  beads.forEach((bead, k) => {
    // A unit with no counterpart is reported once, as a whole (compareStructure).
    if (bead.original.length === 0 || bead.translation.length === 0) return;
    const a = bead.original.flatMap((unit) => unit.items);
    const b = bead.translation.flatMap((unit) => unit.items);
    for (const item of unmatched(a, b, bead.translation, translation.analysis)) differences[k].push({ item, bead: k, side: 'original' });
    for (const item of unmatched(b, a, bead.original, original.analysis)) differences[k].push({ item, bead: k, side: 'translation' });
  });
  cancelAcrossNeighbours(differences);
  /** A version's words by their first letter: names that begin with other letters are not taken for one. */
  const wordsOf = (analysis: DraftAnalysis) => {
    const byLetter = new Map<string, Set<string>>();
    for (const match of analysis.prose.matchAll(WORD)) {
      const key = looseKey(match[0]);
      let words = byLetter.get(key[0]);
      if (!words) byLetter.set(key[0], words = new Set());
      words.add(key);
    }
    return byLetter;
  };
  const found = new Map<string, boolean>();
  /** Whether a version writes a name anywhere (asked once per name and version). */
  const writes = (side: 'original' | 'translation', key: string) => {
    const memo = `${side}:${key}`;
    let answer = found.get(memo);
    if (answer === undefined) {
      otherNames ??= { original: wordsOf(original.analysis), translation: wordsOf(translation.analysis) };
      found.set(memo, answer = [...otherNames[side].get(key[0]) ?? []].some((word) => sameName(word, key)));
    }
    return answer;
  };
  let otherNames: { original: Map<string, Set<string>>; translation: Map<string, Set<string>> } | undefined;
  differences.forEach((list, k) => {
    const bead = beads[k];
    const missing = list.filter((d) => d.side === 'original');
    const added = list.filter((d) => d.side === 'translation');
    for (const miss of missing) {
      const replacement = added.find((add) => add.item.kind === miss.item.kind && sameCategory(add.item, miss.item));
      if (replacement) {
        added.splice(added.indexOf(replacement), 1);
        reportDifferent(miss.item, replacement.item, report);
        continue;
      }
      if (!nameable(miss.item, translation.analysis)) continue;
      if (miss.item.kind === 'name') {
        // A name the other version writes nowhere may simply be translated: only a name that the
        // translation keeps elsewhere, but not here, is reported.
        if (!writes('translation', miss.item.key.slice(5))) continue;
      }
      reportMissing(miss.item, bead, report);
    }
    for (const add of added) {
      if (!nameable(add.item, original.analysis)) continue;
      if (add.item.kind === 'name') {
        if (!writes('original', add.item.key.slice(5))) continue;
      }
      reportAdded(add.item, bead, report);
    }
  });
}

/**
 * Items of `from` that `to` lacks. Numbers and dates count as often as they are written
 * ("2021" three times); entities and names once per unit, since a translation may say "that
 * country" the second time. A date without a year matches the same day with one; a name matches
 * the other side's words as spelt in its language ("Khartoum" / "Khartoem").
 */
function unmatched(from: Item[], to: Item[], toUnits: Unit[], toAnalysis: DraftAnalysis): Item[] {
  const counts = new Map<string, number>();
  for (const item of to) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  const seen = new Set<string>();
  const out: Item[] = [];
  const words = () => toUnits.flatMap((unit) => [...toAnalysis.prose.slice(unit.start, unit.end).matchAll(WORD)].map((m) => looseKey(m[0])));
  let toWords: string[] | undefined;
  for (const item of from) {
    const counted = item.kind === 'number' || item.kind === 'date';
    if (!counted) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      if (counts.has(item.key)) continue;
      if (item.kind === 'name' && (toWords ??= words()).some((word) => sameName(word, item.key.slice(5)))) continue;
      out.push(item);
      continue;
    }
    const left = counts.get(item.key) ?? 0;
    if (left > 0) { counts.set(item.key, left - 1); continue; }
    out.push(item);
  }
  // Dates without a year: matched with a date of the same day and month on the other side.
  return out.filter((item) => {
    if (item.kind !== 'date') return true;
    const [year, month, day] = item.key.slice(5).split('-');
    const compatible = to.find((other) => {
      if (other.kind !== 'date') return false;
      const [y, m, d] = other.key.slice(5).split('-');
      return m === month && d === day && (y === '?' || year === '?');
    });
    return !compatible;
  });
}

/** A difference missing in one pair of units and present in the next (or previous) pair moved across the boundary: not a difference. */
function cancelAcrossNeighbours(differences: Difference[][]): void {
  for (let k = 0; k + 1 < differences.length; k++) {
    for (const [x, y] of [[k, k + 1], [k + 1, k]] as const) {
      for (const miss of [...differences[x]]) {
        if (miss.side !== 'original') continue;
        const match = differences[y].find((d) => d.side === 'translation' && d.item.key === miss.item.key);
        if (!match) continue;
        differences[x].splice(differences[x].indexOf(miss), 1);
        differences[y].splice(differences[y].indexOf(match), 1);
      }
    }
  }
}

/**
 * Whether the other version could have named an entity the model knows: the model has a name
 * for it in that version's language (its English name for "Groep migratie" is not known), or it
 * is an act cited by its number, which every language writes alike.
 */
function nameable(item: Item, other: DraftAnalysis): boolean {
  if (item.kind !== 'entity' || !item.ref) return true;
  const lang = other.language.code as LanguageCode;
  const { model } = other;
  const { section, id } = item.ref;
  switch (section) {
    case 'countries': return !!model.countries.get(id)?.names[lang];
    case 'bodies': return !!model.bodies.get(id)?.names?.[lang]?.length;
    case 'instruments': return !!model.instruments.get(id)?.names?.[lang]?.length;
    case 'groups': return !!model.groups.get(id)?.labels?.[lang]?.length;
    case 'places': return !!model.places.get(id)?.names?.[lang]?.length;
    case 'acts': return /\d/.test(item.written) || !!model.acts.get(id)?.titles?.[lang]?.short?.length;
    default: return true;
  }
}

/** Two items that one can stand for the other: two countries, two articles of one act, two numbers, two dates. */
function sameCategory(a: Item, b: Item): boolean {
  if (a.kind !== 'entity') return a.kind !== 'name';
  if (a.refKind !== b.refKind) return false;
  return a.refKind !== 'article' || a.ref?.id === b.ref?.id;
}

function labelIn(analysis: DraftAnalysis, item: Item): string {
  return item.ref ? referenceLabel(analysis, item.ref) : item.written;
}

function severityOf(item: Item): Severity {
  if (item.kind === 'entity') return SEVERITY_OF_ENTITY[item.refKind ?? ''] ?? 'warning';
  return item.kind === 'name' ? 'warning' : 'error';
}

function ruleOf(item: Item): string {
  return COMPARE_RULES[item.kind];
}

function whatUnit(units: Unit[]): string {
  if (units[0]?.point !== undefined) return `point ${units[0].point}`;
  const kind = units[0]?.kind ?? 'paragraph';
  return kind === 'item' ? 'list item' : kind === 'question' ? 'question' : kind === 'heading' ? 'heading' : kind === 'footnote' ? 'footnote' : 'paragraph';
}

function reportDifferent(was: Item, now: Item, report: Reporter): void {
  const { translation } = report;
  const written = oneLine(translation.text.slice(now.start, now.end));
  const before = oneLine(report.original.text.slice(was.start, was.end));
  let message = `"${written}" here, where the original has "${before}" (${report.line(was.start)}).`;
  // A known entity: how this version's language names what the original says.
  const expected = was.ref ? oneLine(labelIn(translation, was)) : undefined;
  if (expected && expected !== written) message += ` In ${report.languageName(translation)}: ${expected}.`;
  report.add(ruleOf(was), severityOf(was), message, now, was);
}

function oneLine(text: string): string { return text.replace(/\s+/g, ' '); }

function reportMissing(item: Item, bead: Bead, report: Reporter): void {
  const { translation } = report;
  const unit = bead.translation[0];
  const where = whatUnit(bead.translation);
  const originalText = report.original.text.slice(item.start, item.end).replace(/\s+/g, ' ');
  let message: string;
  if (item.kind === 'entity') {
    message = `${labelIn(translation, item)} is missing from this ${where}: the original names it (${report.line(item.start)}: "${originalText}").`;
    const untranslated = untranslatedName(item, bead, translation);
    if (untranslated) {
      message += ` "${untranslated.written}" is written here, the ${untranslated.language} name: a name left untranslated? In ${report.languageName(translation)}: "${labelIn(translation, item)}".`;
      report.add(ruleOf(item), severityOf(item), message, untranslated, item);
      return;
    }
  } else if (item.kind === 'name') {
    message = `"${originalText}" (${report.line(item.start)}) is not in this ${where}. The policy model does not know the name, so it is compared as written: if this version writes it differently, add both forms to the model; if it is a name left untranslated elsewhere, this ${where} may have lost it.`;
  } else {
    message = `The original states ${describe(item)} "${originalText}" here (${report.line(item.start)}); this ${where} does not.`;
  }
  report.add(ruleOf(item), severityOf(item), message, { start: unit.start, end: unit.firstLineEnd }, item);
}

function reportAdded(item: Item, bead: Bead, report: Reporter): void {
  const { translation } = report;
  const unit = bead.original[0];
  const written = translation.text.slice(item.start, item.end).replace(/\s+/g, ' ');
  const where = `the original's ${whatUnit(bead.original)} (${report.line(unit.start)})`;
  const message = item.kind === 'entity'
    ? `${labelIn(translation, item)} is not in ${where}.`
    : item.kind === 'name'
      ? `"${written}" is not in ${where}. The policy model does not know the name, so it is compared as written: it may be a name left untranslated, or one the original writes differently.`
      : `${capitalise(describe(item))} "${written}" is not in ${where}.`;
  report.add(ruleOf(item), severityOf(item), message, item, { start: unit.start, end: unit.firstLineEnd });
}

function describe(item: Item): string {
  if (item.kind === 'number') return /^\d{4}$/.test(item.key.slice(7)) ? 'the year' : 'the number';
  if (item.kind === 'date') return 'the date';
  return 'the name';
}

/** A name of the missing entity in another language, written in the translation's unit: left untranslated. */
function untranslatedName(item: Item, bead: Bead, translation: DraftAnalysis): { start: number; end: number; written: string; language: string } | undefined {
  const id = item.ref?.id;
  if (!id) return undefined;
  for (const unit of bead.translation) {
    for (const match of translation.entities) {
      if (match.start < unit.start || match.end > unit.end) continue;
      const label = match.values.find((l) => l.id === id && l.lang !== translation.language.code);
      if (label) return { start: match.start, end: match.end, written: translation.text.slice(match.start, match.end), language: LANGUAGE_NAMES_EN[label.lang] ?? label.lang };
    }
  }
  return undefined;
}

// --- structure: units with no counterpart, numbered points, questions ---------------------------

function compareStructure(beads: Bead[], report: Reporter): void {
  let pointShift: number | undefined;
  beads.forEach((bead, k) => {
    if (bead.translation.length === 0) {
      const at = placeInTranslation(beads, k, report);
      for (const unit of bead.original) reportUnitMissing(unit, at, report);
      return;
    }
    if (bead.original.length === 0) {
      for (const unit of bead.translation) reportUnitAdded(unit, beads, k, report);
      return;
    }
    // Questions: each side's questions in this pair of units.
    const questionsA = bead.original.filter((unit) => unit.kind === 'question');
    const questionsB = bead.translation.filter((unit) => unit.kind === 'question');
    for (const unit of questionsA.slice(questionsB.length)) {
      const target = bead.translation[0];
      report.add(COMPARE_RULES.question, 'error', `The original asks a question here that this version does not (${report.line(unit.start)}: "${preview(report.original, unit)}").`, { start: target.start, end: target.firstLineEnd }, unit);
    }
    for (const unit of questionsB.slice(questionsA.length)) {
      report.add(COMPARE_RULES.question, 'error', `This question is not in the original: its text there (${report.line(bead.original[0].start)}) asks nothing.`, { start: unit.start, end: unit.firstLineEnd }, bead.original[0]);
    }
    // Numbered points: a different number is reported where the numbering starts to differ.
    const a = bead.original.find((unit) => unit.point !== undefined);
    const b = bead.translation.find((unit) => unit.point !== undefined);
    if (a?.point && b?.point && /^\d+$/.test(a.point) && /^\d+$/.test(b.point)) {
      const shift = Number(b.point) - Number(a.point);
      if (shift !== 0 && shift !== pointShift) {
        report.add(COMPARE_RULES.point, 'error', `Point ${b.point} here is point ${a.point} in the original (${report.line(a.start)}): the numbering differs from here on.`, { start: b.start, end: b.firstLineEnd }, a);
      }
      pointShift = shift;
    }
  });
}

/**
 * Two questions or numbered points in the other order: the first of two neighbouring pairs reads
 * as the second one's original and the other way round, by what they state.
 */
function reportSwapped(beads: Bead[], report: Reporter): void {
  for (let k = 0; k + 1 < beads.length; k++) {
    const [x, y] = [beads[k], beads[k + 1]];
    if (x.original.length !== 1 || x.translation.length !== 1 || y.original.length !== 1 || y.translation.length !== 1) continue;
    const units = [x.original[0], x.translation[0], y.original[0], y.translation[0]];
    if (units.some((unit) => unit.items.length === 0)) continue;
    if (!units.every((unit) => unit.kind === 'question') && !units.every((unit) => unit.point !== undefined)) continue;
    const straight = contentDistance([units[0]], [units[1]]) + contentDistance([units[2]], [units[3]]);
    const crossed = contentDistance([units[0]], [units[3]]) + contentDistance([units[2]], [units[1]]);
    if (crossed > straight - 0.5) continue;
    const what = units[0].kind === 'question' ? 'question' : 'point';
    report.add(units[0].kind === 'question' ? COMPARE_RULES.question : COMPARE_RULES.point, 'warning',
      `This ${what} and the next are in the other order than in the original: this one is the original's next ${what} (${report.line(units[2].start)}).`,
      { start: units[1].start, end: units[1].firstLineEnd }, units[2]);
    k++;
  }
}

/** Where in the translation a unit it lacks would stand: the start of the next matched unit (or the end of the previous one). */
function placeInTranslation(beads: Bead[], k: number, report: Reporter): { start: number; end: number } {
  for (let next = k + 1; next < beads.length; next++) {
    const unit = beads[next].translation[0];
    if (unit) return { start: unit.start, end: unit.firstLineEnd };
  }
  for (let previous = k - 1; previous >= 0; previous--) {
    const unit = beads[previous].translation.at(-1);
    if (unit) return { start: unit.start, end: unit.firstLineEnd };
  }
  const end = report.translation.text.search(/\r?\n|$/);
  return { start: 0, end };
}

function reportUnitMissing(unit: Unit, at: { start: number; end: number }, report: Reporter): void {
  const line = report.line(unit.start);
  const text = preview(report.original, unit);
  const content = contentList(unit);
  if (unit.kind === 'question') report.add(COMPARE_RULES.question, 'error', `A question of the original is missing before this point (${line}: "${text}").`, at, unit);
  else if (unit.point !== undefined) report.add(COMPARE_RULES.point, 'error', `Point ${unit.point} of the original is missing before this point (${line}: "${text}")${content}.`, at, unit);
  else if (unit.items.length > 0 || unit.letters > 60) report.add(COMPARE_RULES.paragraph, unit.items.length > 0 ? 'error' : 'warning', `A ${whatUnit([unit])} of the original has no counterpart in this version (${line}: "${text}")${content}.`, at, unit);
}

function reportUnitAdded(unit: Unit, beads: Bead[], k: number, report: Reporter): void {
  const neighbour = beads.slice(0, k).reverse().find((bead) => bead.original.length > 0)?.original.at(-1) ?? beads.slice(k + 1).find((bead) => bead.original.length > 0)?.original[0];
  const about = neighbour ? { start: neighbour.start, end: neighbour.firstLineEnd } : { start: 0, end: 0 };
  const at = { start: unit.start, end: unit.firstLineEnd };
  if (unit.kind === 'question') report.add(COMPARE_RULES.question, 'error', 'This question is not in the original.', at, about);
  else if (unit.point !== undefined) report.add(COMPARE_RULES.point, 'error', `Point ${unit.point} is not in the original.`, at, about);
  else if (unit.items.length > 0 || unit.letters > 60) report.add(COMPARE_RULES.paragraph, unit.items.length > 0 ? 'error' : 'warning', `This ${whatUnit([unit])} has no counterpart in the original${contentList(unit)}.`, at, about);
}

function contentList(unit: Unit): string {
  const labels = [...new Set(unit.items.map((item) => oneLine(item.written)))];
  if (labels.length === 0) return '';
  return `; it states ${labels.slice(0, 6).join(', ')}${labels.length > 6 ? ', …' : ''}`;
}

function preview(analysis: DraftAnalysis, unit: Unit): string {
  const words = analysis.prose.slice(unit.start, unit.end).replace(/[\u0001\s]+/g, ' ').trim().split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : words.join(' ');
}

// --- footnotes -----------------------------------------------------------------------------------

interface FootnotePairs { pairs: [Unit, Unit][]; byOriginal: Map<string, string> }

/** Footnotes read as the same one: the cheapest pairs first, each footnote in one pair at most. */
function matchFootnotes(original: Unit[], translation: Unit[]): FootnotePairs {
  const ratio = 1;
  const candidates: { cost: number; a: Unit; b: Unit }[] = [];
  original.forEach((a, i) => translation.forEach((b, j) => {
    // Position counts a little: of two equally close footnotes, the one in the same place wins.
    const cost = beadCost([a], [b], ratio) + Math.abs(i / Math.max(1, original.length) - j / Math.max(1, translation.length)) * 0.2;
    if (cost < SAME_UNIT_COST) candidates.push({ cost, a, b });
  }));
  candidates.sort((x, y) => x.cost - y.cost);
  const pairs: [Unit, Unit][] = [];
  const used = new Set<Unit>();
  for (const { a, b } of candidates) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a); used.add(b);
    pairs.push([a, b]);
  }
  return { pairs, byOriginal: new Map(pairs.map(([a, b]) => [a.footnote!, b.footnote!])) };
}

function compareFootnotes(beads: Bead[], matched: FootnotePairs, original: Unit[], translation: Unit[], report: Reporter): void {
  const matchedTranslation = new Set(matched.byOriginal.values());
  const toOriginal = new Map([...matched.byOriginal].map(([a, b]) => [b, a]));
  const definitionOf = (units: Unit[], id: string) => units.find((unit) => unit.footnote === id);
  /** Footnotes of the original reported as missing as a whole: their references are not reported again. */
  const reported = new Set<string>();
  beads.forEach((bead, k) => {
    const refsA = bead.original.flatMap((unit) => unit.footnoteRefs);
    const refsB = bead.translation.flatMap((unit) => unit.footnoteRefs);
    const near = (j: number) => beads[j]?.translation.flatMap((unit) => unit.footnoteRefs.map((ref) => ref.identifier)) ?? [];
    for (const ref of refsA) {
      const expected = matched.byOriginal.get(ref.identifier);
      if (expected && [...refsB.map((r) => r.identifier), ...near(k - 1), ...near(k + 1)].includes(expected)) continue;
      const at = bead.translation[0] ? { start: bead.translation[0].start, end: bead.translation[0].firstLineEnd } : placeInTranslation(beads, k, report);
      const definition = definitionOf(original, ref.identifier);
      if (!expected) {
        reported.add(ref.identifier);
        report.add(COMPARE_RULES.footnote, 'error', `Footnote [^${ref.identifier}] of the original (${report.line(ref.start)}) is missing in this version${definition ? `: "${preview(report.original, definition)}"` : ''}.`, at, ref);
      } else {
        report.add(COMPARE_RULES.footnote, 'error', `The original refers to footnote [^${ref.identifier}] here (${report.line(ref.start)}); this ${whatUnit(bead.translation)} does not refer to its translation [^${expected}].`, at, ref);
      }
    }
    for (const ref of refsB) {
      const counterpart = toOriginal.get(ref.identifier);
      if (counterpart && [...refsA.map((r) => r.identifier), ...(beads[k - 1]?.original ?? []).flatMap((u) => u.footnoteRefs.map((r) => r.identifier)), ...(beads[k + 1]?.original ?? []).flatMap((u) => u.footnoteRefs.map((r) => r.identifier))].includes(counterpart)) continue;
      const about = bead.original[0] ? { start: bead.original[0].start, end: bead.original[0].firstLineEnd } : { start: 0, end: 0 };
      if (!counterpart) report.add(COMPARE_RULES.footnote, 'error', `Footnote [^${ref.identifier}] is not in the original.`, ref, about);
      else report.add(COMPARE_RULES.footnote, 'error', `Footnote [^${ref.identifier}] (footnote [^${counterpart}] of the original) is referred to here, but not in the original's ${whatUnit(bead.original)} here.`, ref, about);
    }
  });
  // Footnotes never referred to in the body: their definitions alone.
  for (const unit of original) {
    if (matched.byOriginal.has(unit.footnote!) || reported.has(unit.footnote!)) continue;
    const at = placeInTranslation([], 0, report);
    report.add(COMPARE_RULES.footnote, 'error', `Footnote [^${unit.footnote}] of the original (${report.line(unit.start)}) is missing in this version: "${preview(report.original, unit)}".`, at, unit);
    reported.add(unit.footnote!);
  }
  for (const unit of translation) {
    if (matchedTranslation.has(unit.footnote!)) continue;
    // Its reference was reported above when it has one.
    if (beads.some((bead) => bead.translation.some((u) => u.footnoteRefs.some((ref) => ref.identifier === unit.footnote)))) continue;
    report.add(COMPARE_RULES.footnote, 'error', `Footnote [^${unit.footnote}] is not in the original.`, { start: unit.start, end: unit.firstLineEnd }, { start: 0, end: 0 });
  }
  reportReorderedFootnotes(beads, matched, report);
}

/** The translation refers to the footnotes in another order than the original. */
function reportReorderedFootnotes(beads: Bead[], matched: FootnotePairs, report: Reporter): void {
  const orderA = beads.flatMap((bead) => bead.original.flatMap((unit) => unit.footnoteRefs)).map((ref) => ref.identifier);
  const refsB = beads.flatMap((bead) => bead.translation.flatMap((unit) => unit.footnoteRefs));
  const positionInOriginal = new Map<string, number>();
  orderA.forEach((id, i) => { if (!positionInOriginal.has(id)) positionInOriginal.set(id, i); });
  const toOriginal = new Map([...matched.byOriginal].map(([a, b]) => [b, a]));
  let last = -1;
  for (const ref of refsB) {
    const counterpart = toOriginal.get(ref.identifier);
    const position = counterpart === undefined ? undefined : positionInOriginal.get(counterpart);
    if (position === undefined) continue;
    if (position < last) {
      const definition = beads.flatMap((bead) => bead.original).find((unit) => unit.footnoteRefs.some((r) => r.identifier === counterpart));
      report.add(COMPARE_RULES.footnote, 'warning', `Footnote [^${ref.identifier}] comes after a footnote that follows it in the original ([^${counterpart}]): the footnotes are in another order.`, ref, definition ?? { start: 0, end: 0 });
    }
    last = Math.max(last, position);
  }
}

function capitalise(text: string): string { return text.charAt(0).toUpperCase() + text.slice(1); }

export interface CompareTextsInput {
  original: string;
  translation: string;
  model: PolicyIndex;
  languages: LanguageRegistry;
  /** Language codes that override each version's front matter and detection. */
  originalLanguage?: string;
  translationLanguage?: string;
}

/** Reads both versions, each in its own language (front matter `lang`, else detected), and compares them. */
export function compareTexts(input: CompareTextsInput): CompareResult {
  const original = analyseDraft(input.original, input.model, input.languages, { language: input.originalLanguage });
  const translation = analyseDraft(input.translation, input.model, input.languages, { language: input.translationLanguage });
  return compareVersions(original, translation);
}
