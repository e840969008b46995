import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';

const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('lets councilNotes.rules configure every rule, and only rules that exist', () => {
    const configurable = Object.keys(manifest.contributes.configuration.properties['councilNotes.rules'].properties).sort();
    assert.deepEqual(configurable, RULES.map((rule) => rule.id).sort());
  });

  it('has a documentation page for every rule', () => {
    for (const rule of RULES) assert.ok(readFileSync(join(packageRoot(), 'docs', 'rules', `${rule.id}.md`), 'utf8').length > 200, rule.id);
  });

  it('translates every setting description into nl, fr and de', () => {
    const base = JSON.parse(readFileSync(join(packageRoot(), 'package.nls.json'), 'utf8'));
    for (const lang of ['nl', 'fr', 'de']) {
      const translated = JSON.parse(readFileSync(join(packageRoot(), `package.nls.${lang}.json`), 'utf8'));
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(base).sort(), lang);
    }
  });
});
