import assert from 'node:assert/strict';
import { applyFix, findingsOf, modelWith } from '../../support/checker';

const act = (text: string, lang: string) => findingsOf('unknown-act', text, lang);
const malformed = (text: string, lang: string) => findingsOf('malformed-citation', text, lang);
const article = (text: string, lang: string) => findingsOf('unknown-article', text, lang);

describe('rule unknown-act', () => {
  it('flags an act the model does not know', () => {
    const [hit] = act('Regulation (EU) 2019/9999 applies.', 'en');
    assert.equal(hit.text, 'Regulation (EU) 2019/9999');
    assert.match(hit.message, /not in the policy model/);
  });

  it('says what a known number really is when the type is wrong', () => {
    const [hit] = act('Regulation (EU) 2024/1346 on reception conditions.', 'en');
    assert.match(hit.message, /2024\/1346 is Directive \(EU\) 2024\/1346, not a regulation/);
  });

  it('knows the acts a drafter cites, in en, nl, fr and de', () => {
    assert.deepEqual(act('Regulation (EC) No 810/2009, Regulation (EU) 2019/1155, Regulation (EU) 2019/1896, Regulation (EU) 2021/2303, Regulation (EU) 2021/947, Directive (EU) 2024/1346, Regulation (EU) 2024/1351 and Council Implementing Decision (EU) 2022/60.', 'en'), []);
    assert.deepEqual(act('Verordening (EG) nr. 810/2009 en Verordening (EU) 2019/1155.', 'nl'), []);
    assert.deepEqual(act('le règlement (CE) n° 810/2009 et le règlement (UE) 2019/1155.', 'fr'), []);
    assert.deepEqual(act('Verordnung (EG) Nr. 810/2009 und Verordnung (EU) 2019/1155.', 'de'), []);
  });

  it('adds acts from a workspace model layer', async () => {
    const { modelWith } = await import('../../support/checker');
    const model = modelWith('acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n');
    assert.deepEqual(findingsOf('unknown-act', 'Regulation (EU) 2019/9999 applies.', 'en', model), []);
  });
});

describe('rule malformed-citation', () => {
  it('flags "No" in an act numbered since 2015, with a fix', () => {
    const text = 'Regulation (EU) No 2019/1155 amended it.';
    const [hit] = malformed(text, 'en');
    assert.match(hit.message, /since 2015 take no "No"/);
    assert.equal(applyFix(text, hit.finding), 'Regulation (EU) 2019/1155 amended it.');
  });

  it('flags a pre-2015 regulation without its number sign, in each language', () => {
    assert.equal(applyFix('Regulation (EC) 810/2009.', malformed('Regulation (EC) 810/2009.', 'en')[0].finding), 'Regulation (EC) No 810/2009.');
    assert.equal(applyFix('Verordening (EG) 810/2009.', malformed('Verordening (EG) 810/2009.', 'nl')[0].finding), 'Verordening (EG) nr. 810/2009.');
    assert.equal(applyFix('Verordnung (EG) 810/2009.', malformed('Verordnung (EG) 810/2009.', 'de')[0].finding), 'Verordnung (EG) Nr. 810/2009.');
  });

  it('flags the number sign and the domain of another language', () => {
    const hits = malformed('Verordening (EC) No 810/2009.', 'nl');
    assert.deepEqual(hits.map((h) => h.text).sort(), ['EC', 'No']);
  });

  it('flags the year after the number since 2015', () => {
    const [hit] = malformed('Regulation (EU) 1155/2019.', 'en');
    assert.equal(hit.text, '1155/2019');
    assert.match(hit.message, /"2019\/1155"/);
  });

  it('flags the inserted-article style of another language', () => {
    const [nl] = malformed('Op grond van artikel 25a van de Visumcode.', 'nl');
    assert.equal(nl.text, '25a');
    assert.match(nl.message, /"25 bis"/);
    const [en] = malformed('Under Article 25 bis of the Visa Code.', 'en');
    assert.equal(en.text, '25 bis');
    assert.match(en.message, /"25a"/);
  });

  it('reads German "Artikel 3 bis 5" as a range, not an inserted article, and French "1er" as Article 1', () => {
    assert.deepEqual(malformed('Artikel 3 bis 5 des Visakodex', 'de'), []);
    assert.deepEqual(article('Artikel 3 bis 5 des Visakodex', 'de'), []);
    assert.deepEqual(article("l'article 1er du code des visas", 'fr'), []);
  });

  it('accepts correct citations of every era and directive numbering', () => {
    assert.deepEqual(malformed('Regulation (EC) No 810/2009, Regulation (EU) 2019/1155, Directive 2013/32/EU, Directive (EU) 2024/1346 and Article 25a of the Visa Code.', 'en'), []);
    assert.deepEqual(malformed('Verordening (EG) nr. 810/2009, Verordening (EU) 2019/1155 en artikel 25 bis van de Visumcode.', 'nl'), []);
    assert.deepEqual(malformed('le règlement (CE) n° 810/2009 et l\'article 25 bis du code des visas.', 'fr'), []);
    assert.deepEqual(malformed('Verordnung (EG) Nr. 810/2009 und Artikel 25a des Visakodex.', 'de'), []);
  });
});

