import assert from 'node:assert/strict';
import { applyFix, findingsOf, modelWith } from '../../support/checker';

const act = (text: string, lang: string) => findingsOf('unknown-act', text, lang);
const malformed = (text: string, lang: string) => findingsOf('malformed-citation', text, lang);
const article = (text: string, lang: string) => findingsOf('unknown-article', text, lang);

describe('rule unknown-act', () => {
  it('says once, as information, that an act is not in the model, with its CELEX number and EUR-Lex link', () => {
    const hits = act('Regulation (EU) 2019/9999 applies. Under Regulation (EU) 2019/9999, Member States report.', 'en');
    assert.equal(hits.length, 1, 'one finding per act, at its first citation');
    const [hit] = hits;
    assert.equal(hit.text, 'Regulation (EU) 2019/9999');
    assert.equal(hit.finding.severity, 'information');
    assert.match(hit.message, /not in the policy model \(CELEX 32019R9999\)/);
    assert.equal(hit.finding.link, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32019R9999');
    assert.ok(hit.message.endsWith(hit.finding.link!));
  });

  it('computes the CELEX number from each language\'s citation form', () => {
    const celex = (text: string, lang: string) => act(text, lang).map((h) => /CELEX (\w+)/.exec(h.message)![1]);
    assert.deepEqual(celex('la décision 2013/999/PESC du Conseil et la décision 2013/999/PESC', 'fr'), ['32013D0999']);
    assert.deepEqual(celex('Durchführungsbeschluss (EU) 2023/9999 des Rates', 'de'), ['32023D9999']);
    assert.deepEqual(celex('Kaderbesluit 2002/999/JBZ van de Raad', 'nl'), ['32002F0999']);
    assert.deepEqual(celex('DECYZJA RADY 2014/999/WPZiB i decyzję 2014/999/WPZiB', 'pl'), ['32014D0999']);
    assert.deepEqual(celex('Directive 95/999/EC and Regulation (EEC) No 9999/71.', 'en'), ['31995L0999', '31971R9999']);
    assert.deepEqual(celex('Decision No 9999/2013/EU of the European Parliament and of the Council.', 'en'), ['32013D9999']);
    assert.match(act('Verordnung (EU) 2023/9999', 'de')[0].finding.link!, /legal-content\/DE\/TXT\/\?uri=CELEX:32023R9999$/);
  });

  it('knows the acts a drafter cites, in en, nl, fr, de and pl', () => {
    assert.deepEqual(act('Regulation (EC) No 810/2009, Regulation (EU) 2019/1155, Regulation (EU) 2019/1896, Regulation (EU) 2021/2303, Regulation (EU) 2021/947, Directive (EU) 2024/1346, Regulation (EU) 2024/1351 and Council Implementing Decision (EU) 2022/60.', 'en'), []);
    assert.deepEqual(act('Council Decision 2014/512/CFSP, Council Regulation (EU) 2022/1369 and Council Directive 2001/55/EC.', 'en'), []);
    assert.deepEqual(act('Regulation (EU) 2022/1925, Directive (EU) 2022/2555, Regulation (EU) 2024/1689, Directive 2003/87/EC, Council Framework Decision 2002/584/JHA, Council Decision (EU, Euratom) 2020/2053 and Regulation (EU) 2024/792.', 'en'), []);
    assert.deepEqual(act('la directive (UE) 2018/2001, le règlement (UE) 2022/1854 du Conseil et la décision-cadre 2002/584/JAI du Conseil.', 'fr'), []);
    assert.deepEqual(act('Verordnung (EU) 2017/1938, Verordnung (EU) 2022/1032 und Richtlinie (EU) 2023/1791.', 'de'), []);
    assert.deepEqual(act('Verordening (EU) 2021/241, Verordening (EU) 2016/399 en Richtlijn (EU) 2019/944.', 'nl'), []);
    assert.deepEqual(act('Verordening (EG) nr. 810/2009, Verordening (EU) 2019/1155, Besluit 2010/788/GBVB en Besluit (GBVB) 2023/1568.', 'nl'), []);
    assert.deepEqual(act('le règlement (CE) n° 810/2009, le règlement (UE) 2019/1155 et la décision 2011/171/PESC.', 'fr'), []);
    assert.deepEqual(act('Verordnung (EG) Nr. 810/2009, Verordnung (EU) 2023/706 und Beschluss 2014/484/GASP des Rates.', 'de'), []);
    assert.deepEqual(act('Decyzja Rady 2014/450/WPZiB uchyla decyzję 2011/423/WPZiB; rozporządzenie Rady (UE) nr 904/2010.', 'pl'), []);
  });

  it('does not take a regulation for a decision of the same number before 2015, when they had separate series', () => {
    // The model knows Decision 2014/512/CFSP; Regulation (EU) No 512/2014 is another act.
    const [hit] = act('Regulation (EU) No 512/2014 applies.', 'en');
    assert.match(hit.message, /CELEX 32014R0512/);
    assert.deepEqual(malformed('Regulation (EU) No 512/2014 applies.', 'en'), []);
  });

  it('reads no act number in two numbers neither of which is a year', () => {
    assert.deepEqual(act('Regulation 12/34 and Directive 123/456.', 'en'), []);
  });

  it('adds acts from a workspace model layer', async () => {
    const { modelWith } = await import('../../support/checker');
    const model = modelWith('acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n');
    assert.deepEqual(findingsOf('unknown-act', 'Regulation (EU) 2019/9999 applies.', 'en', model), []);
  });
});

describe('EUR-Lex references computed from a citation', () => {
  it('gives CELEX sector-3 letters and ELI types by act type', async () => {
    const { eurLexReference } = await import('../../../server/src/core/analysis/acts');
    assert.deepEqual(eurLexReference({ type: 'regulation', year: 2022, number: 1369 }, 'en'),
      { celex: '32022R1369', eli: 'http://data.europa.eu/eli/reg/2022/1369/oj', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R1369' });
    assert.equal(eurLexReference({ type: 'decision', year: 2014, number: 512 }, 'fr').celex, '32014D0512');
    assert.equal(eurLexReference({ type: 'decision', year: 2014, number: 512 }, 'fr').eli, 'http://data.europa.eu/eli/dec/2014/512/oj');
    assert.equal(eurLexReference({ type: 'directive', year: 2013, number: 32 }, 'nl').eli, 'http://data.europa.eu/eli/dir/2013/32/oj');
    assert.equal(eurLexReference({ type: 'implementing-regulation', year: 2022, number: 1 }, 'de').eli, 'http://data.europa.eu/eli/reg_impl/2022/1/oj');
    assert.equal(eurLexReference({ type: 'implementing-decision', year: 2022, number: 382 }, 'es').eli, 'http://data.europa.eu/eli/dec_impl/2022/382/oj');
    assert.equal(eurLexReference({ type: 'recommendation', year: 2022, number: 2481 }, 'en').celex, '32022H2481');
    assert.equal(eurLexReference({ type: 'framework-decision', year: 2002, number: 584 }, 'en').celex, '32002F0584');
    assert.equal(eurLexReference({ type: 'framework-decision', year: 2002, number: 584 }, 'en').eli, undefined);
  });
});

describe('rule malformed-citation', () => {
  it('says what a known number really is when the type is wrong (since 2015 one number names one act)', () => {
    const [hit] = malformed('Regulation (EU) 2024/1346 on reception conditions.', 'en');
    assert.match(hit.message, /2024\/1346 is Directive \(EU\) 2024\/1346, not a regulation/);
    assert.deepEqual(act('Regulation (EU) 2024/1346 on reception conditions.', 'en'), [], 'not also an unknown act');
  });

  it('flags a domain that does not fit the act\'s year, in each language', () => {
    const [en] = malformed('Regulation (EC) 2019/1155 applies.', 'en');
    assert.equal(en.text, 'EC');
    assert.match(en.message, /An act of 2019 is not "EC".*write "EU"/);
    assert.equal(malformed('Verordnung (EG) 2019/1155', 'de')[0].finding.suggestions![0], 'EU');
    assert.equal(malformed('la directive 2013/32/CE', 'fr')[0].finding.suggestions![0], 'UE');
    assert.equal(malformed('Directive 95/46/EU', 'en')[0].finding.suggestions![0], 'EC');
    assert.equal(malformed('Directive 2001/55/EEC', 'en')[0].finding.suggestions![0], 'EC');
    assert.equal(malformed('Richtlijn 2011/95/EG', 'nl')[0].finding.suggestions![0], 'EU');
    assert.equal(malformed('dyrektywa 2010/24/WE', 'pl')[0].finding.suggestions![0], 'UE');
  });

  it('moves the domain of an act since 2015 from the end into brackets, with a fix', () => {
    const text = 'On 25 October 2018 the Council adopted Decision 2018/9999/CFSP.';
    const [hit] = malformed(text, 'en');
    assert.match(hit.message, /in brackets before the number: "\(CFSP\) 2018\/9999"/);
    assert.equal(applyFix(text, hit.finding), 'On 25 October 2018 the Council adopted Decision (CFSP) 2018/9999.');
    const fr = 'la décision 2019/9999/PESC du Conseil';
    assert.equal(applyFix(fr, malformed(fr, 'fr')[0].finding), 'la décision (PESC) 2019/9999 du Conseil');
  });

  it('flags the suffix of another language, with a fix', () => {
    const fr = 'la décision 2010/573/CFSP';
    const [hit] = malformed(fr, 'fr');
    assert.match(hit.message, /In French the domain is written "PESC", not "CFSP"/);
    assert.equal(applyFix(fr, hit.finding), 'la décision 2010/573/PESC');
    assert.equal(malformed('decyzja 2011/423/CFSP', 'pl')[0].finding.suggestions![0], 'WPZiB');
    assert.equal(malformed('Besluit 2010/788/PESC', 'nl')[0].finding.suggestions![0], 'GBVB');
    assert.equal(malformed('Beschluss 2014/484/CFSP', 'de')[0].finding.suggestions![0], 'GASP');
  });

  it('accepts correct CFSP, pre-1999, pre-2015 and post-2015 forms in en, fr, de, nl and pl', () => {
    assert.deepEqual(malformed('Council Decision 2014/512/CFSP, Decision (CFSP) 2022/578, Regulation (EU) No 833/2014, Directive 95/46/EC, Regulation (EEC) No 1408/71, Decision No 1313/2013/EU, Framework Decision 2002/584/JHA, Decision 2009/937/EU and Regulation (EC) No 1107/2009.', 'en'), []);
    assert.deepEqual(malformed('la décision 2011/171/PESC, la décision (PESC) 2023/1568 et le règlement (UE) n° 1380/2013.', 'fr'), []);
    assert.deepEqual(malformed('Beschluss 2014/484/GASP des Rates, Beschluss (GASP) 2023/1568 und Richtlinie 2001/55/EG.', 'de'), []);
    assert.deepEqual(malformed('Besluit 2010/788/GBVB, Besluit (GBVB) 2016/2231 en Verordening (EU) nr. 1380/2013.', 'nl'), []);
    assert.deepEqual(malformed('DECYZJA RADY 2014/450/WPZiB, decyzję 2011/423/WPZiB i rozporządzenie Rady (UE) nr 904/2010.', 'pl'), []);
  });

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

  it('checks treaty and Charter articles cited by title, with or without "of"', () => {
    const [teu] = article('Under Article 56 TEU the Council decides.', 'en');
    assert.equal(teu.text, '56');
    assert.match(teu.message, /has no Article 56 \(it has 1–55\)/);
    assert.equal(article('gemäß Artikel 60 EUV', 'de')[0].text, '60');
    assert.equal(article('Article 55 of the Charter of Fundamental Rights applies.', 'en')[0].text, '55');
    assert.deepEqual(article('Article 50 TEU, Article 42(7) TEU and Article 47 of the Charter of Fundamental Rights.', 'en'), []);
    assert.deepEqual(article("l'article 55 TUE et l'article 29 du traité sur l'Union européenne", 'fr'), []);
    assert.deepEqual(article('artikel 42 VEU en artikel 6 van het Verdrag betreffende de Europese Unie', 'nl'), []);
  });

  it('checks TFEU articles against its 358, in en, fr, de and nl', () => {
    const flagged = (text: string, lang: string) => article(text, lang).map((h) => h.text);
    assert.deepEqual(flagged('Under Article 359 TFEU the Council decides.', 'en'), ['359']);
    assert.match(article('Article 359 TFEU', 'en')[0].message, /has no Article 359 \(it has 1–358\)/);
    assert.deepEqual(flagged("l'article 359 TFUE et l'article 400 du traité sur le fonctionnement de l'Union européenne", 'fr'), ['359', '400']);
    assert.deepEqual(flagged('gemäß Artikel 359 AEUV', 'de'), ['359']);
    assert.deepEqual(flagged('artikel 359 VWEU en artikel 360 van het Verdrag betreffende de werking van de Europese Unie', 'nl'), ['359', '360']);
    // The last article and the treaty's best-known ones pass, in every language.
    assert.deepEqual(article('Article 358 TFEU, Article 122(1) TFEU and Article 218 TFEU.', 'en'), []);
    assert.deepEqual(article("l'article 358 TFUE, l'article 6 TUE et l'article 122 du traité sur le fonctionnement de l'Union européenne", 'fr'), []);
    assert.deepEqual(article('Artikel 358 AEUV, Artikel 4 VEU und Artikel 288 AEUV', 'de'), []);
    assert.deepEqual(article('artikel 358 VWEU, artikel 4 VEU en artikel 78, lid 3, VWEU', 'nl'), []);
  });

  it('checks GDPR and DSA articles cited by their short title in en, fr, de and nl', () => {
    const flagged = (text: string, lang: string) => article(text, lang).map((h) => h.text);
    assert.deepEqual(flagged('Article 100 of the General Data Protection Regulation', 'en'), ['100']);
    assert.deepEqual(flagged("l'article 100 du règlement général sur la protection des données", 'fr'), ['100']);
    assert.deepEqual(flagged('Artikel 100 der Datenschutz-Grundverordnung', 'de'), ['100']);
    assert.deepEqual(flagged('artikel 100 van de Algemene Verordening Gegevensbescherming', 'nl'), ['100']);
    assert.deepEqual(flagged("l'article 94 du règlement sur les services numériques", 'fr'), ['94']);
    assert.deepEqual(flagged('Artikel 94 des Gesetzes über digitale Dienste', 'de'), ['94']);
    assert.deepEqual(article("l'article 99 du règlement général sur la protection des données et l'article 93 du règlement sur les services numériques", 'fr'), []);
    assert.deepEqual(article('Artikel 6 der Datenschutz-Grundverordnung und Artikel 34 des Gesetzes über digitale Dienste', 'de'), []);
    assert.deepEqual(article('artikel 99 van de algemene verordening gegevensbescherming', 'nl'), []);
  });

  it('checks no article of an act whose article list is not recorded', () => {
    assert.deepEqual(article('Article 999 of Regulation (EU) 2022/1925 and Article 99 of Decision 2014/512/CFSP.', 'en'), []);
    assert.deepEqual(article('Article 500 of the Digital Markets Act and Article 200 of the Data Act.', 'en'), []);
    assert.deepEqual(article('Artikel 500 der Verordnung (EU) 2022/1925 und Artikel 400 des Beschlusses 2014/484/GASP', 'de'), []);
    assert.deepEqual(article("l'article 500 du règlement (UE) 2022/1925", 'fr'), []);
    assert.deepEqual(article('artikel 500 van Verordening (EU) 2022/1925', 'nl'), []);
    assert.deepEqual(article('Article 60 of the Charter of the United Nations.', 'en'), []);
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
