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

  it('reads a link as its text within the sentence, an autolink as no prose, and a quote\'s continuation markers as spaces', () => {
    const text = 'See [Bosnia](https://x.eu/Tunesia) and Herzegovina <https://x.eu/Morocco>.\n\n> European\n> Union';
    const { prose } = readDraft(text);
    const at = (part: string) => prose.slice(text.indexOf(part), text.indexOf(part) + part.length);
    assert.equal(prose.length, text.length);
    assert.equal(at('[Bosnia](https://x.eu/Tunesia) and'), ` Bosnia${' '.repeat('](https://x.eu/Tunesia) '.length)}and`);
    assert.equal(at('<https://x.eu/Morocco>'), BARRIER.repeat('<https://x.eu/Morocco>'.length));
    assert.equal(at('European\n> Union'), 'European\n  Union');
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

describe('readDraft: bare URLs and e-mail addresses', () => {
  const hidden = (text: string) => visible(readDraft(text).prose);

  it('hides bare URLs, www addresses and e-mail addresses, and keeps the sentence around them', () => {
    const prose = hidden('Frontex (see https://frontex.europa.eu/Libya) and www.consilium.europa.eu/Niger; write to secretariat.Chad@consilium.europa.eu.');
    for (const word of ['Libya', 'Niger', 'Chad', 'consilium', 'europa']) assert.doesNotMatch(prose, new RegExp(word));
    assert.match(prose, /^Frontex \(see .*\) and .*; write to .*\.$/);
  });

  it('leaves trailing punctuation and an unbalanced closing parenthesis as prose', () => {
    const text = '(see https://example.eu/a_(b)), then Tunisia.';
    const prose = readDraft(text).prose;
    assert.equal(prose.slice(text.indexOf('),')), '), then Tunisia.');
    assert.equal(prose[text.indexOf('(b)') + 2], '\u0001');
  });

  it('keeps words that only look like addresses: "@" without a domain, "www" inside a word, a URL scheme alone', () => {
    const prose = hidden('Tunisia @ 10 am, the swww.x joke and https:// alone; Egypt@home.');
    assert.match(prose, /Tunisia @ 10 am/);
    assert.match(prose, /swww\.x/);
    assert.match(prose, /Egypt@home/);
  });

  it('keeps offsets: the prose is as long as the text, with a URL in a list, a table and a quote', () => {
    const text = '- https://a.eu/x\n\n| https://b.eu | Mali |\n|---|---|\n\n> www.c.eu Senegal\n';
    const draft = readDraft(text);
    assert.equal(draft.prose.length, text.length);
    assert.match(visible(draft.prose), /Mali.*Senegal/);
    assert.doesNotMatch(visible(draft.prose), /https|www/);
  });

  it('hides a URL that holds an e-mail address once, without shifting anything', () => {
    const text = 'At https://user@host.eu/Mali today.';
    const draft = readDraft(text);
    assert.equal(draft.prose.length, text.length);
    assert.equal(visible(draft.prose).replace(/\s+/g, ' '), 'At today.');
  });

  it('reads strikethrough and task-list text as the words it holds', () => {
    assert.match(hidden('~~Tunesia~~ and - [ ] Egypt'), /Tunesia.*Egypt/);
  });
});

describe('readDraft: a leading byte-order mark', () => {
  it('reads a table nested in a list exactly as without the BOM, one code unit later', () => {
    const text = '- - | Mali |\n    |---|\n    | Niger |\n';
    const plain = readDraft(text);
    const withBom = readDraft(`\uFEFF${text}`);
    assert.deepEqual(withBom.blocks.map((b) => [b.kind, b.start - 1, b.end - 1]), plain.blocks.map((b) => [b.kind, b.start, b.end]));
    assert.equal(withBom.prose.slice(1), plain.prose);
  });
});
