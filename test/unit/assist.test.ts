/** The LSP-free editor logic (core/assist): entities in a draft, cards, completion, outline, model edits. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument, isMap, isSeq } from 'yaml';
import { analyseDraft } from '../../server/src/core/assist/analyse';
import { celexOf, entityCard, eurLexUrl } from '../../server/src/core/assist/cards';
import { completionCandidates, groupListAt, quickContext } from '../../server/src/core/assist/completion';
import { entityRefs, flatRefs, refAt, refKey } from '../../server/src/core/assist/entity-refs';
import { addEntryEdit, modelAdditionsFor } from '../../server/src/core/assist/model-edit';
import { ModelFileLocator, scanJsonEntries } from '../../server/src/core/assist/model-locate';
import { searchModel } from '../../server/src/core/assist/model-search';
import { referencesByKind } from '../../server/src/core/assist/references';
import { documentSymbols } from '../../server/src/core/assist/symbols';
import { applyReplacements } from '../../server/src/core/fix/apply';
import { loadModelText } from '../../server/src/core/model/load';
import { defaultModelFiles, packageRoot } from '../../server/src/node/resources';
import { join } from 'node:path';
import { check, testLanguages, testModel } from '../support/checker';
import { loadModelFromDisk } from '../../server/src/node/session';

const analysisOf = (text: string, language = 'en', model = testModel()) => analyseDraft(text, model, testLanguages(), { language });
const describeRefs = (text: string, language = 'en') => entityRefs(analysisOf(text, language)).map((r) => `${r.kind}:${r.id}${r.article ? `#${r.article}` : ''}=${text.slice(r.start, r.end)}`);

describe('assist: entities in a draft', () => {
  it('resolves names, citations, articles and acronyms to model entities', () => {
    const text = 'Tunisia, Article 25a of the Visa Code, Regulation (EU) 2019/1896 and the European Union Agency for Asylum (EUAA).';
    assert.deepEqual(describeRefs(text), [
      'country:TUN=Tunisia',
      'article:32009R0810#25a=Article 25a',
      'act:32009R0810=Visa Code',
      'act:32019R1896=Regulation (EU) 2019/1896',
      'body:euaa=European Union Agency for Asylum',
      'acronym:acr-euaa=EUAA',
    ]);
  });

  it('reads only names of the draft\'s language, and marks deprecated ones', () => {
    assert.deepEqual(describeRefs('Talks with Turkey on the island.'), ['country:TUR=Turkey']);
    assert.equal(entityRefs(analysisOf('Talks with Turkey.'))[0].deprecated, true);
    assert.deepEqual(describeRefs('Samenwerking met Tunesië en Turkije.', 'nl'), ['country:TUN=Tunesië', 'country:TUR=Turkije']);
  });

  it('finds the narrowest entity at an offset, the end of a name included', () => {
    const text = 'See Article 25a of the Visa Code.';
    const analysis = analysisOf(text);
    assert.equal(refKey(refAt(analysis, text.indexOf('25a'))!), 'acts:32009R0810#25a');
    assert.equal(refKey(refAt(analysis, text.indexOf('Visa'))!), 'acts:32009R0810');
    assert.equal(refKey(refAt(analysis, text.indexOf('Code') + 4)!), 'acts:32009R0810');
    assert.equal(refAt(analysis, 1), undefined);
  });

  it('gives spans that do not overlap for colouring', () => {
    const text = 'The European Union Agency for Asylum (EUAA) and Article 25a of the Visa Code.';
    const spans = flatRefs(analysisOf(text));
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start);
  });

  it('groups what a draft cites by kind', () => {
    const groups = referencesByKind(analysisOf('Tunisia and Tunisia, Article 25a of the Visa Code.'));
    assert.deepEqual(groups.map((g) => [g.kind, g.entries.map((e) => `${e.id}×${e.spans.length}`)]), [
      ['country', ['TUN×2']], ['act', ['32009R0810×1']], ['article', ['32009R0810#25a×1']],
    ]);
  });
});

describe('assist: cards', () => {
  it('links an act to EUR-Lex by its CELEX number', () => {
    const act = testModel().acts.get('32019R1896')!;
    assert.equal(celexOf(act), '32019R1896');
    assert.equal(eurLexUrl('32019R1896'), 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32019R1896');
    const card = entityCard(testModel(), testLanguages().get('nl')!, 'acts', '32019R1896')!;
    assert.match(card, /Verordening \(EU\) 2019\/1896/);
    assert.ok(card.includes('(https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32019R1896)'));
  });

  it('escapes Markdown in model text', () => {
    const card = entityCard(testModel(), testLanguages().get('en')!, 'countries', 'XKX') ?? entityCard(testModel(), testLanguages().get('en')!, 'countries', '1A0')!;
    assert.match(card, /Kosovo\\\*/);
  });

  it('says when an article is not in the act', () => {
    const card = entityCard(testModel(), testLanguages().get('en')!, 'acts', '32009R0810', { article: '25c' })!;
    assert.match(card, /Not in this act: it has 1–58, 25a and 51a/);
  });
});

