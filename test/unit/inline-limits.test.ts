import assert from 'node:assert/strict';
import { MAX_INLINE_MARKERS, limitInlineMarkup } from '../../server/src/core/markdown/defences/inline-limits';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { parseMarkdown, readTree } from '../../server/src/core/markdown/parse';
import { check } from '../support/checker';

/** [rule, found text] of every finding, notices included. */
const found = (text: string, settings = {}) => check(text, { language: 'en', ...settings }).findings.map((f) => [f.rule, f.rule === 'partial-check' ? f.range.start.line : text.slice(f.start, f.end)]);
const emphasised = (count: number) => '*x* '.repeat(count / 2);

describe('inline markup limit (docs/robustness.md problem 15)', () => {
  it('reads a paragraph with more markup characters than the limit as plain text, with a notice on its first line, and still checks its words', () => {
    const text = `Intro with \`Tunesia\` in code.\n\nLine one\n${emphasised(MAX_INLINE_MARKERS + 2)}Tunesia \`Turkey\`\n\nThe *Council* met in \`Tunesia\`.\n`;
    const result = check(text, { language: 'en' });
    const notice = result.findings[0];
    assert.equal(notice.rule, 'partial-check');
    assert.equal(notice.range.start.line, 2);
    assert.match(notice.message, /This paragraph holds 2,004 markup characters \(\* _ \[ \] `\): above 2,000 in one paragraph they are read as plain text/);
    // The backticks of the crowded paragraph are plain text, so "Turkey" is checked there; code elsewhere is still code.
    assert.deepEqual(found(text).slice(1), [['unknown-country', 'Tunesia'], ['deprecated-name', 'Turkey']]);
    assert.equal(result.findings[1].start, text.indexOf('Tunesia `Turkey`'));
  });

  it('leaves a paragraph at the limit as Markdown', () => {
    const text = `${emphasised(MAX_INLINE_MARKERS)}\`Tunesia\`\n`;
    assert.equal(text.split('').filter((c) => '*_[]`'.includes(c)).length, MAX_INLINE_MARKERS + 2);
    const atLimit = `${emphasised(MAX_INLINE_MARKERS - 2)}\`Tunesia\`\n`;
    assert.deepEqual(found(atLimit), []);
    assert.deepEqual(found(text).map(([rule]) => rule), ['partial-check', 'unknown-country']);
  });

  it('counts per paragraph, list item, table row and definition, not per draft', () => {
    const many = MAX_INLINE_MARKERS + 500;
    const drafts = {
      'paragraphs split by a blank line': `${emphasised(many / 2)}\n\n${emphasised(many / 2)}\n`,
      'a list of short items': Array.from({ length: many / 4 }, () => '- *a* [b]').join('\n'),
      'a numbered list in a quote': Array.from({ length: many / 4 }, (_, i) => `> ${i + 1}. *a* [b]`).join('\n'),
      'table rows': ['| a | b |', '|---|---|', ...Array.from({ length: many / 4 }, () => '| *a* | [b] |')].join('\n'),
      'table rows without outer pipes': ['a | b', '--|--', ...Array.from({ length: many / 4 }, () => '*a* | [b]')].join('\n'),
      'headings': Array.from({ length: many / 4 }, () => '# *a* [b]').join('\n'),
      'footnote definitions': `Text[^1].\n\n${Array.from({ length: many / 4 }, (_, i) => `[^${i}]: *Note*.`).join('\n')}`,
      'link definitions': `See [a].\n\n${Array.from({ length: many / 2 }, (_, i) => `[l${i}]: https://example.eu/${i}`).join('\n')}`,
      'fenced code': `\`\`\`\n${'*_[]`'.repeat(many)}\n\`\`\`\n\nAfter.`,
      'a thematic break': `Before.\n\n${'*'.repeat(many)}\n\nAfter.`,
      'front matter': `---\nlang: en\ntags: [${Array.from({ length: many }, (_, i) => `t${i}`).join(', ')}]\n---\nText.`,
    };
    for (const [name, text] of Object.entries(drafts)) assert.deepEqual(limitInlineMarkup(text).blocks, [], name);
  });

  it('footnote definitions on consecutive lines still resolve their references', () => {
    const count = MAX_INLINE_MARKERS;
    const text = `${Array.from({ length: count }, (_, i) => `Text[^${i}].`).join('\n\n')}\n\n${Array.from({ length: count }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`;
    const draft = readTree(text, parseMarkdown(text));
    assert.deepEqual([draft.literalMarkup, draft.footnoteReferences.length, draft.footnoteDefinitions.length], [undefined, count, count]);
  });

  it('keeps every offset: the text read by the parser differs only in the markers of the crowded block', () => {
    const text = `Keep *this*.\n\n${'[a]('.repeat(1001)}Tunesia\n\nAnd *this*.`;
    const limited = limitInlineMarkup(text);
    assert.equal(limited.text.length, text.length);
    const changed = [...text].flatMap((c, i) => (c === limited.text[i] ? [] : [i]));
    const block = { start: text.indexOf('[a]('), end: text.indexOf('\n\nAnd') };
    assert.ok(changed.every((i) => i >= block.start && i < block.end && '[]'.includes(text[i])), 'only brackets of the crowded block change');
    assert.deepEqual([changed.length, limited.blocks], [2002, [{ start: block.start, markers: 2002 }]]);
    assert.deepEqual(found(text), [['partial-check', 2], ['unknown-country', 'Tunesia']]);
  });

  it('the notice can be switched off, and the incremental parser reads a crowded draft in full', () => {
    const crowded = `Para one.\n\n${emphasised(3000)}Tunesia\n\nPara three.`;
    assert.deepEqual(found(crowded, { rules: { 'partial-check': 'off' } }), [['unknown-country', 'Tunesia']]);
    const parser = new IncrementalParser();
    parser.parse(crowded);
    const edited = crowded.replace('Para three', 'Para 3');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.equal(parser.lastUpdate.full, true);
    const calm = edited.replace(emphasised(3000), '');
    assert.deepEqual(readTree(calm, parser.parse(calm)).literalMarkup, undefined);
  });
});
