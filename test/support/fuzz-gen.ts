/**
 * fast-check generators of hostile Markdown drafts for the robustness tests (issue 7): real
 * note fragments in en/nl/fr/de (written for these tests), entity names taken from the policy
 * model (and misspelt), citations, dates, footnotes, tables, nested lists and quotes, front
 * matter (valid and broken), HTML comments and council-notes directives, inline markup, and
 * random Unicode (lone surrogates, combining marks, RTL marks, emoji, NUL, CR/CRLF, BOM).
 *
 * Used by test/unit/robust-fuzz.test.ts (a few thousand cases in `npm test`) and by
 * scripts/fuzz.ts (`npm run fuzz`, 100k cases).
 */
import fc from 'fast-check';
import type { PolicyIndex } from '../../server/src/core/model/policy-index';

/** Sentences as drafters write them, some right, some with the mistakes the rules look for. */
export const FRAGMENTS: Record<'en' | 'nl' | 'fr' | 'de', string[]> = {
  en: [
    'The Presidency invites the Council to take note of the state of play.',
    'Under Article 25a of the Visa Code, the Commission assesses cooperation on readmission.',
    'Regulation (EC) No 810/2009 was amended by Regulation (EU) 2019/1155.',
    'Regulation (EU) No 2019/1155 applies since 2 February 2020.',
    'The 10 priority countries (Bangladesh, Egypt, Iraq, Morocco, Nigeria, Pakistan, Senegal, Tunisia and Türkiye) remain the focus.',
    'Three bodies: Frontex, the EUAA and Europol.',
    'Cooperation with Turkey and Tunesia continued in 2023.',
    'The JHA Council of 28 September 2023 discussed the external dimension.',
    'September 31, 2023 is not a date, and neither is 30 February 2024.',
    'Kosovo and Serbia were invited to the Rabat Process meeting.',
    'The European Asylum Support Office (EUAA) supports Member States.',
    'The MOCADEM coordinates the Team Europe Initiatives on the Atlantic route.',
    'Proposals for such measures were submitted for Bangladesh (2021), Iraq (2021) and The Gambia (2022).',
    'Articles 24 and 60 of Regulation (EU) 2024/1351 lay down the procedure.',
    'Directive 2013/32/EU and Decision (CFSP) 2022/60 are cited in footnote[^1].',
    'Illegal migrants were returned under the Khartoum Proces.',
    'See Article 1 of Article 1 of Article 1 of the Visa Code.',
  ],
  nl: [
    'Het voorzitterschap verzoekt de Raad kennis te nemen van de stand van zaken.',
    'Op grond van artikel 25 bis van de Visumcode beoordeelt de Commissie de samenwerking.',
    'Verordening (EG) nr. 810/2009 is gewijzigd bij Verordening (EU) 2019/1155.',
    'artikel 25a van de Visumcode is van toepassing sinds 2 februari 2020.',
    'De tien prioritaire landen (Bangladesh, Egypte, Irak, Marokko, Nigeria, Pakistan, Senegal en Tunesië) blijven centraal staan.',
    'De Raad heeft formele besluiten aangenomen in het geval van Gambia (2021 en 2022) en Irak (2021).',
    'De JBZ-Raad van 28 september 2023 besprak de externe dimensie.',
    'Samenwerking met Turkije en Tunisie werd voortgezet.',
    'Het Asielagentschap van de Europese Unie (EUAA) ondersteunt de lidstaten.',
    'Kosovo wordt genoemd zonder voetnoot.',
  ],
  fr: [
    'La présidence invite le Conseil à prendre note de l\'état des travaux.',
    'En vertu de l\'article 25 bis du code des visas, la Commission évalue la coopération.',
    'Le règlement (CE) n° 810/2009 a été modifié par le règlement (UE) 2019/1155.',
    'Le 1er octobre 2023, le Conseil JAI s\'est réuni.',
    'Les dix pays prioritaires (Bangladesh, Égypte, Irak, Maroc, Nigeria, Pakistan, Sénégal et Tunisie) restent au centre.',
    'La coopération avec la Turquie et la Tunisi se poursuit.',
    'L\'Agence de l\'Union européenne pour l\'asile (AUEA) soutient les États membres.',
    'Le 30 février 2024 n\'existe pas.',
  ],
  de: [
    'Der Vorsitz ersucht den Rat, den Sachstand zur Kenntnis zu nehmen.',
    'Nach Artikel 25a des Visakodex bewertet die Kommission die Zusammenarbeit.',
    'Die Verordnung (EG) Nr. 810/2009 wurde durch die Verordnung (EU) 2019/1155 geändert.',
    'Am 28. September 2023 tagte der Rat (Justiz und Inneres).',
    'Artikel 3 bis 5 gelten für Tunesien und die Türkei.',
    'Die zehn prioritären Länder (Bangladesch, Ägypten, Irak, Marokko, Nigeria, Pakistan, Senegal und Tunesien) bleiben im Mittelpunkt.',
    'Die Zusammenarbeit mit Tunesin wurde fortgesetzt.',
    'Das Inland ist nicht Irland.',
  ],
};

