/**
 * Every rule id is documented where users look for it, with the severity the code gives it: a
 * row in docs/rules/README.md, a key in the manifest's councilNotes.rules setting (with its
 * description in every package.nls file), its own page titled with the id, and the README's rule
 * list. No page or row names a rule that does not exist, and no page says the manifest lacks it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';

const root = packageRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('rule ids in the docs and the manifest', () => {
  const ids = RULES.map((rule) => rule.id);
  const index = read('docs/rules/README.md');
  const rows = [...index.matchAll(/^\| \[([a-z-]+)\]\(([a-z-]+)\.md\) \| (error|warning|information|hint) \|/gm)];

  it('docs/rules/README.md has one row per rule, linking its page, with its default severity', () => {
    assert.deepEqual(rows.map((row) => row[1]).sort(), [...ids].sort());
    for (const [, id, page, severity] of rows) {
      assert.equal(page, id);
      assert.equal(severity, RULES.find((rule) => rule.id === id)!.defaultSeverity, id);
    }
  });

  it('each rule has its own page, titled with its id, stating its default severity; no page without a rule', () => {
    const pages = readdirSync(join(root, 'docs', 'rules')).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => name.slice(0, -3));
    assert.deepEqual(pages.sort(), [...ids].sort());
    for (const rule of RULES) {
      const page = read(`docs/rules/${rule.id}.md`);
      assert.match(page, new RegExp(`^# ${rule.id}\\n`), rule.id);
      assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.id}: default severity ${rule.defaultSeverity}`);
      assert.doesNotMatch(page, /does not list this rule/, `${rule.id}: the manifest lists every rule`);
    }
  });

  it('the manifest lets councilNotes.rules set every rule, each described in every package.nls file', () => {
    const manifest = JSON.parse(read('package.json'));
    const setting = manifest.contributes.configuration.properties['councilNotes.rules'].properties;
    assert.deepEqual(Object.keys(setting).sort(), [...ids].sort());
    const nlsFiles = readdirSync(root).filter((name) => /^package\.nls(\.[a-z-]+)?\.json$/.test(name));
    assert.ok(nlsFiles.length >= 4);
    for (const id of ids) {
      assert.deepEqual(setting[id].enum, ['error', 'warning', 'information', 'hint', 'off'], id);
      const key = /^%(.+)%$/.exec(setting[id].description)?.[1];
      assert.ok(key, `${id}: description is a %placeholder%`);
      for (const file of nlsFiles) assert.ok(JSON.parse(read(file))[key], `${file} describes ${id}`);
    }
  });

  it('the README names every rule', () => {
    const readme = read('README.md');
    for (const id of ids) assert.match(readme, new RegExp(`\`${id}\``), id);
  });
});
