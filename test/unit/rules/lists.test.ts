import assert from 'node:assert/strict';
import { applyReplacements } from '../../../server/src/core/fix/apply';
import { applyFix, findingsOf } from '../../support/checker';

const counts = (text: string, lang: string) => findingsOf('list-count', text, lang);
const members = (text: string, lang: string) => findingsOf('group-membership', text, lang);

const TEN_NL = 'Afghanistan, Bosnië en Herzegovina, Tunesië, Niger, Nigeria, Irak, Libië, Marokko, Pakistan en Egypte';

describe('rule list-count', () => {
  it('flags a stated number that differs from the list, with fixes that are offered, never safe', () => {
    const text = `actieplannen voor 10 prioritaire landen (${TEN_NL.replace(' Libië,', '')}).`;
    const [hit] = counts(text, 'nl');
    assert.equal(hit.text, '10');
    assert.match(hit.message, /lists 9/);
    assert.equal(hit.finding.fix, undefined, 'nothing for --fix: the number or the list may be wrong');
    const [count, members] = hit.finding.fixes!;
    assert.deepEqual([count.title, count.safe], ['Change the count to 9', false]);
    assert.ok(applyReplacements(text, count.edits).startsWith('actieplannen voor 9 prioritaire'));
    // The list names the model's group of ten: the member it leaves out is offered, in Dutch.
    assert.deepEqual([members.title, members.safe], ['Add the missing members: "Libië"', false]);
    assert.ok(applyReplacements(text, members.edits).endsWith('Pakistan, Egypte en Libië).'), applyReplacements(text, members.edits));
  });

  it('writes the count as the draft wrote it: a number word in its form and capital, else digits', () => {
    const fixOf = (text: string, lang: string) => counts(text, lang)[0].finding.fixes![0].edits[0].newText;
    assert.equal(fixOf('Three countries (Morocco and Tunisia) agreed.', 'en'), 'Two');
    assert.equal(fixOf('met drie partners (Marokko en Tunesië).', 'nl'), 'twee');
    assert.equal(fixOf('avec trois partenaires (le Maroc et la Tunisie).', 'fr'), 'deux');
    assert.equal(fixOf('mit drei Partnern: Marokko und Tunesien.', 'de'), 'zwei');
    assert.equal(fixOf('z trzech krajów (Maroko i Tunezja).', 'pl'), 'dwóch');
    // "trzy" goes with a masculine or a feminine noun ("dwa" / "dwie"): digits, which fit both.
    assert.equal(fixOf('trzy kraje (Maroko i Tunezja).', 'pl'), '2');
    assert.equal(fixOf('The 3 partner countries (Tunisia and Morocco) agreed.', 'en'), '2');
  });

  it('counts a bulleted list announced by a colon, and "as well as" / "evenals" do not end a list', () => {
    const bullets = 'The Commission proposed five legislative acts concerning:\n\n- asylum procedures;\n- reception conditions;\n  - nested detail\n- qualification; and\n- the Eurodac database.\n';
    const [hit] = counts(bullets, 'en');
    assert.match(hit.message, /says five but lists 4: asylum procedures; reception conditions; qualification; the Eurodac database\./);
    assert.deepEqual(counts(bullets.replace('five', 'four'), 'en'), []);
    assert.deepEqual(counts('The Union works with four partners: Morocco, Tunisia, Egypt as well as Libya.', 'en'), []);
    assert.deepEqual(counts('De Unie werkt met vier partners: Marokko, Tunesië, Egypte evenals Libië.', 'nl'), []);
    assert.deepEqual(counts('L\'Union travaille avec quatre partenaires : le Maroc, la Tunisie, l\'Égypte ainsi que la Libye.', 'fr'), []);
    assert.deepEqual(counts('Die Union arbeitet mit vier Partnern: Marokko, Tunesien, Ägypten sowie Libyen.', 'de'), []);
  });

  it('leaves document numbers and letterhead fields alone', () => {
    assert.deepEqual(counts('**No. Cion doc.:** 13731/18 - COM(2018) 732 final\n**Subject:** Proposal for a Council Regulation fixing, for 2019, the opportunities, applicable in Union waters.', 'en'), []);
    assert.deepEqual(counts('Ref. COM(2017) 621 (Norway, Iceland)', 'en'), []);
  });

  it('reads number words in each language', () => {
    assert.equal(counts('with four partners (Morocco, Tunisia and Egypt).', 'en')[0].text, 'four');
    assert.equal(counts('met vier partners (Marokko, Tunesië en Egypte).', 'nl')[0].text, 'vier');
    assert.equal(counts('avec quatre partenaires (Maroc, Tunisie et Égypte).', 'fr')[0].text, 'quatre');
    assert.equal(counts('mit vier Partnern: Marokko, Tunesien und Ägypten.', 'de')[0].text, 'vier');
  });

  it('counts a name with "and" in it as one item', () => {
    assert.deepEqual(counts(`10 prioritaire landen (${TEN_NL}).`, 'nl'), []);
  });

  it('flags a breakdown whose parts do not add up to the stated number, in en, nl and fr', () => {
    const [en] = counts('The Union funds seven centres: two in Morocco, three in Tunisia and three in Egypt.', 'en');
    assert.deepEqual([en.text, en.message], ['seven', 'The text says seven but its parts add up to 8.']);
    assert.equal(en.finding.fix, undefined, 'which number is wrong is not known: no fix');
    assert.deepEqual(counts('De Unie financiert 7 centra: twee in Marokko, drie in Tunesië en drie in Egypte.', 'nl').map((f) => [f.text, f.message]), [['7', 'The text says 7 but its parts add up to 8.']]);
    assert.deepEqual(counts("L'Union finance sept centres : deux au Maroc, trois en Tunisie et un en Égypte.", 'fr').map((f) => f.text), ['sept']);
  });

  it('accepts a breakdown whose parts add up, although its items are fewer than the number', () => {
    assert.deepEqual(counts('The Union funds seven centres: two in Morocco, three in Tunisia and two in Egypt.', 'en'), []);
    assert.deepEqual(counts('De Unie financiert 7 centra: twee in Marokko, drie in Tunesië en twee in Egypte.', 'nl'), []);
    assert.deepEqual(counts("L'Union finance six centres : deux au Maroc, trois en Tunisie et un en Égypte.", 'fr'), []);
  });

  it('leaves non-exhaustive lists, dates, articles and region lists alone', () => {
    assert.deepEqual(counts('Ten countries, including Morocco and Tunisia, agreed.', 'en'), []);
    assert.deepEqual(counts('five routes such as (Central Mediterranean and Western Balkans).', 'en'), []);
    assert.deepEqual(counts('on 16 and 17 November (Madrid, Rome).', 'en'), []);
    assert.deepEqual(counts('Article 3 (a, b and c) applies.', 'en'), []);
    assert.deepEqual(counts('two routes (the Western and the Central Mediterranean).', 'en'), []);
    assert.deepEqual(counts('twee aspecten: de versterkte toepassing van een preventief en proactief model, en de adequate financiering.', 'nl'), []);
  });
});