describe('assist: completion', () => {
  const labels = (text: string, language = 'en', offset = text.length) => completionCandidates(analysisOf(text, language), offset).items.map((c) => c.label);

  it('recognises contexts from the text before the cursor alone', () => {
    const en = testLanguages().get('en')!;
    assert.equal(quickContext('under Article ', en), 'article');
    assert.equal(quickContext('see Regulation (EU) ', en), 'citation');
    assert.equal(quickContext('countries (Tunisia, ', en), 'list');
    assert.equal(quickContext('The Council will ', en), undefined);
  });

  it('offers the articles of the act after the cursor, in the language\'s form', () => {
    const text = 'artikel  van de Visumcode';
    const items = labels(text, 'nl', 'artikel '.length);
    assert.ok(items.includes('25 bis') && items.includes('51 bis') && items.includes('58'));
    assert.ok(!items.includes('25a'));
  });

  it('without an act named, offers the inserted articles of every act', () => {
    assert.deepEqual([...new Set(labels('under Article '))].sort(), ['25a', '51a']);
  });

  it('finds the group a list belongs to and the members it still lacks', () => {
    const text = 'The 10 priority countries of origin and transit (Afghanistan, Bosnia and Herzegovina, Tunisia, Niger, Nigeria, Iraq, Libya, Morocco, Pakistan and ';
    const list = groupListAt(analysisOf(text), text.length)!;
    assert.equal(list.groupId, 'priority-countries-action-plans');
    assert.deepEqual(list.missing, ['EGY']);
    assert.equal(labels(`${text}E`)[0], 'Egypt');
    // After the list is closed, no group context.
    assert.equal(groupListAt(analysisOf(`${text}Egypt). Then `), text.length + 14), undefined);
  });

  it('offers nothing outside prose', () => {
    assert.deepEqual(labels('```\nTun'), []);
    for (const text of ['Text <!-- Tun --> more.', 'See [link](http://Tun) more.', 'Run `Tun` now.']) {
      assert.deepEqual(labels(text, 'en', text.indexOf('Tun') + 3), [], text);
    }
  });
});

