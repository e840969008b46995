import assert from 'node:assert/strict';
import type { BlockContent, Nodes, RootContent } from 'mdast';
import { BARRIER, parseMarkdown, readDraft, readTree } from '../../server/src/core/markdown/parse';

const visible = (prose: string) => prose.split(BARRIER).join('').replace(/\s+/g, ' ').trim();

describe('readDraft: the prose mask', () => {
  it('keeps offsets identical to the text', () => {
    const text = '# Title\n\nSome *emphasis* and `code`.\n';
    const draft = readDraft(text);
    assert.equal(draft.prose.length, text.length);
    assert.equal(draft.prose.indexOf('emphasis'), text.indexOf('emphasis'));
  });

  it('hides code, inline code, HTML comments, URLs and link destinations but keeps link text', () => {
    const text = [
      'Tunisia and `Tunesia` <!-- Marocco -->',
      '',
      '```',
      'Libia',
      '```',
      '',
      'See [the Visa Code](https://example.eu/Niger) and https://example.eu/Chad.',
    ].join('\n');
    const prose = visible(readDraft(text).prose);
    assert.match(prose, /Tunisia and/);
    assert.match(prose, /the Visa Code/);
    for (const hidden of ['Tunesia', 'Marocco', 'Libia', 'Niger', 'Chad', 'https']) assert.doesNotMatch(prose, new RegExp(hidden));
  });

  it('hides text inside inline HTML code elements', () => {
    const prose = visible(readDraft('Write <code>Regulation (EU) No 2019/1155</code> never; Tunisia is fine.').prose);
    assert.doesNotMatch(prose, /Regulation/);
    assert.match(prose, /Tunisia is fine/);
  });

  it('turns emphasis markers into spaces so names stay whole', () => {
    const draft = readDraft('In *Bosnia and Herzegovina* now.');
    assert.equal(draft.prose, 'In  Bosnia and Herzegovina  now.');
  });

  it('reads front matter and hides it from prose', () => {
    const draft = readDraft('---\nlang: nl\ntitle: Irak\n---\n\nTekst.\n');
    assert.equal(draft.frontMatter?.data.lang, 'nl');
    assert.doesNotMatch(visible(draft.prose), /Irak/);
  });

  it('reads block quotes and lists after an opening "---" that is not front matter', () => {
    for (const text of ['---\n\n> Tunesia\n', '---\n\nText.\n\n- Tunesia\n', '\uFEFF---\n\n> > Tunesia\n']) {
      assert.deepEqual(parseMarkdown(text).children.map((child) => child.type).slice(-1), [text.includes('- ') ? 'list' : 'blockquote'], JSON.stringify(text));
    }
    assert.deepEqual(parseMarkdown('---\nlang: en\n---\n\n> Tunesia\n').children.map((child) => child.type), ['yaml', 'blockquote']);
  });

  it('reads a tree nested 20,000 levels deep without overflowing the stack', () => {
    const depth = 20_000;
    const text = `${'>'.repeat(depth)} Tunesia`;
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
    const span = (start: number) => ({ start: at(start), end: at(text.length) });
    let node: Nodes = { type: 'paragraph', children: [{ type: 'text', value: 'Tunesia', position: span(depth + 1) }], position: span(depth + 1) };
    for (let level = depth - 1; level >= 0; level--) node = { type: 'blockquote', children: [node as BlockContent], position: span(level) };
    const draft = readTree(text, { type: 'root', children: [node as RootContent], position: span(0) });
    assert.equal(visible(draft.prose), 'Tunesia');
    assert.deepEqual(draft.blocks.map((b) => [b.kind, b.start]), [['paragraph', depth + 1]]);
  });

  it('reports broken front matter without throwing', () => {
    const draft = readDraft('---\nlang: [nl\n---\n\nText.\n');
    assert.ok(draft.frontMatter?.error);
  });

  it('reports a repeated front-matter key, at any depth, and reads unique ones', () => {
    assert.match(readDraft('---\nlang: nl\nlang: en\n---\n\nText.\n').frontMatter?.error ?? '', /unique/);
    assert.match(readDraft('---\nlang: nl\nmeta:\n  - { a: 1, a: 2 }\n---\n\nText.\n').frontMatter?.error ?? '', /unique/);
    const draft = readDraft('---\nlang: nl\nmeta: { lang: en }\n---\n\nText.\n');
    assert.equal(draft.frontMatter?.error, undefined);
    assert.equal(draft.frontMatter?.data.lang, 'nl');
  });

  it('collects footnote references and definitions', () => {
    const draft = readDraft('Text[^a] and more[^b].\n\n[^a]: First.\n[^b]: Second.\n[^c]: Unused.\n');
    assert.deepEqual(draft.footnoteReferences.map((r) => r.identifier), ['a', 'b']);
    assert.deepEqual(draft.footnoteDefinitions.map((d) => d.identifier), ['a', 'b', 'c']);
  });

  it('keeps table cells as prose and pipes out of it', () => {
    const draft = readDraft('| Country | Year |\n|---|---|\n| Senegal | 2022 |\n');
    assert.match(visible(draft.prose), /Country.*Year.*Senegal.*2022/);
    assert.doesNotMatch(draft.prose, /\|/);
  });
});
