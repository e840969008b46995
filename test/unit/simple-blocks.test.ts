import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { readSimpleBlocks } from '../../server/src/core/markdown/defences/simple-blocks';
import { withDefinitions } from '../../server/src/core/markdown/defences/micromark-fixes';
import { parsePart } from '../../server/src/core/markdown/parse';
import { parseInParts } from '../../server/src/core/markdown/defences/chunked';

const DEFINED = ['1', '2', 'a', 'B-2', 'note'];
const footnotes = new Set(DEFINED.map(normalizeIdentifier));
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown;

/** micromark's reading of a block, as a part of a draft that defines DEFINED. */
function micromark(block: string): RootContent[] {
  return withDefinitions({ links: new Set(), footnotes }, () => parsePart(block, false)).children;
}

/** The fast reading of the blocks that open a draft. */
function fast(blocks: string) {
  return readSimpleBlocks(blocks, 0, blocks.length, { offset: 0, line: 1 }, footnotes);
}

describe('reading plain blocks without micromark (simple-blocks.ts)', () => {
  const accepted = [
    'The Council met.',
    'The Council met.\n\n\n',
    'The Council met.\n  \n',
    'Text[^1].',
    'Text[^1][^a] and more[^B-2]\n',
    'Text[^NOTE], case-folded like micromark folds it.',
    'Over two lines[^1],\nthe second one too[^2].\n\n',
    '[^1]: A note.',
    '[^a]: A note[^2] with a call.\nAnd a lazy line.\n\n',
    'Ça va: the Ministers (27) agreed; 50 % of 2024/1351 + 3 = x^2 # not a heading.',
    'Überweisung, Łódź, Ελλάδα, 中文 and “quotes”, ‘single’, en – and em — dashes, § 3, 5°.',
    'Non\u00A0breaking\u202Fspaces inside a line.',
    '\u{1D400}lphabetic start outside the BMP.',
    'Really! [^1] Yes!',
    '# A heading[^1]',
    '###### Six levels deep, C# inside\n\n',
    'A setext heading\n===\n\n',
    'Over two lines[^a]\nof a setext heading\n-\n',
    '## Heading\n\n- one[^1]\n- two\n\n',
    '## 1. A numbered heading\n\n',
    '# 2024 review\n',
    '2024 was the year of the Pact; 27 Member States agreed.\n1.5 million and 3)4 are not list markers.',
    'Intro.\n\n* one\n* two',
    'Intro.\n\n+ one\n',
    'Intro.\n\n7. seven\n8. eight\n',
    'Intro.\n\n1) one\n2) two\n',
    '[^1]: A note.\n\n- then a list\n',
    'A setext heading\n---\n\n- then a list\n',
  ];
  for (const block of accepted) {
    it(`reads ${JSON.stringify(block.slice(0, 40))} as micromark does, with \\n and \\r\\n line ends`, () => {
      for (const variant of [block, block.replace(/\n/g, '\r\n')]) {
        const nodes = fast(variant);
        assert.ok(nodes, `read ${JSON.stringify(variant)}`);
        assert.deepEqual(plain(nodes), plain(micromark(variant)));
      }
    });
  }

  const declined: Array<[string, string]> = [
    ['1. An ordered list item.', 'an ordered list item'],
    ['12) An ordered list item.', 'an ordered list item with ")"'],
    ['1.', 'an empty ordered list item'],
    ['Text\n1. interrupting', 'a list that starts with 1 after a paragraph line'],
    ['Text\n2. continuing', 'a line that looks like a list item after a paragraph line'],
    ['- A bullet.', 'a bullet'],
    ['> Quoted', 'a quote'],
    ['Two  \nlines', 'trailing spaces (a hard break)'],
    ['Trailing space ', 'a trailing space'],
    ['Back\\slash', 'a backslash'],
    ['Some `code`', 'a backtick'],
    ['Some *emphasis*', 'an asterisk'],
    ['Some _emphasis_', 'an underscore'],
    ['A <b>tag</b>', 'HTML'],
    ['An &amp; entity', 'an ampersand'],
    ['A [link](https://example.eu)', 'a link'],
    ['Text[^3].', 'a call to an undefined label'],
    ['Text[^1](x).', 'a call followed by "("'],
    ['Text[^1]: x.', 'a call followed by ":"'],
    ['Text ![^1].', 'an image-like call'],
    ['Text[^a b].', 'a label with a space'],
    ['A | B', 'a pipe'],
    ['Tab\tinside', 'a tab'],
    ['Lone\rCR', 'a carriage return alone'],
    ['CR\r\r\nline end', 'a carriage return before \\r\\n'],
    ['Space \r\nbefore a CRLF', 'a space before \\r\\n'],
    ['NUL\u0000inside', 'a control character'],
    ['Para\n    indented', 'an indented line'],
    ['Para\n\n    indented code after a blank line', 'a line after the blank lines'],
    ['[^1]:No space.', 'a definition without a space'],
    ['[^1]: 1 starts with a digit.', 'a definition whose text does not start with a letter'],
    ['[^3]: Undefined label.', 'a definition the scan did not see'],
    ['[x]: https://example.eu', 'a link definition'],
    ['Line\n[^1]: a definition on the second line', 'a second line that does not start with a letter'],
    ['\n\n', 'a blank block'],
    ['####### Seven', 'seven "#"'],
    ['#Heading', 'an ATX opening without a space'],
    ['# Heading #', 'an ATX closing sequence'],
    ['# Heading\nText', 'an ATX heading followed by a line'],
    ['Text\n= =', 'an underline with a space in it'],
    ['Text\n  ---', 'an indented underline'],
    ['[^1]: Note\n---', 'an underline after a definition'],
    ['Intro.\n\n- one\n\n- two', 'a loose list'],
    ['Intro.\n\n- one\n* two', 'a change of bullet'],
    ['Intro.\n\n1. one\n2) two', 'a change of delimiter'],
    ['Intro.\n\n- one\ncontinued', 'a lazy continuation line'],
    ['Intro.\n\n- one\n  continued', 'an indented continuation line'],
    ['Intro.\n\n- one\n  - nested', 'a nested list'],
    ['Intro.\n\n-  two spaces', 'two spaces after the marker'],
    ['Intro.\n\n- [ ] task', 'a task item'],
    ['Intro.\n\n- - -', 'a thematic break'],
    ['Intro.\n- interrupting', 'a list that interrupts a paragraph'],
    ['Intro.\n\n1234567890. ten digits', 'a number of ten digits'],
  ];
  for (const [block, what] of declined) {
    it(`declines ${what}`, () => assert.equal(fast(block), undefined));
  }

  it('gives the positions of a block further down a draft', () => {
    const before = 'Intro.\n\n- a list\n\n';
    const block = 'Text[^1]\nmore.\n\n';
    const draft = `${before}${block}`;
    const nodes = readSimpleBlocks(draft, before.length, draft.length, { offset: before.length, line: 5 }, footnotes);
    const whole = withDefinitions({ links: new Set(), footnotes }, () => parsePart(draft, true)).children;
    assert.deepEqual(plain(nodes), plain(whole.slice(-1)));
  });

  // Seeded for CI; longer random runs as for chunked.test.ts: COUNCIL_NOTES_PARTS_RUNS, COUNCIL_NOTES_PARTS_SEED.
  const runs = Number(process.env.COUNCIL_NOTES_PARTS_RUNS ?? 3000);
  const seed = Number(process.env.COUNCIL_NOTES_PARTS_SEED ?? 20261128);
  it(`reads ${runs} generated blocks as micromark does, or declines them (seed ${seed})`, function () {
    this.timeout(600_000);
    let read = 0;
    let lists = 0;
    const words = fc.constantFrom('The', 'Council', 'Tunisia', 'Ça', 'Ελλάδα', 'x^2', '50 %', '(27)', 'a:b', 'x!', 'é', '\u00A0', '\u{1D400}');
    const safe = fc.constantFrom(' ', ' ', '.', ',', '\n', '[^1]', '[^a]', '[^NOTE]', '#', '-', '=', ':', '(', '!');
    const unsafe = fc.constantFrom('  ', '\n ', '\n\n', '[^3]', '[', ']', '*', '_', '`', '<', '&', '\n1. ', '\n- ', '\t', '\r', '\n===', '|', '[^1]:', '[^1](', '![^1]', ' \n');
    const rest = fc.array(fc.oneof({ arbitrary: words, weight: 8 }, { arbitrary: safe, weight: 6 }, { arbitrary: unsafe, weight: 1 }), { maxLength: 12 });
    // Mostly opening with a letter, as a plain line must.
    const line = fc.tuple(fc.oneof({ arbitrary: fc.constantFrom('The', 'Ça', 'Ελλάδα', '\u{1D400}'), weight: 9 }, { arbitrary: fc.oneof(words, fc.constantFrom('2024', '1. ', '3) ', '²')), weight: 2 }), rest).map(([first, parts]) => first + parts.join(''));
    const opening = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom('[^1]: ', '[^a]: ', '# ', '### '), weight: 3 }, { arbitrary: fc.constantFrom('[^3]: ', '[^1]:', '    ', '- ', '> ', ' ', '#', '####### '), weight: 1 });
    const underline = fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: fc.constantFrom('\n===', '\n---', '\n-', '\n='), weight: 2 }, { arbitrary: fc.constantFrom('\n= =', '\n  ---', '\n--- ', '\n=-', '\n***'), weight: 1 });
    const ending = fc.constantFrom('', '\n', '\n\n', '\n \n', '\n\n  x');
    // List items are shorter and plainer than lines, so that whole lists are often plain.
    const item = fc.tuple(fc.oneof({ arbitrary: fc.constantFrom('The', 'Ça', 'Ελλάδα'), weight: 9 }, { arbitrary: words, weight: 1 }), fc.array(fc.oneof({ arbitrary: words, weight: 8 }, { arbitrary: safe, weight: 6 }, { arbitrary: unsafe, weight: 1 }), { maxLength: 4 })).map(([first, parts]) => first + parts.join(''));
    const marker = fc.oneof({ arbitrary: fc.constantFrom('- ', '* ', '+ ', '1. ', '7. ', '2) ', '007. '), weight: 6 }, { arbitrary: fc.constantFrom('-  ', '  - ', '-', '1234567890. ', '', '    '), weight: 1 });
    const list = fc.oneof(
      { arbitrary: fc.constant(''), weight: 3 },
      { arbitrary: fc.tuple(fc.constantFrom('\n\n', '\n\n', '\n', '\n \n'), fc.array(fc.tuple(marker, item), { minLength: 1, maxLength: 4 })).map(([gap, items]) => gap + items.map(([m, l]) => m + l).join('\n')), weight: 2 },
    );
    const block = fc.tuple(opening, fc.array(line, { minLength: 1, maxLength: 3 }), underline, list, ending).map(([open, lines, under, items, end]) => `${open}${lines.join('\n')}${under}${items}${end}`);
    // Lists after a plain first block, so that many whole lists are plain.
    const listUnit = fc.tuple(fc.constantFrom('Intro.', '## Title', '[^1]: Note.', 'Title\n==='), list, ending).map(([first, items, end]) => `${first}${items}${end}`);
    const draft = fc.tuple(fc.oneof(block, listUnit), fc.boolean()).map(([text, crlf]) => (crlf ? text.replace(/\n/g, '\r\n') : text));
    fc.assert(fc.property(draft, (text) => {
      const nodes = fast(text);
      if (!nodes) return;
      read++;
      if (nodes.some((node) => node.type === 'list')) lists++;
      assert.deepEqual(plain(nodes), plain(micromark(text)));
    }), { numRuns: runs, seed });
    if (process.env.COUNCIL_NOTES_PARTS_RUNS) console.log(`      ${read} of ${runs} read, ${lists} with a list`);
    assert.ok(lists > runs / 40, `only ${lists} generated lists were read`);
    assert.ok(read > runs / 8, `only ${read} generated blocks were read`);
  });

  it('lets a draft of footnote calls and definitions skip micromark, to the tree of a whole parse', () => {
    const n = 300;
    const draft = `Intro *emphasised*.\n\n${Array.from({ length: n }, (_, i) => `Text[^${i}].`).join('\n\n')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`;
    let parsedByMicromark = 0;
    const tree = parseInParts(draft, (part, first) => {
      parsedByMicromark += part.length;
      return parsePart(part, first);
    });
    assert.deepEqual(plain(tree), plain(parsePart(draft, true)));
    assert.equal(parsedByMicromark, 'Intro *emphasised*.\n\n'.length);
  });
});
