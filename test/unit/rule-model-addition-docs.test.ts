/**
 * Each rule page says what "Add to workspace policy model" does for its rule, true to what the
 * rule module declares (`Rule.modelAddition`): a "**Add to workspace policy model:**" paragraph
 * naming each model section the rule writes into (and the "Add every …" action where the rule
 * has one); a page of a rule that declares nothing makes no such claim, or says "none".
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';

const MARKER = '**Add to workspace policy model:**';

describe('rule pages state what "add to workspace policy model" does for their rule', () => {
  for (const rule of RULES) {
    it(rule.id, () => {
      const page = readFileSync(join(packageRoot(), 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const at = page.indexOf(MARKER);
      const paragraph = at < 0 ? undefined : page.slice(at + MARKER.length).split(/\n\s*\n/)[0];
      const declared = rule.modelAddition;
      if (!declared) {
        assert.ok(paragraph === undefined || /^\s*none\b/.test(paragraph), `no addition is declared: ${paragraph}`);
        return;
      }
      assert.ok(paragraph, `the page has a "${MARKER}" paragraph`);
      assert.ok(!/^\s*none\b/.test(paragraph));
      for (const section of declared.sections) assert.ok(paragraph.includes(`\`${section}\``), `it names \`${section}\`: ${paragraph}`);
      assert.equal(/"Add every /.test(paragraph), declared.everyTitle !== undefined, 'it names the "Add every …" action where the rule has one');
      if (declared.everyTitle) assert.ok(paragraph.includes(declared.everyTitle(0).replace('(0)', '(N)')), declared.everyTitle(0));
    });
  }
});
