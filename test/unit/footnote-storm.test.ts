/**
 * Issue 16, item 14: one paragraph of footnote calls followed by their definitions. Above 2,000
 * markup characters in one paragraph, the paragraph's markup is read as plain text (a
 * partial-check notice says so, core/markdown/defences/inline-limits.ts); its calls to defined footnotes
 * must then still count as calls, not as 100,000 "reference has no definition" and 100,000
 * "defined but never referenced" false alarms (which also made the check take 16 s and more).
 * At full scale (100,000 calls) it is measured against 2 s per MB by `npm run soak`
 * (input "footnote-calls-then-definitions").
 */
import assert from 'node:assert/strict';
import { check } from '../support/checker';
import { PATHOLOGICAL } from '../support/fuzz-pathological';

const input = PATHOLOGICAL.find((p) => p.name === 'footnote-calls-then-definitions')!;

describe('one paragraph of footnote calls followed by their definitions', () => {
  it('is a soak input', () => assert.ok(input, 'footnote-calls-then-definitions in test/support/fuzz-pathological.ts'));

  for (const n of [100, 3_000]) {
    it(`${n.toLocaleString('en')} calls: ${n > 1000 ? 'a partial-check notice and' : ''} no footnote finding`, () => {
      const findings = check(input.make(n), { language: 'en' }).findings;
      const rules = [...new Set(findings.map((f) => f.rule))];
      assert.deepEqual(rules, n > 1000 ? ['partial-check'] : [], findings.slice(0, 3).map((f) => f.message).join('\n'));
    });
  }

  it('still reports calls without a definition and definitions without a call, in such a paragraph too', () => {
    const calls = Array.from({ length: 3_000 }, (_, i) => `Text[^${i}].`).join(' ');
    const definitions = Array.from({ length: 3_000 }, (_, i) => `[^${i + 1}]: Note ${i + 1}.`).join('\n');
    const findings = check(`${calls}\n\n${definitions}\n`, { language: 'en' }).findings.filter((f) => f.rule === 'footnote-reference');
    assert.deepEqual(findings.map((f) => f.message), ['Footnote reference [^0] has no definition ("[^0]: …").', 'Footnote [^3000] is defined but never referenced.']);
  });
});