export const HEADERS: Record<'en' | 'nl' | 'fr' | 'de', string> = {
  en: '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** External dimension of migration\n',
  nl: '# NOTA\n\n**van:** voorzitterschap  \n**aan:** Raad  \n**Betreft:** Externe dimensie van migratie\n',
  fr: '# NOTE\n\n**Origine:** présidence  \n**Destinataire:** Conseil  \n**Objet:** Dimension extérieure des migrations\n',
  de: '# VERMERK\n\n**Absender:** Vorsitz  \n**Empfänger:** Rat  \n**Betr.:** Externe Dimension der Migration\n',
};

export const CITATIONS = [
  'Regulation (EC) No 810/2009', 'Regulation (EU) 2019/1155', 'Regulation (EU) No 2019/1155', 'Regulation (EC) 810/2009',
  'artikel 25 bis van de Visumcode', 'Article 25a of the Visa Code', 'Article 25 bis of the Visa Code', 'Article 25c of the Visa Code',
  'Verordening (EG) nr. 810/2009', 'Verordening (EU) 2024/1351', 'règlement (UE) 2021/2303', 'Richtlinie 2013/32/EU',
  'Articles 24, 25 and 60 of Regulation (EU) 2024/1351', 'Article 51a(1)(b) of Regulation (EC) No 810/2009',
  'Decision (CFSP) 2022/60', 'Directive 2013/32/UE', 'Regulation (EU) 9999/9999', 'Regulation (, , ) 1/1',
  'Article 1 of Article 1 of', 'artikel 1er van', 'Artikel 3 bis 5 des Visakodex',
];

export const DATES = ['28 September 2023', 'September 28, 2023', '28. September 2023', '1er octobre 2023', '31 September 2023', '29 February 2023', '0 May 2024', '16 en 17 november 2023', '2 Feb 2020'];

export const DIRECTIVES = [
  '<!-- council-notes-disable-next-line -->', '<!-- council-notes-disable-next-line unknown-country -->',
  '<!-- council-notes-disable-line unknown-country, deprecated-name -->', '<!-- council-notes-disable -->',
  '<!-- council-notes-enable -->', '<!-- council-notes-disable unknown-act -->', '<!-- council-notes-enable unknown-act -->',
  '<!-- council-notes-disable-file -->', '<!-- council-notes-disable-file no-such-rule -->', '<!-- council-notes-bogus -->',
  '<!-- just a comment -->', '<!--', '-->', '<!-- nested <!-- comment --> -->',
];

/** Code points that break naive text handling. */
export const NASTY_UNITS = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\u0301', '\u0308', '\u0327', '\u20DD', // combining marks
  '\u200F', '\u200E', '\u202E', '\u202B', '\u2067', '\u2069', '\u061C', // RTL / bidi controls
  '😀', '👩‍👩‍👧', '🇪🇺', '🇹🇷', '❤️', '👍🏽', // emoji (surrogate pairs, ZWJ, flags, modifiers)
  '\u0000', '\u0001', '\u0007', '\u001B', '\u007F', // NUL, the mask's barrier, controls
  '\r', '\r\n', '\n', '\u2028', '\u2029', '\u000B', '\u000C', '\u0085', // line breaks LSP does and does not count
  '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', // BOM, zero widths, soft hyphen
  '\u00A0', '\u202F', '\u3000', '\t', // spaces
  'İ', 'ı', 'ß', 'ǅ', 'ﬁ', 'Ω', 'ẞ', 'ǰ', // case mapping that changes length
  '\uFFFD', '\uFFFE', '\uFFFF', '\uE000', // specials and private use
  'Ａ', '１', '٣', '߀', '𝐀', '𝟏', // full-width, Arabic-Indic and mathematical digits/letters
  'é', 'é', 'Tu\u0308rkiye', 'T\u0308u\u0308rkiye', // precomposed vs decomposed
];