describe('assist: outline', () => {
  it('nests headings, lists the questions of a questions section and the footnotes', () => {
    const text = '# Note\n\n## Context\n\nText[^a].\n\n## Vragen aan de ministers\n\n- Steunt u dit?\n- Welke middelen?\n\n### Sub\n\n[^a]: A footnote.\n';
    const outline = documentSymbols(text).map(function show(s): unknown { return s.children.length ? [s.kind, s.name, s.children.map(show)] : [s.kind, s.name]; });
    assert.deepEqual(outline, [
      ['heading', 'Note', [['heading', 'Context'], ['heading', 'Vragen aan de ministers', [['question', 'Steunt u dit?'], ['question', 'Welke middelen?'], ['heading', 'Sub']]]]],
      ['footnote', '[^a] A footnote.'],
    ]);
  });

  it('takes questions from paragraphs ending in "?" when the section has no list, and from a bold title', () => {
    const text = '**Questions to Ministers**\n\nDo Ministers agree?\n\nA statement.\n\n## Fragen\n\nStimmen Sie zu?\n';
    const symbols = documentSymbols(text);
    assert.deepEqual(symbols.map((s) => [s.kind, s.name]), [['question', 'Do Ministers agree?'], ['heading', 'Fragen']]);
    assert.deepEqual(symbols[1].children.map((s) => s.name), ['Stimmen Sie zu?']);
  });

  it('keeps every child inside its parent\'s range', () => {
    const text = readFileSync(join(packageRoot(), 'examples', 'en', 'clean-external-dimension.md'), 'utf8');
    const walk = (list: ReturnType<typeof documentSymbols>, parent?: { start: number; end: number }) => {
      for (const s of list) {
        if (parent) assert.ok(parent.start <= s.start && s.end <= parent.end, s.name);
        assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end);
        walk(s.children, s);
      }
    };
    walk(documentSymbols(text));
  });
});

