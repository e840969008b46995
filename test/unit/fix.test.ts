/** The fix engine (core/fix): choosing non-overlapping fixes, applying them, re-checking, directives. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/findings';
import { applyReplacements, detectEol, editsConflict, fixUntilStable, minimalEdit, selectFixes, withEol } from '../../server/src/core/fix/apply';
import { disableFileEdit, disableLineEdit } from '../../server/src/core/fix/directives';
import { readDraft } from '../../server/src/core/markdown/parse';
import { packageRoot } from '../../server/src/node/resources';
import { check } from '../support/checker';

const finding = (start: number, end: number, newText: string, rule = 'r'): Finding => ({
  rule, severity: 'warning', message: `${rule} ${start}`, start, end,
  range: { start: { line: 0, character: start }, end: { line: 0, character: end } }, fix: [{ start, end, newText }],
});

describe('fix engine', () => {
  it('tells conflicting edits apart from neighbours', () => {
    assert.equal(editsConflict({ start: 0, end: 3, newText: '' }, { start: 2, end: 5, newText: '' }), true);
    assert.equal(editsConflict({ start: 0, end: 3, newText: '' }, { start: 3, end: 5, newText: '' }), false, 'adjacent ranges');
    assert.equal(editsConflict({ start: 3, end: 3, newText: 'x' }, { start: 3, end: 3, newText: 'y' }), true, 'two insertions at one place');
    assert.equal(editsConflict({ start: 3, end: 3, newText: 'x' }, { start: 3, end: 6, newText: 'y' }), false, 'an insertion at the start of a range');
    assert.equal(editsConflict({ start: 4, end: 4, newText: 'x' }, { start: 3, end: 6, newText: 'y' }), true, 'an insertion inside a range');
  });

  it('takes fixes in document order and leaves overlapping ones for the next pass', () => {
    const chosen = selectFixes([finding(0, 4, 'a'), finding(2, 6, 'b'), finding(6, 8, 'c'), finding(20, 30, 'out of range')], 10);
    assert.deepEqual(chosen.map((f) => f.fix![0].newText), ['a', 'c']);
    assert.deepEqual(selectFixes([finding(0, 4, 'a', 'x'), finding(5, 6, 'b', 'y')], 10, (f) => f.rule === 'y').map((f) => f.rule), ['y']);
  });

  it('applies edits from the end, an insertion before a replacement at the same place', () => {
    assert.equal(applyReplacements('abcdef', [{ start: 1, end: 3, newText: 'X' }, { start: 1, end: 1, newText: '>' }, { start: 5, end: 6, newText: 'Z' }]), 'a>XdeZ');
  });

  it('writes inserted line breaks the way the text does', () => {
    assert.equal(detectEol('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(detectEol('a\nb'), '\n');
    assert.equal(detectEol('no breaks'), '\n');
    assert.equal(withEol('x\ny\r\nz', '\r\n'), 'x\r\ny\r\nz');
    assert.equal(applyReplacements('a\r\nb', [{ start: 4, end: 4, newText: '\n\nfoot\n' }], '\r\n'), 'a\r\nb\r\n\r\nfoot\r\n');
  });

  it('finds the one edit between two texts without splitting a CRLF or a surrogate pair', () => {
    assert.deepEqual(minimalEdit('Hello Turkey!', 'Hello Türkiye!'), { start: 7, end: 12, newText: 'ürkiye' });
    assert.equal(minimalEdit('same', 'same'), undefined);
    const edit = minimalEdit('a\r\nb', 'a\r\r\nb')!;
    assert.equal(applyReplacements('a\r\nb', [edit]), 'a\r\r\nb');
    assert.ok(!(edit.start > 0 && 'a\r\nb'[edit.start - 1] === '\r' && 'a\r\nb'[edit.start] === '\n'));
    const emoji = minimalEdit('x😀y', 'x😃y')!;
    assert.equal(emoji.start, 1);
    assert.equal(emoji.newText, '😃');
  });

  it('re-checks until no fix is left, and stops at the pass limit or a cycle', () => {
    const text = 'Cooperation with Turkey and Tunesia continues.\n\nTalks with Kosovo continue.\n';
    const outcome = fixUntilStable(text, (t) => check(t, { language: 'en' }).findings);
    assert.equal(outcome.stable, true);
    assert.deepEqual(outcome.findings, []);
    assert.match(outcome.text, /Türkiye and Tunisia continues\.\n\nTalks with Kosovo\* continue\.\n\n\\\* This designation/);
    assert.deepEqual(outcome.applied.map((a) => a.rule).sort(), ['deprecated-name', 'designation-footnote', 'designation-footnote', 'unknown-country']);

    // A checker that always finds something: the loop ends after maxPasses, unstable.
    let n = 0;
    const endless = fixUntilStable('x', (t) => [finding(0, t.length, `${t}${n++}`)], { maxPasses: 3 });
    assert.equal(endless.passes, 3);
    assert.equal(endless.stable, false);
    // A fix that undoes the previous one is a cycle: stopped, not looped.
    const cycle = fixUntilStable('a', (t) => [finding(0, 1, t === 'a' ? 'b' : 'a')]);
    assert.equal(cycle.passes, 1);
    assert.equal(cycle.stable, false);
  });

  it('leaves every example draft with fewer findings and none new (en, nl, fr, de)', function () {
    this.timeout(60_000);
    const root = join(packageRoot(), 'examples');
    for (const lang of ['en', 'nl', 'fr', 'de']) {
      for (const name of readdirSync(join(root, lang)).filter((n) => n.endsWith('.md'))) {
        const text = readFileSync(join(root, lang, name), 'utf8');
        const before = check(text).findings;
        const outcome = fixUntilStable(text, (t) => check(t).findings);
        assert.equal(outcome.stable, true, `${lang}/${name}`);
        const keyOf = (f: Finding) => `${f.rule}: ${f.message.replace(/on line \d+/, '')}`;
        const remaining = before.map(keyOf);
        for (const f of outcome.findings) {
          const at = remaining.indexOf(keyOf(f));
          assert.ok(at >= 0, `${lang}/${name}: new finding after fixing: ${keyOf(f)}`);
          remaining.splice(at, 1);
        }
        assert.equal(outcome.findings.filter((f) => f.fix).length, 0, `${lang}/${name}: nothing fixable left`);
      }
    }
  });
});

describe('disable directives as edits', () => {
  const rules = (text: string) => check(text, { language: 'en' }).findings.map((f) => f.rule);

  function disable(text: string, needle: string, rule: string) {
    const draft = readDraft(text);
    const edit = disableLineEdit(draft, text.indexOf(needle), rule)!;
    return { placement: edit.placement, text: applyReplacements(text, [edit.edit]) };
  }

  it('goes on its own line above a paragraph, and silences only that line', () => {
    const { placement, text } = disable('Intro.\n\nTalks with Turkey.\n\nTurkey again.\n', 'Turkey', 'deprecated-name');
    assert.equal(placement, 'line-above');
    assert.equal(text, 'Intro.\n\n<!-- council-notes-disable-next-line deprecated-name -->\nTalks with Turkey.\n\nTurkey again.\n');
    assert.deepEqual(rules(text), ['deprecated-name']);
  });

  it('keeps a tight list one list, and a blockquote a blockquote', () => {
    const list = disable('- First.\n- Talks with Turkey.\n', 'Turkey', 'deprecated-name').text;
    assert.equal(list, '- First.\n  <!-- council-notes-disable-next-line deprecated-name -->\n- Talks with Turkey.\n');
    assert.deepEqual(rules(list), []);
    const quote = disable('> Talks with Turkey.\n', 'Turkey', 'deprecated-name').text;
    assert.equal(quote, '> <!-- council-notes-disable-next-line deprecated-name -->\n> Talks with Turkey.\n');
    assert.deepEqual(rules(quote), []);
  });

  it('goes at the end of a continuation line, before a hard line break', () => {
    const { placement, text } = disable('**From:** Presidency  \n**To:** Turkey  \nnext\n', 'Turkey', 'deprecated-name');
    assert.equal(placement, 'inline');
    assert.equal(text, '**From:** Presidency  \n**To:** Turkey <!-- council-notes-disable-line deprecated-name -->  \nnext\n');
    assert.deepEqual(rules(text), []);
  });

  it('is refused inside front matter, and a file directive goes after it', () => {
    const text = '---\ntype: note\nlang: en\n---\nTurkey.\n';
    assert.equal(disableLineEdit(readDraft(text), 5, 'note-header'), undefined);
    const file = applyReplacements(text, [disableFileEdit(readDraft(text), 'deprecated-name').edit]);
    assert.equal(file, '---\ntype: note\nlang: en\n---\n<!-- council-notes-disable-file deprecated-name -->\nTurkey.\n');
    assert.deepEqual(rules(file).filter((r) => r === 'deprecated-name'), []);
  });

  it('writes CRLF in a CRLF draft', () => {
    const text = 'Intro.\r\n\r\nTalks with Turkey.\r\n';
    const out = applyReplacements(text, [disableLineEdit(readDraft(text), text.indexOf('Turkey'), 'deprecated-name')!.edit]);
    assert.equal(out, 'Intro.\r\n\r\n<!-- council-notes-disable-next-line deprecated-name -->\r\nTalks with Turkey.\r\n');
    assert.deepEqual(rules(out), []);
  });
});
