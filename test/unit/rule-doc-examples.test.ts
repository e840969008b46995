/**
 * The rule pages' example tables ("| nl | `draft text` | message |") stay true: each row's text,
 * checked in its language with English messages, gives a finding of that rule with that message
 * ("…" in the page stands for any text; a closing remark "(and …)" or "(a marker …)" is the
 * page's, not the message's). Rows that list inputs in backticks, or say "no finding", are not
 * messages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';
import { check } from '../support/checker';

const ROW = /^\| ([a-z]{2}) \| `([^`]+)` \| (.+?) \|$/gm;

function pattern(message: string): RegExp {
  const parts = message.trim().split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}

describe('rule pages\' example messages', () => {
  for (const rule of RULES) {
    const page = readFileSync(join(packageRoot(), 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const rows = [...page.matchAll(ROW)].filter((row) => !/^(—|`|no finding)/i.test(row[3].trim()));
    if (rows.length === 0) continue;
    it(`${rule.id}: each example's message is the one the rule writes`, () => {
      for (const [, lang, text, message] of rows) {
        const messages = check(text.replace(/\\n/g, '\n'), { language: lang }).findings.filter((f) => f.rule === rule.id).map((f) => f.message);
        const expected = pattern(message.replace(/ \((?:and|a marker)\b[^)]*\)$/, '').replace(/\\\|/g, '|'));
        assert.ok(messages.some((m) => expected.test(m)), `${lang} \`${text}\`: expected "${message}", got ${JSON.stringify(messages)}`);
      }
    });
  }
});
