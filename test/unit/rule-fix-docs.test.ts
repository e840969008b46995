/**
 * Each rule page's fix statement (docs/rules/<id>.md, its "Message" section) matches what its
 * rule module declares (`Rule.fixes`): one table row per declared kind, in order, with its title
 * and its safety ("yes", "no", or "where …" for fixes whose safety the grammar data decides);
 * "Fixes: none." for a rule that declares none.
 */
import assert from 'node:assert/strict';
import { renderMessage } from '../../server/src/core/messages/render';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';

const SAFETY_WORD = { safe: 'yes', unsafe: 'no', grammar: 'where' } as const;

describe('rule pages state the fixes their rule modules declare', () => {
  for (const rule of RULES) {
    it(rule.id, () => {
      const page = readFileSync(join(packageRoot(), 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const section = /## Message[^\n]*\n([\s\S]*?)(?=\n## |$)/.exec(page)?.[1];
      assert.ok(section, 'the page has a "Message" section');
      assert.doesNotMatch(page, /does not offer it as a\s+code action/, 'no page says there is no code action');
      const declared = Object.values(rule.fixes ?? {});
      if (declared.length === 0) {
        assert.match(section, /^Fixes: none\.$/m);
        return;
      }
      const rows = [...section.matchAll(/^\| (.+?) \| (.+?) \|$/gm)].map((m) => [m[1], m[2]]).filter(([fix]) => fix !== 'Fix' && !/^-+$/.test(fix));
      assert.equal(rows.length, declared.length, `one row per declared fix: ${JSON.stringify(rows)}`);
      declared.forEach((declaration, i) => {
        const [title, safety] = rows[i];
        const shown = renderMessage(declaration.title({ old: '…', new: '…', detail: '…' }), { locale: 'en', draftLanguage: 'en' });
        // A title that depends on the edit lists its forms with " / ".
        assert.ok(title.split(' / ').includes(shown) || title === shown, `row ${i + 1}: "${title}" is "${shown}"`);
        assert.ok(safety.startsWith(SAFETY_WORD[declaration.safety]), `row ${i + 1}: "${safety}" says ${SAFETY_WORD[declaration.safety]}`);
        if (declaration.safety === 'grammar') assert.match(safety, /otherwise offered only/);
      });
    });
  }
});