/** Labels of the model, by kind, to put real (and nearly real) names into drafts. */
export interface Vocabulary { names: string[]; acronyms: string[]; phrases: string[] }

export function modelVocabulary(model: PolicyIndex, languages = ['en', 'nl', 'fr', 'de']): Vocabulary {
  const names = new Set<string>();
  const acronyms = new Set<string>();
  const phrases = new Set<string>();
  const wanted = (lang: string) => languages.includes(lang);
  for (const country of model.countries.values()) {
    for (const [lang, n] of Object.entries(country.names)) {
      if (!wanted(lang) || !n) continue;
      names.add(n.short);
      if (n.formal) names.add(n.formal);
      for (const old of n.deprecated ?? []) names.add(old.name);
    }
  }
  const lists = [model.bodies, model.instruments, model.places] as const;
  for (const map of lists) {
    for (const entity of map.values() as IterableIterator<{ names: Record<string, string[] | undefined> }>) {
      for (const [lang, list] of Object.entries(entity.names)) if (wanted(lang)) for (const text of list ?? []) names.add(text);
    }
  }
  for (const group of model.groups.values()) for (const [lang, list] of Object.entries(group.labels)) if (wanted(lang)) for (const text of list ?? []) phrases.add(text);
  for (const act of model.acts.values()) for (const [lang, titles] of Object.entries(act.titles ?? {})) if (wanted(lang)) for (const text of titles?.short ?? []) names.add(text);
  for (const acronym of model.acronyms.values()) {
    for (const [lang, forms] of Object.entries(acronym.forms)) if (wanted(lang)) for (const text of forms ?? []) acronyms.add(text);
    for (const [lang, list] of Object.entries(acronym.expansions)) if (wanted(lang)) for (const text of list ?? []) phrases.add(text);
  }
  for (const kind of model.factKinds.values()) for (const [lang, list] of Object.entries(kind.phrases)) if (wanted(lang)) for (const text of list ?? []) phrases.add(text);
  for (const term of model.terminology.values()) for (const [lang, list] of Object.entries(term.terms)) if (wanted(lang)) for (const t of list ?? []) phrases.add(t.text);
  const sorted = (set: Set<string>) => [...set].sort();
  return { names: sorted(names), acronyms: sorted(acronyms), phrases: sorted(phrases) };
}

/** A near miss of a name: one character dropped, doubled, swapped, replaced, or its diacritics and case changed. */
function misspell(name: string, kind: number, at: number): string {
  if (name.length < 2) return name;
  const i = at % (name.length - 1);
  switch (kind % 6) {
    case 0: return name.slice(0, i) + name.slice(i + 1);
    case 1: return name.slice(0, i) + name[i] + name.slice(i);
    case 2: return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    case 3: return name.slice(0, i) + 'x' + name.slice(i + 1);
    case 4: return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    default: return name.toUpperCase();
  }
}

export interface DraftOptions {
  /** Maximum nesting of quotes and lists inside each other. */
  maxDepth?: number;
  /** Maximum number of top-level blocks. */
  maxBlocks?: number;
  /** Share of drafts that start with a byte order mark (default 0.1). */
  bom?: number;
}

/**
 * Arbitrary Markdown drafts. The value is the draft's text; shrinking works on its structure,
 * so a failing draft shrinks to a few blocks and characters.
 */
