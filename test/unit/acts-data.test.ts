/**
 * The built-in catalogue of legal acts (model/default/*acts*.policy.yaml): complete entries, each
 * with the page it was checked against, treaty article ranges, and no text taken from the real
 * published passages in ../shared/real-texts (whose sources cite the same EUR-Lex pages).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { policyModelSchema, type Act } from '../../schemas/policy-model';
import { findRepoRoot } from '../../scripts/gen-countries';
import { requireShared, SHARED_DIR } from '../support/shared';

const root = findRepoRoot(__dirname);
const modelDir = join(root, 'model/default');
const actFiles = readdirSync(modelDir).filter((name) => /acts.*\.policy\.yaml$/.test(name)).sort();

type Entry = Partial<Act> & { id: string; file: string };
const entries: Entry[] = actFiles.flatMap((file) => {
  const parsed = policyModelSchema.safeParse(parse(readFileSync(join(modelDir, file), 'utf8')));
  assert.ok(parsed.success, `${file} does not validate: ${parsed.success ? '' : parsed.error.message}`);
  return (parsed.data.acts ?? []).map((act) => ({ ...act, file }));
});
const byId = new Map(entries.map((entry) => [entry.id, entry]));

describe('the built-in catalogue of acts', () => {
  it('holds at least 200 acts, each defined once', () => {
    const ids = entries.map((entry) => entry.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(repeated, []);
    assert.ok(byId.size >= 200, `${byId.size} acts`);
  });

  it('gives every act its type, domain, year, CELEX and the page it was checked against', () => {
    for (const act of entries) {
      const where = `${act.file}: ${act.id}`;
      assert.ok(act.type && act.domain && act.year, `${where} lacks type, domain or year`);
      assert.ok(act.celex, `${where} lacks its CELEX number`);
      if (act.type !== 'treaty' && act.type !== 'charter') {
        assert.equal(act.celex, act.id, `${where}: the id is the CELEX number`);
        assert.ok(act.number, `${where} lacks its number`);
        assert.equal(act.celex!.slice(1, 5), String(act.year), `${where}: the CELEX number holds the year`);
      }
      assert.ok(act.source, `${where} names no page it was checked against`);
      if (act.date) assert.ok(act.date.startsWith(String(act.year)) || act.celex!.slice(1, 5) === String(act.year), `${where}: date ${act.date}`);
    }
  });

  it('names a page for a language\'s titles only where the act has titles in that language', () => {
    for (const act of entries) {
      for (const language of Object.keys(act.titleSources ?? {})) {
        assert.ok(act.titles?.[language as keyof NonNullable<Act['titles']>], `${act.id}: titleSources.${language} without titles.${language}`);
      }
    }
  });

  it('records the article ranges of the treaties and the Charter', () => {
    assert.deepEqual(byId.get('12016M')?.articles?.range, [1, 55], 'TEU');
    assert.deepEqual(byId.get('12016E')?.articles?.range, [1, 358], 'TFEU');
    assert.deepEqual(byId.get('12016P')?.articles?.range, [1, 54], 'Charter');
  });

  it('knows the main acts of energy, digital, climate, justice, budget, enlargement, sanctions and migration', () => {
    const expected = ['32018L2001', '32023L2413', '32023L1791', '32019R0943', '32019L0944', '32017R1938', '32022R1032',
      '32022R1369', '32022R1854', '32022R1925', '32024R1689', '32022L2555', '32023R2854', '32022R0868', '32003L0087',
      '32021R1119', '32018R0842', '32016R0794', '32017R1939', '32002F0584', '32020R2093', '32020D2053', '32021R0241',
      '32020R2094', '32021R1529', '32021R0947', '32024R0792', '32020R2092', '32014D0512', '32014R0833', '32014R0269',
      '32014D0145', '32024R1351', '32024R1348', '32024R1358', '32024R1356', '32024R1359', '32016R0399', '32024R1717',
      '32009R0810', '32001L0055', '32022D0382'];
    assert.deepEqual(expected.filter((id) => !byId.has(id)), []);
  });
});

describe('the built-in model files and the real texts in ../shared', () => {
  const RUN = 70;
  it(`share no run of ${RUN} characters (a source URL written as the real texts cite it is one)`, function () {
    const dir = requireShared(this, join(SHARED_DIR, 'real-texts'), 'the real texts');
    const runs = new Set<string>();
    for (const name of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        for (let i = 0; i + RUN <= line.length; i++) runs.add(line.slice(i, i + RUN));
      }
    }
    const shared: string[] = [];
    for (const file of readdirSync(modelDir)) {
      readFileSync(join(modelDir, file), 'utf8').split('\n').forEach((line, n) => {
        for (let i = 0; i + RUN <= line.length; i++) {
          if (runs.has(line.slice(i, i + RUN))) { shared.push(`${file}:${n + 1}`); break; }
        }
      });
    }
    assert.deepEqual(shared, []);
  });
});
