/**
 * Bare URLs and e-mail addresses in prose ("see https://eur-lex.europa.eu/…", "www.consilium…",
 * "secretariat@consilium.europa.eu"): not prose, so the mask hides them like link destinations.
 *
 * GFM's autolink-literal extension finds these too, but in micromark it costs about a third of
 * the parse (it is tried at every character); this linear scan over the finished mask finds the
 * same spans closely enough for masking: an address is never prose, whether or not GFM would
 * render it as a link.
 */

const BARRIER = '\u0001';
const BARRIER_CODE = 1;
const URL_START = /(?:https?:\/\/|www\.)/gi;
/** Characters GFM drops from the end of a literal URL or address. */
const TRAILING_PUNCTUATION = new Set(['?', '!', '.', ',', ':', ';', '*', '_', '~', '"', '\'', '’']);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === BARRIER_CODE;
}

/** Letters, digits and the characters an e-mail address's local part may hold. */
function isLocalPartChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 43 || code === 45 || code === 95;
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95 || code === 46;
}

/** Where a URL that starts at `start` ends: at white space or "<", without trailing punctuation or an unbalanced ")". */
function urlEnd(prose: string, start: number): number {
  let end = start;
  while (end < prose.length && !isSpace(prose.charCodeAt(end)) && prose[end] !== '<') end++;
  let open = 0;
  let close = 0;
  for (let i = start; i < end; i++) {
    if (prose[i] === '(') open++;
    else if (prose[i] === ')') close++;
  }
  for (;;) {
    const last = prose[end - 1];
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && close > open) { end--; close--; }
    else return end;
  }
}

/** Spans of bare URLs and e-mail addresses in the prose, in order. */
export function findAutolinks(prose: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of prose.matchAll(URL_START)) {
    const start = match.index!;
    if (spans.length > 0 && start < spans[spans.length - 1].end) continue;
    // Inside a word ("xwww.") it is no URL.
    const before = prose.charCodeAt(start - 1);
    if (start > 0 && !isSpace(before) && !'*_~("\''.includes(prose[start - 1])) continue;
    const end = urlEnd(prose, start);
    if (end > start + match[0].length) spans.push({ start, end });
  }
  // E-mail addresses: expand around each "@". Each "@" stops the expansion of its neighbours, so
  // every character is looked at a bounded number of times.
  for (let at = prose.indexOf('@'); at >= 0; at = prose.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && isLocalPartChar(prose.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < prose.length && isDomainChar(prose.charCodeAt(end))) end++;
    while (end > at + 1 && '.-_'.includes(prose[end - 1])) end--;
    const domain = prose.slice(at + 1, end);
    if (start === at || !domain.includes('.') || domain.startsWith('.')) continue;
    spans.push({ start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The prose with bare URLs and e-mail addresses replaced by the barrier (same length). */
export function hideAutolinks(prose: string): string {
  const spans = findAutolinks(prose);
  if (spans.length === 0) return prose;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    // An address inside a URL ("https://user@host") overlaps it.
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(prose.slice(at, from), BARRIER.repeat(end - from));
    at = end;
  }
  parts.push(prose.slice(at));
  return parts.join('');
}