describe('rule unknown-article', () => {
  it('flags an article the Visa Code does not have, saying which it has', () => {
    const [hit] = article('Article 25c of the Visa Code applies.', 'en');
    assert.equal(hit.text, '25c');
    assert.equal(hit.message, 'Visa Code has no Article 25c (it has 1–58, 25a and 51a).');
  });

  it('reads each language\'s style and the act named by number or short title', () => {
    assert.equal(article('artikel 25 quater van de Visumcode', 'nl')[0].text, '25 quater');
    assert.equal(article('l\'article 59 du règlement (CE) n° 810/2009', 'fr')[0].text, '59');
    assert.equal(article('Artikel 25c des Visakodex', 'de')[0].text, '25c');
    assert.equal(article('Article 60 of Regulation (EC) No 810/2009', 'en')[0].text, '60');
  });

  it('checks every article of a list', () => {
    assert.deepEqual(article('Articles 24, 25a and 61 of the Visa Code', 'en').map((h) => h.text), ['61']);
  });

  it('accepts existing and inserted articles, and acts whose articles are not recorded', () => {
    assert.deepEqual(article('Article 25a of the Visa Code and Article 58 of Regulation (EC) No 810/2009.', 'en'), []);
    assert.deepEqual(article('artikel 25 bis van de Visumcode', 'nl'), []);
    assert.deepEqual(article('Article 999 of Regulation (EU) 2021/947.', 'en'), []);
    assert.deepEqual(article('Article 25c of the national code.', 'en'), []);
  });

  // A layer whose act records repealed articles (the built-in acts record none yet).
  const repealing = modelWith(`acts:
  - id: "32019R9990"
    type: regulation
    domain: EU
    year: 2019
    number: 9990
    articles: { range: [1, 12], repealed: [{ article: "5", by: "32020R9991" }, { article: "6" }] }
  - id: "32020R9991"
    type: regulation
    domain: EU
    year: 2020
    number: 9991
`);
  const inRepealing = (text: string, lang: string) => findingsOf('unknown-article', text, lang, repealing).map((f) => [f.text, f.message]);

  it('flags a repealed article as repealed, naming the repealing act where the model records it, in en, nl and fr', () => {
    assert.deepEqual(inRepealing('Article 5 of Regulation (EU) 2019/9990 applies.', 'en').map(([text]) => text), ['5']);
    assert.match(inRepealing('Article 5 of Regulation (EU) 2019/9990 applies.', 'en')[0][1], /: Article 5 was repealed by (32020R9991|Regulation \(EU\) 2020\/9991)\.$/);
    assert.match(inRepealing('Article 6 of Regulation (EU) 2019/9990 applies.', 'en')[0][1], /: Article 6 was repealed\.$/);
    assert.match(inRepealing('Artikel 6 van Verordening (EU) 2019/9990 is van toepassing.', 'nl')[0][1], /artikel 6 was repealed\.$/i);
    assert.match(inRepealing("L'article 5 du règlement (UE) 2019/9990 s'applique.", 'fr')[0][1], /article 5 was repealed by/i);
  });

  it('accepts the articles of that act that were not repealed, and says "has no" for one past its range', () => {
    assert.deepEqual(inRepealing('Articles 4 and 7 of Regulation (EU) 2019/9990 apply.', 'en'), []);
    const [[text, message]] = inRepealing('Article 13 of Regulation (EU) 2019/9990 applies.', 'en');
    assert.equal(text, '13');
    assert.match(message, /has no Article 13 \(it has 1–12\)/);
  });
});