describe('assist: the model', () => {
  it('locates entries in JSON exactly where the YAML parser does', () => {
    const file = defaultModelFiles().find((f) => f.endsWith('.json'))!;
    const text = readFileSync(file, 'utf8');
    const spans = scanJsonEntries(text);
    const doc = parseDocument(text);
    const countries = isMap(doc.contents) ? doc.contents.get('countries', true) : undefined;
    assert.ok(isSeq(countries));
    assert.equal(spans.size, countries.items.length + 1, 'every country and the one source');
    for (const index of [0, 1, 57, countries.items.length - 1]) {
      const span = spans.get(`countries#${index}`)!;
      const id = (countries.items[index] as { get(k: string): string }).get('id');
      assert.equal(text.slice(span.start, span.end), `"id":"${id}"`);
    }
    const locator = new ModelFileLocator();
    assert.ok(locator.locate(file, text, 'countries', 3));
    assert.equal(locator.locate(file, text, 'countries', 100_000), undefined);
    assert.equal(new ModelFileLocator().locate('x.json', '{ broken', 'countries', 0), undefined);
  });

  it('searches entities by any of their names', () => {
    const en = testLanguages().get('en')!;
    assert.equal(searchModel(testModel(), en, 'Tunesië')[0].id, 'TUN');
    assert.equal(searchModel(testModel(), en, '32009R0810')[0].id, '32009R0810');
    assert.equal(searchModel(testModel(), en, '', 5).length, 5);
  });

  describe('add to workspace policy model', () => {
    const cases: { rule: string; text: string; language?: string }[] = [
      { rule: 'unknown-act', text: 'Directive 2013/99/EU applies.' },
      { rule: 'unknown-act', text: 'Regulation (EC) No 999/2004 applies.' },
      { rule: 'unknown-instrument', text: 'The Team Europe Initiative on the Eastern route was launched.' },
      { rule: 'undefined-acronym', text: 'The ZQX reported.' },
      { rule: 'undefined-acronym', text: 'The EMWP reported.' },
      { rule: 'group-membership', text: 'Plans cover the 10 priority countries of origin and transit (Afghanistan, Bosnia and Herzegovina, Tunisia, Niger, Nigeria, Iraq, Libya, Morocco, Pakistan and Ghana).' },
      { rule: 'fact-mismatch', text: 'Proposals for such measures were submitted for Bangladesh (2022).' },
      { rule: 'unknown-act', text: 'Verordening (EU) 2019/8888 is van toepassing.', language: 'nl' },
      { rule: 'undefined-acronym', text: 'Le ZQX a fait rapport.', language: 'fr' },
    ];
    const files: [string, string | undefined][] = [
      ['new.policy.yaml', undefined],
      ['team.policy.yaml', 'name: Team\n# our places\nplaces:\n  - id: atlantis\n    kind: region\n    names: { en: [Atlantis Bay] }\nacts: []\n'],
      ['team.policy.json', '{\n    "places": []\n}\n'],
    ];
    // One model store for all cases: only the layer under test is parsed again.
    let disk: ReturnType<typeof loadModelFromDisk> | undefined;
    const withLayer = (text: string) => {
      disk ??= loadModelFromDisk([]);
      disk.store.update('layer.policy.yaml', text);
      return disk.store.build([...disk.order, 'layer.policy.yaml']).index;
    };
    for (const [i, c] of cases.entries()) {
      for (const [file, before] of i < 3 ? files : files.slice(0, 1)) {
        it(`${c.rule} "${c.text}" → ${before === undefined ? 'a new file' : file}: a valid model that silences the finding`, () => {
          const language = c.language ?? 'en';
          const finding = check(c.text, { language }).findings.find((f) => f.rule === c.rule);
          assert.ok(finding, `${c.rule} expected`);
          const addition = modelAdditionsFor(finding, analysisOf(c.text, language))[0];
          assert.ok(addition, 'an addition');
          const edit = addEntryEdit(file, before, addition.section, addition.entry)!;
          const after = applyReplacements(before ?? '', [edit]);
          const loaded = loadModelText(file, after);
          // A new entity's source is left for the drafter: the model-schema check reminds about it.
          const reminders = 'source' in addition.entry ? [`${addition.section}[0] "${String(addition.entry.id)}": say where this entry comes from (its source is "TODO: where this comes from")`] : [];
          assert.deepEqual(loaded.problems.map((p) => `${p.severity}: ${p.message}`), reminders.map((r) => `warning: ${r}`), after);
          if (before && file.endsWith('.yaml')) assert.ok(after.startsWith('name: Team\n# our places\n'), 'the rest of the file is kept');
          const model = withLayer(after);
          const remaining = check(c.text, { language }, model).findings;
          assert.ok(!remaining.some((f) => f.rule === c.rule && f.start === finding.start), `${c.rule} silenced by:\n${after}`);
          assert.deepEqual(remaining.filter((f) => !check(c.text, { language }).findings.some((o) => o.rule === f.rule && o.message === f.message)), [], 'nothing new');
        });
      }
    }

    it('offers no new entity for a near miss of a known name, in any language', () => {
      for (const [language, text] of [['en', 'Cooperation with Tunesia continues.'], ['fr', 'La coopération avec le Marroc continue.'], ['nl', 'De samenwerking met Marroko gaat door.'], ['pl', 'Współpraca z Tunzeją trwa od lat.'], ['en', 'The Khartoum Proces met.'], ['nl', 'Het proces van Khartoen brengt de landen samen.']]) {
        const findings = check(text, { language }).findings.filter((f) => f.rule === 'unknown-country' || f.rule === 'unknown-instrument');
        assert.equal(findings.length, 1, `${language}: ${text}`);
        assert.deepEqual(modelAdditionsFor(findings[0], analysisOf(text, language)), [], `${language}: ${text}`);
      }
    });

    it('writes CRLF into a CRLF model file, and refuses broken JSON', () => {
      const before = 'acts:\r\n  - id: x\r\n    note: y\r\n';
      const edit = addEntryEdit('m.policy.yaml', before, 'acts', { id: 'z' }, '\r\n')!;
      assert.equal(applyReplacements(before, [edit]), 'acts:\r\n  - id: x\r\n    note: y\r\n  - id: z\r\n');
      assert.equal(addEntryEdit('m.policy.json', '{ nope', 'acts', { id: 'z' }), undefined);
    });
  });
});
