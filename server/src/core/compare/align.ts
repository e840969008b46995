/**
 * Aligns the units of two versions in order, as translation memories align sentences
 * (Gale and Church): a unit matches one unit, or two or three units of the other version
 * together (a point split in two, two paragraphs joined), or nothing (a unit missing). The
 * cost of a match is what its two sides do not share (entities, numbers, dates, names) and how
 * far their lengths are from the versions' usual ratio; dynamic programming finds the cheapest
 * alignment of the whole draft.
 */
import type { Unit } from './units';

export interface Bead { original: Unit[]; translation: Unit[] }

/** Shapes of a match: units of the original : units of the translation. */
const SHAPES: readonly [number, number][] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [1, 3], [3, 1]];
/** A unit matched with nothing: dearer than a poor 1:1 match, so changed units still align. */
const SKIP_COST = 1.6;
/** Joining units costs a little, so that a join is chosen only when it explains the text better. */
const JOIN_COST = 0.4;

export function alignUnits(original: Unit[], translation: Unit[]): Bead[] {
  const ratio = lengthRatio(original, translation);
  const n = original.length;
  const m = translation.length;
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  // Versions run in parallel: cells far from the diagonal are not searched (30 % of the draft,
  // at least ten units, either side of it), which halves the work on a 12 KB note. Only where the
  // versions have about as many units: the diagonal then moves at most three cells a row, fewer
  // than the band is wide, so every row can be reached from the one before.
  const band = Math.min(n, m) > 20 && Math.max(n, m) <= 3 * Math.min(n, m) ? Math.max(10, Math.ceil(0.3 * Math.max(n, m))) : Math.max(n, m);
  for (let i = 0; i <= n; i++) {
    const diagonal = n === 0 ? 0 : Math.round((i * m) / n);
    for (let j = Math.max(0, diagonal - band); j <= Math.min(m, diagonal + band); j++) {
      const here = cost[at(i, j)];
      if (!Number.isFinite(here)) continue;
      for (let shape = 0; shape < SHAPES.length; shape++) {
        const [a, b] = SHAPES[shape];
        if (i + a > n || j + b > m) continue;
        const next = here + beadCost(original.slice(i, i + a), translation.slice(j, j + b), ratio);
        if (next < cost[at(i + a, j + b)]) { cost[at(i + a, j + b)] = next; back[at(i + a, j + b)] = shape; }
      }
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [a, b] = SHAPES[back[at(i, j)]];
    beads.push({ original: original.slice(i - a, i), translation: translation.slice(j - b, j) });
    i -= a; j -= b;
  }
  return beads.reverse();
}

/** Letters of the translation per letter of the original, over the whole draft (German runs longer than English). */
function lengthRatio(original: Unit[], translation: Unit[]): number {
  const a = original.reduce((sum, unit) => sum + unit.letters, 0);
  const b = translation.reduce((sum, unit) => sum + unit.letters, 0);
  return a > 0 && b > 0 ? b / a : 1;
}

export function beadCost(original: Unit[], translation: Unit[], ratio: number): number {
  if (original.length === 0 || translation.length === 0) return SKIP_COST;
  const joins = original.length + translation.length - 2;
  return contentDistance(original, translation) + lengthDistance(original, translation, ratio) + structureDistance(original, translation) + joins * JOIN_COST;
}

/** 1 − what the two sides share of what either states (Jaccard on item keys); 0 when neither states anything (the lengths decide). */
export function contentDistance(original: Unit[], translation: Unit[]): number {
  const a = keysOf(original);
  const b = keysOf(translation);
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const key of a) if (b.has(key)) shared++;
  return 1 - shared / (a.size + b.size - shared);
}

const unitKeys = new WeakMap<Unit, Set<string>>();

/** The item keys of units, made once per unit: the alignment asks for them thousands of times. */
function keysOf(units: Unit[]): Set<string> {
  if (units.length === 1) return keysOfUnit(units[0]);
  const union = new Set<string>();
  for (const unit of units) for (const key of keysOfUnit(unit)) union.add(key);
  return union;
}

function keysOfUnit(unit: Unit): Set<string> {
  let keys = unitKeys.get(unit);
  if (!keys) unitKeys.set(unit, keys = new Set(unit.items.map((item) => item.key)));
  return keys;
}

function lengthDistance(original: Unit[], translation: Unit[], ratio: number): number {
  let a = 0;
  let b = 0;
  for (const unit of original) a += unit.letters * ratio;
  for (const unit of translation) b += unit.letters;
  // Short units (headings, header lines) vary most: a few letters more or less mean little.
  return Math.min(1.5, Math.abs(Math.log((b + 20) / (a + 20))));
}

/** A heading, a question or a footnote matched with another kind of unit, or numbered points with other numbers. */
function structureDistance(original: Unit[], translation: Unit[]): number {
  let distance = 0;
  if (original.length === 1 && translation.length === 1) {
    if (kindOf(original[0]) !== kindOf(translation[0])) distance += 0.6;
  } else {
    for (const unit of original) if (!translation.some((other) => kindOf(other) === kindOf(unit))) distance += 0.3;
    for (const unit of translation) if (!original.some((other) => kindOf(other) === kindOf(unit))) distance += 0.3;
  }
  if (original[0].point !== undefined && translation[0].point !== undefined && original[0].point !== translation[0].point) distance += 0.3;
  return distance;
}

/** List items and paragraphs are the same kind of unit here: drafters turn one into the other. */
function kindOf(unit: Unit): string { return unit.kind === 'item' ? 'paragraph' : unit.kind; }
