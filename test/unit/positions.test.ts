import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/positions';

describe('LineIndex', () => {
  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = 'a😀b\nTürkiye';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(text.indexOf('k')), { line: 1, character: 3 });
  });

  it('treats \\r\\n, \\r and \\n as line ends', () => {
    const lines = new LineIndex('one\r\ntwo\rthree\nfour');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(5), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(9), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 3, character: 2 }), 17);
  });

  it('clamps offsets and positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
  });
});
