/**
 * Part of the parser's defences (defences/index.ts): shared by their linear pre-scans; deleted
 * with the last of nesting.ts, inline-limits.ts, chunked.ts and simple-blocks.ts.
 *
 * Line helpers for the linear pre-scans of a draft (nesting.ts, inline-limits.ts): lines end at
 * \n, \r\n or \r, as in CommonMark.
 */
import type { Finding, Severity } from '../../findings';
import type { LineIndex } from '../../text/positions';

export const BOM = 0xfeff;

/** A space or tab, or the byte-order mark that opens a draft (micromark drops only that one; elsewhere it is a character). */
export function isLeadingSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || (c === BOM && i === 0);
}

/** The end of the line that starts at `start` (before its \n, \r\n or \r). */
export function lineEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The start of the next line (past the length of the text after the last one). */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** The offset after a line's indentation and container markers (">", list markers). */
export function afterMarkers(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    if (isLeadingSpace(text, i)) { i++; continue; }
    const after = markerEnd(text, i, end);
    if (after < 0) break;
    i = after;
  }
  return i;
}

/** The offset after a container marker at `i` (">" or a list marker followed by a space or the line end), or -1. */
export function markerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 62) return i + 1; // >
  let after = -1;
  if (c === 45 || c === 42 || c === 43) after = i + 1; // - * +
  else if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    if (d === 46 || d === 41) after = j + 1; // . )
  }
  if (after < 0) return -1;
  const next = text.charCodeAt(after);
  return after >= end || next === 32 || next === 9 ? after : -1;
}

/** A partial-check finding on the line that starts at `start`. */
export function noticeOnLine(start: number, lines: LineIndex, text: string, severity: Severity, message: string): Finding {
  const end = lineEnd(text, start);
  return { rule: 'partial-check', severity, message, start, end, range: lines.rangeOf(start, end) };
}

/** Front matter ("---" lines around YAML) at the start of a draft, after a byte-order mark. */
export interface FrontMatterSpan {
  /** The opening "---" (after a BOM). */
  start: number;
  /** The YAML between the fences. */
  valueStart: number;
  valueEnd: number;
  /** The closing "---" line, and where the body starts after it. */
  closeStart: number;
  closeEnd: number;
  bodyStart: number;
}

/** The front matter the draft opens with, as remark-frontmatter reads it ("---" to "---"), if any. */
export function frontMatterSpan(text: string): FrontMatterSpan | undefined {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  const openEnd = lineEnd(text, start);
  if (!text.startsWith('---', start) || !onlySpaces(text, start + 3, openEnd)) return undefined;
  const valueStart = nextLineStart(text, openEnd);
  let valueEnd = valueStart;
  for (let line = valueStart; line <= text.length;) {
    const end = lineEnd(text, line);
    // Only spaces and tabs may follow the fence (trimEnd would also drop U+202F and the like).
    if (text.startsWith('---', line) && onlySpaces(text, line + 3, end)) return { start, valueStart, valueEnd, closeStart: line, closeEnd: end, bodyStart: nextLineStart(text, end) };
    valueEnd = end;
    line = nextLineStart(text, end);
  }
  return undefined;
}

/** Where the body starts: after front matter if the draft opens with it. */
export function skipFrontMatter(text: string): number {
  return frontMatterSpan(text)?.bodyStart ?? 0;
}

/** A code fence: its character ("`" or "~") and length. */
export interface Fence { code: number; length: number }

/** A code fence ("```" or "~~~", three or more) at `at`, after at most three spaces. */
export function fenceAt(text: string, at: number, end: number): Fence | undefined {
  const code = text.charCodeAt(at);
  if (code !== 96 && code !== 126) return undefined;
  let i = at;
  while (i < end && text.charCodeAt(i) === code) i++;
  return i - at >= 3 ? { code, length: i - at } : undefined;
}

/** Whether the fence at `at` (the content start of a line ending at `end`) closes an open one: same character, at least as long, nothing after it. */
export function closesFence(text: string, open: Fence, at: number, end: number): boolean {
  const closing = fenceAt(text, at, end);
  return closing !== undefined && closing.code === open.code && closing.length >= open.length && onlySpaces(text, at + closing.length, end);
}

/** "[label]:" at a line's content start, the label captured (at most 999 characters, brackets only escaped). */
export const DEFINITION_LABEL = /^\[((?:[^\\[\]]|\\.){1,999})\]:/;

export function onlySpaces(text: string, from: number, end: number): boolean {
  return firstNonSpace(text, from, end) === end;
}

export function firstNonSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isLeadingSpace(text, i)) i++;
  return i;
}