describe('rule group-membership', () => {
  it('flags a swapped country in the priority-country list and says which one is missing', () => {
    const [hit] = members(`10 prioritaire landen van herkomst en doorreis (${TEN_NL.replace('Libië', 'Ethiopië')}).`, 'nl');
    assert.equal(hit.text, 'Ethiopië');
    assert.match(hit.message, /leaves out Libya\./);
    assert.deepEqual(hit.finding.suggestions, ['Libië'], 'the suggestion is in the draft\'s language');
  });

  it('suggests the missing member written as the list writes its items: with the article in French, bare in Dutch', () => {
    const fr = "Les pays prioritaires d'origine et de transit (l'Afghanistan, la Bosnie-Herzégovine, la Tunisie, le Niger, le Nigeria, l'Iraq, la Libye, le Maroc, le Pakistan et le Sénégal) ont un coordinateur.";
    const [hit] = members(fr, 'fr');
    assert.equal(hit.text, 'le Sénégal');
    assert.deepEqual(hit.finding.suggestions, ["l'Égypte"]);
    const [nl] = members(`10 prioritaire landen van herkomst en doorreis (${TEN_NL.replace('Libië', 'Ethiopië')}).`, 'nl');
    assert.deepEqual(nl.finding.suggestions, ['Libië']);
  });

  it('flags a country tied to an instrument that the model does not link it to', () => {
    const [hit] = members('The Talent Partnerships with Nigeria and Morocco.', 'en');
    assert.equal(hit.text, 'Nigeria');
  });

  it('accepts the right members, in any order, and countries not linked to a group', () => {
    assert.deepEqual(members(`10 prioritaire landen van herkomst en doorreis (${TEN_NL}).`, 'nl'), []);
    assert.deepEqual(members('The Talent Partnerships with Morocco and Tunisia. Nigeria and Senegal are partners.', 'en'), []);
    assert.deepEqual(members('sleutellanden, waaronder Bangladesh, Ethiopië, Irak, Senegal en Gambia.', 'nl'), []);
  });

  // A sentence that adds one more country to the action plans of the priority countries.
  const INTRO = {
    en: 'Action plans were drawn up for the priority countries of origin and transit. ',
    nl: 'Er zijn actieplannen opgesteld voor de prioritaire landen. ',
    fr: "Des plans d'action ont été établis pour les pays prioritaires d'origine et de transit. ",
  };

  it('flags a country a later sentence adds to the action plans, in en, nl and fr', () => {
    assert.deepEqual(members(`${INTRO.en}An action plan has also been drawn up for Senegal.`, 'en').map((f) => f.text), ['Senegal']);
    assert.match(members(`${INTRO.en}An action plan has also been drawn up for Senegal.`, 'en')[0].message, /does not link Senegal to the action plan: it covers Afghanistan/);
    assert.deepEqual(members(`${INTRO.nl}Er is ook een actieplan opgesteld voor Senegal.`, 'nl').map((f) => f.text), ['Senegal']);
    assert.deepEqual(members(`${INTRO.fr}Un plan d'action a également été élaboré pour le Sénégal.`, 'fr').map((f) => f.text), ['Sénégal']);
    assert.deepEqual(members('The Talent Partnerships were launched in 2022 with Nigeria.', 'en').map((f) => f.text), ['Nigeria'], 'a few words between the name and "with"');
  });

  it('accepts a member added in other words, and any other action plan', () => {
    assert.deepEqual(members(`${INTRO.en}An action plan has also been drawn up for Libya.`, 'en'), []);
    assert.deepEqual(members(`${INTRO.nl}Er is ook een actieplan opgesteld voor Libië.`, 'nl'), []);
    assert.deepEqual(members(`${INTRO.fr}Un plan d'action a également été élaboré pour la Libye.`, 'fr'), []);
    // Without the action plans or their group named before, "an action plan" is any action plan.
    assert.deepEqual(members('An action plan for the energy grid was agreed with Ukraine.', 'en'), []);
    assert.deepEqual(members('Er is een actieplan voor Senegal opgesteld op het gebied van energie.', 'nl'), []);
    assert.deepEqual(members("Un plan d'action pour le Sénégal a été adopté dans le domaine de l'énergie.", 'fr'), []);
    // Only the first relation word ties: this plan is for the grid, not Ukraine's.
    assert.deepEqual(members(`${INTRO.en}An action plan for the energy grid was agreed with Ukraine.`, 'en'), []);
    // The mention must be in the same paragraph (the rule reads one block at a time).
    assert.deepEqual(members(`${INTRO.en.trim()}\n\nAn action plan has also been drawn up for Senegal.`, 'en'), []);
    // The country must be in the same sentence.
    assert.deepEqual(members(`${INTRO.en}The action plan was discussed. Senegal is a partner for other reasons.`, 'en'), []);
  });
});