export function draftArbitrary(vocabulary: Vocabulary, options: DraftOptions = {}): fc.Arbitrary<string> {
  const maxDepth = options.maxDepth ?? 3;
  const maxBlocks = options.maxBlocks ?? 4;
  const bomShare = options.bom ?? 0.1;
  const allFragments = Object.values(FRAGMENTS).flat();

  const name = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...vocabulary.names) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...vocabulary.names), fc.nat(5), fc.nat(40)).map(([n, kind, at]) => misspell(n, kind, at)) },
  );
  const acronym = fc.constantFrom(...vocabulary.acronyms, 'EU', 'JHA', 'ABCD', 'TEIs', "TEI's", 'EU-lidstaten', 'XIV', 'NATO');
  const phrase = fc.constantFrom(...vocabulary.phrases);
  const nasty = fc.constantFrom(...NASTY_UNITS);
  const word = fc.oneof(
    fc.constantFrom('and', 'en', 'et', 'und', 'of', 'van', 'the', 'de', 'la', 'der', 'including', 'waaronder', 'notamment', '10', 'three', 'drie', '2023', '(', ')', ',', ':', ';', '.', '…', '*', '-', '1.', 'No', 'nr.', 'n°', 'Article', 'artikel', 'Artikel', 'bis', '/', '[', ']', '!', '|', '\\', '`', '<', '>', '&amp;', '&#0;', '&#xD800;'),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );

  // Inline content: text pieces and inline markup around them.
  const piece: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...allFragments) },
    { weight: 4, arbitrary: name },
    { weight: 2, arbitrary: acronym },
    { weight: 2, arbitrary: phrase },
    { weight: 3, arbitrary: fc.constantFrom(...CITATIONS) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('Article', 'Articles', 'artikel', 'article', 'Artikel'), fc.integer({ min: 0, max: 99999 }), fc.constantFrom('', 'a', 'bis', 'ter', 'er', 'zz', '(1)', '(1)(b)'), fc.constantFrom(' of the Visa Code', ' van de Visumcode', ' of Regulation (EU) 2024/1351', ' du code des visas', ''))
      .map(([w, n, s, act]) => `${w} ${n}${s.startsWith('(') || s === '' ? s : ` ${s}`}${act}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('Regulation', 'Verordening', 'règlement', 'Directive', 'Decision', 'Richtlinie'), fc.constantFrom('', ' (EU)', ' (EC)', ' (EG)', ' (UE)', ' (CFSP)', ' (XX)'), fc.constantFrom('', ' No', ' nr.', ' n°', ' Nr.'), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999 }), fc.constantFrom('', '/EU', '/UE', '/EC'))
      .map(([t, d, m, a, b, s]) => `${t}${d}${m} ${a}/${b}${s}`) },
    { weight: 2, arbitrary: word },
    { weight: 2, arbitrary: nasty },
    { weight: 1, arbitrary: fc.nat(30).map((n) => `[^${n}]`) },
    { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES) },
  );
  const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      piece,
      fc.tuple(fc.constantFrom('*', '**', '_', '__', '~~', '`', '``'), tie('inline')).map(([m, t]) => `${m}${t}${m}`),
      fc.tuple(tie('inline'), fc.constantFrom('https://example.org/Tunesia', 'mailto:a@b', '#x', '<https://e.org/a b>', '')).map(([t, u]) => `[${t}](${u})`),
      fc.tuple(tie('inline'), fc.constantFrom('ref', 'missing', '')).map(([t, r]) => `[${t}][${r}]`),
      fc.constantFrom('<https://example.org/Turkey>', 'www.example.org/Turkey', '<code>Tunesia</code>', '<kbd>Turkey</kbd>', '<span>Turkey</span>', '<b>', '</code>', '![Turkey](x.png)', '\\*', '\\'),
      fc.array(tie('inline'), { minLength: 2, maxLength: 3 }).map((parts) => parts.join(' ')),
    ),
  })).inline;
  const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 2 }).map((lines) => lines.join('\n'));

  const leaf: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: paragraph },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
    { weight: 1, arbitrary: fc.tuple(line, fc.constantFrom('=', '-')).map(([text, u]) => `${text}\n${u.repeat(3)}`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 4 }), fc.boolean())
      .map(([columns, rows, aligned]) => {
        const row = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => (cells[i] ?? '').replace(/\n/g, ' ')).join(' | ')} |`;
        return [row(Array.from({ length: columns }, (_, i) => `H${i}`)), `|${Array.from({ length: columns }, (_, i) => aligned && i % 2 ? ':---:' : '---').join('|')}|`, ...rows.map(row)].join('\n');
      }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'yaml'), fc.array(line, { maxLength: 3 }), fc.boolean())
      .map(([fence, info, lines, closed]) => `${fence}${info}\n${lines.join('\n')}${closed ? `\n${fence}` : ''}`) },
    { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 2 }).map((lines) => lines.map((l) => `    ${l}`).join('\n')) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(30), paragraph).map(([n, text]) => `[^${n}]: ${text}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('ref', 'x'), fc.constantFrom('https://example.org', '<>', '"t"')).map(([r, u]) => `[${r}]: ${u}`) },
    { weight: 2, arbitrary: fc.constantFrom(...DIRECTIVES) },
    { weight: 1, arbitrary: fc.constantFrom('<div>\nTurkey and Tunesia\n</div>', '<!--\nTunesia\n-->', '<details><summary>Turkey</summary>', '<script>Tunesia</script>', '<?php Turkey ?>', '<![CDATA[ Turkey ]]>') },
    { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '* * *') },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(HEADERS)) },
  );

  const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
    block: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      // Quotes: "> " before every line of the inner blocks (sometimes lazily only the first).
      fc.tuple(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), fc.boolean()).map(([blocks, lazy]) => {
        const inner = blocks.join('\n\n').split('\n');
        return inner.map((l, i) => (lazy && i > 0 ? l : `> ${l}`)).join('\n');
      }),
      // Lists: bullets or numbers, items holding blocks, indented under the marker.
      fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '- [ ] ', '- [x] '), fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([marker, items, loose]) => items.map((blocks) => {
          const lines = blocks.join('\n\n').split('\n');
          return lines.map((l, i) => (i === 0 ? marker : ' '.repeat(marker.length)) + l).join('\n');
        }).join(loose ? '\n\n' : '\n')),
    ),
  })).block;

  const frontMatter = fc.oneof(
    fc.constant(''),
    fc.constantFrom(
      '---\nlang: en\n---\n', '---\nlang: nl\ntype: note\n---\n', '---\nlanguage: fr-BE\n---\n', '---\nlang: de_DE\nfrom: Vorsitz\nto: Rat\nsubject: X\n---\n',
      '---\nlang: [en\n---\n', '---\n: : :\n---\n', '---\nlang: xx\n---\n', '---\nlang: 42\n---\n', '---\n- a\n- b\n---\n',
      '---\n__proto__: { polluted: yes }\nlang: en\n---\n', '---\nconstructor: { prototype: { polluted: yes } }\n---\n',
      '---\na: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n', '---\nlang: en\n', '---\n---\n', '---\ntype: NOTE\n---\n',
      '---\nlang: en\r\n---\r\n', '+++\nlang = "en"\n+++\n',
    ),
  );
  const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', 'mixed');
  const fraction = fc.noBias(fc.integer({ min: 0, max: 10_000 })).map((n) => n / 10_000);
  const insertion = fc.tuple(fraction, fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\n\n', '> ', '- ', '|', '[^1]', '```', '<!--', '-->', '*', '\\')));

  return fc.record({
    bom: fc.noBias(fc.integer({ min: 0, max: 999 })).map((x) => x < bomShare * 1000),
    front: frontMatter,
    blocks: fc.array(block, { minLength: 0, maxLength: maxBlocks }),
    separator: fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n'),
    ending: lineEnding,
    insertions: fc.array(insertion, { maxLength: 4 }),
    // One draft in eight is cut off anywhere (in the middle of a construct, a CRLF or a surrogate pair).
    cut: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fraction }),
    trailingNewline: fc.boolean(),
  }).map(({ bom, front, blocks, separator, ending, insertions, cut, trailingNewline }) => {
    let text = front + blocks.join(separator) + (trailingNewline ? '\n' : '');
    if (ending === 'mixed') {
      let i = 0;
      text = text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
    } else if (ending !== '\n') text = text.replace(/\n/g, ending);
    for (const [at, insert] of insertions) {
      const offset = Math.floor(at * text.length);
      text = text.slice(0, offset) + insert + text.slice(offset);
    }
    if (cut !== null) text = text.slice(0, Math.floor(cut * text.length));
    return (bom ? '\uFEFF' : '') + text;
  });
}

/** Settings a draft may be checked with: auto language, a forced language, rules off or re-graded. */
export const settingsArbitrary = fc.record({
  language: fc.constantFrom(undefined, 'auto', 'en', 'nl', 'fr', 'de', 'sv', 'xx', '__proto__', 'constructor'),
  rules: fc.option(fc.dictionary(fc.constantFrom('unknown-country', 'deprecated-name', 'unknown-act', 'list-count', 'undefined-acronym', 'footnote-reference', 'note-header', 'no-such-rule'), fc.constantFrom('off', 'error', 'warning', 'information', 'hint') as fc.Arbitrary<'off' | 'error' | 'warning' | 'information' | 'hint'>), { nil: undefined }),
}, { requiredKeys: [] });
