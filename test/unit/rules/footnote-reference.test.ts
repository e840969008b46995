import assert from 'node:assert/strict';
import { findingsOf } from '../../support/checker';

const found = (text: string) => findingsOf('footnote-reference', text, 'en');

describe('rule footnote-reference', () => {
  it('flags a reference without a definition', () => {
    const [hit] = found('Two initiatives[^2] were set up.\n');
    assert.equal(hit.text, '[^2]');
    assert.match(hit.message, /no definition/);
  });

  it('flags a definition never referenced, at its label', () => {
    const [hit] = found('Text.\n\n[^note]: Never used.\n');
    assert.equal(hit.text, '[^note]');
    assert.match(hit.message, /never referenced/);
  });

  it('accepts matched footnotes and footnote-like text in code', () => {
    assert.deepEqual(found('Text[^1] and more[^a].\n\n[^1]: One.\n[^a]: A.\n'), []);
    assert.deepEqual(found('Write `[^1]` to add a footnote.\n'), []);
  });
});
