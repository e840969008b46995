/**
 * The parser's defences, behind one entry point. remark-parse (micromark) is the parser; these
 * modules keep its cost linear and its output usable on any draft, and each gives the tree a
 * whole micromark parse gives wherever it can (its tests compare the two). parse.ts calls
 * `parseDefended` and reads the tree as if micromark had parsed the draft in one go.
 *
 * | module | defends against | figure (before → after) | can be deleted when |
 * |---|---|---|---|
 * | nesting.ts | recursion per nesting level in mdast-util-from-markdown / unist-util-visit-parents | 5,000 nested quotes overflowed the stack; 2,500 list levels 5 s | remark reads 10,000 levels without recursion, in linear time |
 * | inline-limits.ts | micromark's inline resolution, quadratic in the markers of one paragraph | 50,000 "*_" 64 s; 100,000 "[a](" 91 s | micromark resolves one paragraph in linear time |
 * | micromark-fixes.ts | EditMap#consume copying all events per setext heading; gfm-footnote's label array | 4,000 setext headings 10 s; 100,000 footnotes did not finish | the upstream fixes of docs/upstream.md are released |
 * | chunked.ts | micromark holding ~10 kB of events per block until the end of the parse | 50,000 footnotes (1.8 MB): 2.7 GB | micromark frees a block's events once it is compiled |
 * | simple-blocks.ts | micromark's fixed cost of 50–80 µs per block | 200,000 one-line blocks: 32 s | micromark parses a one-line block in a few µs |
 * | lines.ts, tree-positions.ts | (shared helpers of the pre-scans and of parsing in parts) | - | with the modules that use them |
 *
 * Each module's header gives the details; docs/upstream.md has the reports to file upstream.
 */
import type { Root } from 'mdast';
import { PARTS_FROM, parseInParts, type PartParser } from './chunked';
import { limitInlineMarkup, markLiteralMarkup } from './inline-limits';
import { BOM } from './lines';
import { excessiveNesting, readAsPlainProse } from './nesting';
import { movedPastBom } from './tree-positions';

export { labelLists, footnotesWithLabelSet } from './micromark-fixes';
export { literalMarkupNotice, literalMarkupOf, type LiteralMarkupBlock } from './inline-limits';
export { plainProseNotice, plainProseOf, type PlainProseReason } from './nesting';
export { countLines, end, endPoint, shift, start } from './tree-positions';
export type { PartParser } from './chunked';

/**
 * A draft's Markdown tree, parsed by `parsePart` (micromark) behind the defences: a draft nested
 * too deep is read as plain prose (nesting.ts); a paragraph with too much inline markup is read
 * as plain text (inline-limits.ts); a leading byte-order mark keeps its offset; a large draft is
 * parsed in parts (chunked.ts), its plainest blocks without micromark (simple-blocks.ts).
 */
export function parseDefended(text: string, parsePart: PartParser): Root {
  const tooDeep = excessiveNesting(text);
  if (tooDeep) return readAsPlainProse(text, tooDeep);
  const limited = limitInlineMarkup(text);
  // micromark drops a leading byte-order mark: parse the text after it (so front matter is still
  // seen) and move every position one unit on.
  const tree = limited.text.charCodeAt(0) === BOM ? movedPastBom(parseWhole(limited.text.slice(1), parsePart)) : parseWhole(limited.text, parsePart);
  return markLiteralMarkup(tree, limited.blocks);
}

function parseWhole(text: string, parsePart: PartParser): Root {
  return (text.length >= PARTS_FROM ? parseInParts(text, parsePart) : undefined) ?? parsePart(text, true);
}
