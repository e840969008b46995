/**
 * Whether a replacement fits where it lands, and the form that does: the article before a name
 * (French elision and contraction, German case, Dutch de/het, English "the"), the case of a name
 * in languages that decline names, the case of an acronym's expansion, number words. The data is
 * in languages/<code>.json "grammar" (schemas/language.ts). Every answer says whether it is safe:
 * where the data does not settle the form, the replacement is offered as a suggestion only.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { Replacement } from '../findings';
import { escapeRegExp } from '../text/regex';

type Grammar = NonNullable<LanguageData['grammar']>;
type Determiner = NonNullable<Grammar['determiners']>[number];
type NameGrammar = NonNullable<Grammar['names']>[string];
type Case = NonNullable<Determiner['case']>;

/** A replacement with the edits that make it fit, and whether they can be applied unseen. */
export interface GrammaticalReplacement { edits: Replacement[]; safe: boolean }

interface Features { article: boolean; gender?: string; plural: boolean; vowel?: boolean; entry?: NameGrammar }

/** A determiner written right before a name: its entries in the data (a form may be several), its span, its letters. */
interface FoundDeterminer { entries: Determiner[]; start: number; end: number; written: string; apostrophe: string }

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const isUpperFirst = (text: string) => { const c = text.charAt(0); return c !== c.toLowerCase() && c === c.toUpperCase(); };

/** Whether the language declines names (its grammar data lists case endings). */
export function declinesNames(language: LanguageData): boolean { return !!language.grammar?.cases; }

function nameEntry(grammar: Grammar, name: string): NameGrammar | undefined {
  const names = grammar.names ?? {};
  return names[name] ?? names[name.replace(/’/g, "'")] ?? Object.entries(names).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** Whether a name starts with a vowel sound for elision; undefined where an h leaves it open. */
function vowelInitial(grammar: Grammar, name: string): boolean | undefined {
  const elision = grammar.elision;
  if (!elision) return false;
  const first = name.charAt(0).toLowerCase();
  if (first === 'h') {
    const word = name.split(/[\s-]/)[0];
    if (elision.hMuet?.some((w) => w.toLowerCase() === word.toLowerCase())) return true;
    if (elision.hAspire?.some((w) => w.toLowerCase() === word.toLowerCase())) return false;
    return undefined;
  }
  return elision.vowels.includes(first);
}

function features(grammar: Grammar, name: string, bodyName = false): Features | undefined {
  const entry = nameEntry(grammar, name);
  // Names of bodies take the article wherever the language has one (the Council, le Conseil, der Rat).
  const article = entry?.article ?? (bodyName && grammar.determiners?.length ? true : grammar.articlePrefixes?.some((prefix) => name.startsWith(`${prefix} `)) ? true : grammar.namesTakeArticle);
  if (article === undefined) return undefined;
  return { article, gender: entry?.gender, plural: entry?.plural ?? false, vowel: vowelInitial(grammar, name), entry };
}

/** The determiner right before `at` (longest form first), if the data has it. */
function determinerBefore(grammar: Grammar, prose: string, at: number): FoundDeterminer | undefined {
  const before = prose.slice(Math.max(0, at - 20), at);
  const forms = [...new Set((grammar.determiners ?? []).map((d) => d.form))].sort((a, b) => b.length - a.length);
  for (const form of forms) {
    const elided = form.endsWith("'");
    const body = escapeRegExp(elided ? form.slice(0, -1) : form).replace(/ /g, '\\s+');
    const pattern = new RegExp(`(?<![\\p{L}])(${body})${elided ? "(['’])" : '[ \\u00a0]+'}$`, 'iu');
    const found = pattern.exec(before);
    if (!found) continue;
    const start = at - before.length + found.index;
    const normal = form;
    return { entries: grammar.determiners!.filter((d) => d.form === normal), start, end: at, written: found[1], apostrophe: found[2] ?? '' };
  }
  return undefined;
}

function genderFits(d: Determiner, f: Features): boolean {
  if (d.plural || f.plural) return !!d.plural === f.plural;
  return !d.gender || !f.gender || d.gender === f.gender || (d.gender === 'c' && f.gender !== 'n');
}

/** Entries of a found determiner that agree with the name after it. */
function agreeing(found: FoundDeterminer, old: Features, grammar: Grammar, prose: string): Determiner[] {
  let entries = found.entries.filter((d) => (d.article ?? true) === old.article && genderFits(d, old) && (!d.gender || !!old.gender || d.plural));
  // "mit der …": a preposition before the article tells dative from genitive.
  const cases = prepositionBefore(grammar, prose, found.start);
  if (cases && entries.some((d) => d.case)) {
    const narrowed = entries.filter((d) => !d.case || cases.includes(d.case));
    if (narrowed.length > 0) entries = narrowed;
  }
  return entries;
}

function prepositionBefore(grammar: Grammar, prose: string, at: number): Case[] | undefined {
  const word = lastWord(prose.slice(Math.max(0, at - 20), at));
  return word ? grammar.prepositionCases?.[word] : undefined;
}

/** The word that ends `text` before its trailing spaces, in lower case ("" when it does not end in spaces after a word). */
function lastWord(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.length === text.length) return '';
  const words = trimmed.split(/[^\p{L}]/u);
  return words[words.length - 1].toLowerCase();
}

/** The determiner for `name` that plays the role `role` played (same preposition and case); '' for none; undefined when unknown. */
function determinerFor(grammar: Grammar, role: Determiner, name: Features): string | undefined {
  const prep = role.prep ?? '';
  const all = (grammar.determiners ?? []).filter((d) => (d.prep ?? '') === prep && (!role.case || d.case === role.case));
  if (!name.article && prep === '') return '';
  const pool = all.filter((d) => (d.article ?? true) === name.article);
  if (name.plural) return pool.find((d) => d.plural)?.form;
  const elidable = pool.some((d) => d.elided);
  if (elidable && name.vowel === undefined) return undefined;
  if (elidable && name.vowel) return pool.find((d) => d.elided && !d.plural)?.form;
  const plain = pool.filter((d) => !d.elided && !d.plural);
  if (!name.article) return plain[0]?.form;
  if (!name.gender) return plain.length === 1 && !plain[0].gender ? plain[0].form : undefined;
  return plain.find((d) => d.gender === name.gender || (d.gender === 'c' && name.gender !== 'n'))?.form ?? plain.find((d) => !d.gender)?.form;
}

/** A name in a case: its declined form where the data gives it, the genitive without an article ("Nordmazedoniens"). */
function nameInCase(grammar: Grammar, name: string, f: Features, role: Determiner | undefined): string | undefined {
  if (role?.case === 'gen' && !f.article) {
    if (f.entry?.genitive) return f.entry.genitive;
    return f.gender === 'n' && !/[sßxz]$/.test(name) ? `${name}s` : undefined;
  }
  // "des Irak" needs "des Iraks": only where the data gives the genitive.
  if (role?.case === 'gen' && (f.gender === 'm' || f.gender === 'n')) return f.entry?.genitive;
  return name;
}

const join = (determiner: string, name: string, apostrophe: string) => !determiner ? name : determiner.endsWith("'") ? `${determiner.slice(0, -1)}${apostrophe || "'"}${name}` : `${determiner} ${name}`;

/**
 * Replaces the name at [start, end) of `prose` with `replacement`, with the article before it
 * made to agree ("L'ancienne République yougoslave de Macédoine" → "La Macédoine du Nord",
 * "die ehemalige jugoslawische Republik Mazedonien" → "Nordmazedonien"), or in declining
 * languages with the replacement in the case of the name it replaces.
 */
export function replaceName(language: LanguageData, prose: string, start: number, end: number, replacement: string, options: { bodyName?: boolean } = {}): GrammaticalReplacement {
  const plain = (safe: boolean): GrammaticalReplacement => ({ edits: [{ start, end, newText: replacement }], safe });
  const grammar = language.grammar;
  const found = prose.slice(start, end);
  if (!grammar) return plain(false);
  if (grammar.cases) return replaceDeclined(grammar, found, replacement, start, end);
  const old = features(grammar, found, options.bodyName);
  const neu = features(grammar, replacement, options.bodyName);
  if (!old || !neu) return plain(false);
  const determiner = determinerBefore(grammar, prose, start);
  const same = old.article === neu.article && old.plural === neu.plural && (!old.article || (old.gender === neu.gender && !!old.gender === !!neu.gender) || !needsGender(grammar))
    && (!grammar.elision || (old.vowel !== undefined && old.vowel === neu.vowel));
  const capital = (text: string) => (isUpperFirst(found) && !isUpperFirst(text) ? upperFirst(text) : text);
  if (!determiner) return { edits: [{ start, end, newText: capital(replacement) }], safe: same && !(old.article && needsGender(grammar) && !old.gender) };
  const roles = agreeing(determiner, old, grammar, prose);
  const outcomes = new Set<string>();
  for (const role of roles) {
    const article = determinerFor(grammar, role, neu);
    const name = nameInCase(grammar, replacement, neu, role);
    if (article === undefined || name === undefined) { outcomes.add('\u0000'); continue; }
    outcomes.add(join(article, name, determiner.apostrophe));
  }
  const [result] = outcomes;
  if (roles.length === 0 || result === undefined || result === '\u0000') return plain(false);
  const written = isUpperFirst(determiner.written) ? upperFirst(result) : result;
  return { edits: [{ start: determiner.start, end, newText: written }], safe: outcomes.size === 1 };
}

function needsGender(grammar: Grammar): boolean { return (grammar.determiners ?? []).some((d) => d.gender); }

/** Declining languages: the replacement's form in the case(s) the found form is in. */
function replaceDeclined(grammar: Grammar, found: string, replacement: string, start: number, end: number): GrammaticalReplacement {
  const old = nameEntry(grammar, found);
  const neu = nameEntry(grammar, replacement);
  const oldCases = old?.indeclinable ? undefined : Object.entries(old?.forms ?? {}).filter(([, form]) => form.toLowerCase() === found.toLowerCase()).map(([c]) => c as Case);
  if (!old || !neu || (oldCases && oldCases.length === 0)) return { edits: [{ start, end, newText: replacement }], safe: false };
  const forms = new Set<string>();
  for (const c of oldCases ?? ['nom' as Case]) {
    const form = neu.indeclinable ? replacement : neu.forms?.[c];
    forms.add(form ?? '\u0000');
  }
  const [form] = forms;
  if (forms.size !== 1 || form === '\u0000') return { edits: [{ start, end, newText: replacement }], safe: false };
  // An indeclinable old name says nothing about the case: the new one must be indeclinable too.
  return { edits: [{ start, end, newText: form }], safe: !old.indeclinable || !!neu.indeclinable };
}

/**
 * A misspelling corrected to the same word form: in a language that declines names, only when
 * the ending is untouched ("Tunezją" is Tunezja in the instrumental, not a misspelling of it).
 * Without grammar data it is not known, so not safe.
 */
export function sameWordForm(language: LanguageData, found: string, suggestion: string): boolean {
  const grammar = language.grammar;
  if (!grammar) return false;
  if (changesAnEnding(language, found, suggestion)) return false;
  if (!grammar.cases) return true;
  const lower = suggestion.toLowerCase();
  const ending = Math.max(1, ...grammar.cases.endings.filter((e) => lower.endsWith(e.toLowerCase())).map((e) => e.length));
  return found.slice(-ending).toLowerCase() === lower.slice(-ending) && found.length > ending;
}

/** The language's endings: case endings, adjective endings and the endings terms take. */
function endingsOf(language: LanguageData): Set<string> {
  const grammar = language.grammar;
  const adjective = Object.values(grammar?.adjectiveEndings ?? {}).flatMap((byGender) => Object.values(byGender).flatMap((byCase) => Object.values(byCase)));
  return new Set(['', ...(grammar?.cases?.endings ?? []), ...adjective, ...(language.inflectionSuffixes ?? [])].map((e) => (e ?? '').toLowerCase()));
}

/**
 * A word of the phrase that differs from the suggestion's only in its ending: de "Europäischen
 * Union" for "Europäische Union", en "Action Plan" for "action plans". That is another form of
 * the same word (case, number), not a misspelling, and "correcting" it breaks the sentence.
 */
function changesAnEnding(language: LanguageData, found: string, suggestion: string): boolean {
  const a = found.toLowerCase().split(/\s+/);
  const b = suggestion.toLowerCase().split(/\s+/);
  if (a.length !== b.length) return false;
  const endings = endingsOf(language);
  return a.some((word, i) => {
    const other = b[i];
    if (word === other) return false;
    let common = 0;
    while (common < word.length && common < other.length && word[common] === other[common]) common++;
    return common >= 3 && endings.has(word.slice(common)) && endings.has(other.slice(common));
  });
}

/**
 * "EUAA" at its first use → "<expansion> (EUAA)", in the case the sentence needs: after
 * "des" in German the genitive ("des Europäischen Auswärtigen Dienstes (EAD)"). Safe where the
 * article before the acronym settles the form; in declining languages, and where the data
 * leaves it open, a suggestion.
 */
export function expandAcronym(language: LanguageData, prose: string, start: number, end: number, expansion: string, acronym: string): GrammaticalReplacement {
  const grammar = language.grammar;
  const offer = (text: string, safe: boolean): GrammaticalReplacement => ({ edits: [{ start, end, newText: `${text} (${acronym})` }], safe });
  if (!grammar || grammar.cases) return offer(expansion, false);
  const determiner = determinerBefore(grammar, prose, start);
  if (grammar.adjectiveEndings) {
    if (!determiner) return offer(expansion, false);
    const declined = new Set(determiner.entries.filter((d) => d.case).map((d) => declineGerman(grammar, expansion, d)));
    declined.delete(undefined);
    const [form] = declined;
    return declined.size === 1 && form ? offer(form, true) : offer(expansion, false);
  }
  // "a"/"an" depend on the sound that follows: a different first word may need the other.
  if (!determiner) return offer(expansion, !['a', 'an'].includes(lastWord(prose.slice(Math.max(0, start - 10), start))));
  // An elided article needs a vowel after it, a full one a consonant (l'Agence, le Service).
  const elided = determiner.written.endsWith("'") || determiner.apostrophe !== '';
  const vowel = vowelInitial(grammar, expansion);
  if (grammar.elision && determiner.entries.some((d) => d.elided !== undefined || d.gender)) {
    if (vowel === undefined) return offer(expansion, false);
    const elidedForm = determiner.entries.some((d) => d.elided) || elided;
    if (elidedForm !== vowel && determiner.entries.every((d) => !d.plural)) return offer(expansion, false);
  }
  return offer(expansion, true);
}

/**
 * A German noun phrase from its dictionary form (strong adjectives, nominative:
 * "Europäischer Auswärtiger Dienst") to the form after a definite article in the determiner's
 * case and gender ("Europäischen Auswärtigen Dienstes" after "des"). Undefined when the words
 * do not show their gender or the gender does not agree with the article.
 */
function declineGerman(grammar: Grammar, phrase: string, role: Determiner): string | undefined {
  const endings = grammar.adjectiveEndings!;
  const words = phrase.split(' ');
  let gender = nameEntry(grammar, phrase)?.gender;
  const adjectives: string[] = [];
  let i = 0;
  for (; i < words.length - 1; i++) {
    const m = /^(\p{L}+?)(er|es|e)$/u.exec(words[i]);
    if (!m || !isUpperFirst(words[i + 1]) || !/(?:isch|lich|ig|al|är|ell|iv|an|ig|en|ert|ischer|alen)$/u.test(m[1])) break;
    const g = m[2] === 'er' ? 'm' : m[2] === 'es' ? 'n' : 'f';
    if (gender && gender !== g) return undefined;
    gender = g;
    adjectives.push(m[1]);
  }
  const head = words[i];
  if (!gender) gender = /(?:ung|heit|keit|schaft|ion|tät|ur|ei|ik)$/u.test(head) ? 'f' : undefined;
  if (!gender || !role.case || (role.gender && role.gender !== gender) || role.plural) return undefined;
  const weak = endings.weak[gender]?.[role.case];
  if (weak === undefined) return undefined;
  let noun = head;
  if (role.case === 'gen' && gender !== 'f') noun = /(?:s|ß|x|z|sch)$/.test(head) ? `${head}es` : syllables(head) === 1 ? `${head}es` : `${head}s`;
  if (role.case === 'gen' && gender !== 'f' && /ss$/.test(head)) noun = `${head}es`;
  return [...adjectives.map((stem) => stem + weak), noun, ...words.slice(i + 1)].join(' ');
}

function syllables(word: string): number { return (word.toLowerCase().match(/[aeiouäöüy]+/g) ?? []).length; }

/**
 * The number word for `value` in the form the draft wrote `written` in ("three" → "two";
 * pl "trzech" → "dwóch"), keeping its capital; digits where the language has no such word.
 */
export function countWord(language: LanguageData, written: string, value: number): string {
  if (/^\d+$/.test(written)) return String(value);
  const lower = written.toLowerCase();
  // The forms the written word may be in ("trzy": masculine or feminine); one answer for all, or digits.
  const sets = (language.grammar?.numberForms ?? []).filter((forms) => Object.values(forms).some((w) => w.toLowerCase() === lower));
  const candidates = new Set(sets.length > 0
    ? sets.map((forms) => forms[String(value)])
    : Object.entries(language.numberWords).filter(([, v]) => v === value).map(([w]) => w));
  const [word] = candidates;
  if (candidates.size !== 1 || !word) return String(value);
  return isUpperFirst(written) ? upperFirst(word) : word;
}

/** A name as it stands in a list whose items carry articles ("la Serbie"); the bare name where the data does not say. */
export function nameWithArticle(language: LanguageData, name: string, apostrophe = "'"): string {
  const grammar = language.grammar;
  const f = grammar && features(grammar, name);
  if (!grammar || !f || !f.article) return name;
  const bare = (grammar.determiners ?? []).find((d) => !d.prep && (d.article ?? true) && !d.case) ?? (grammar.determiners ?? []).find((d) => !d.prep && d.case === 'nom');
  if (!bare) return name;
  const article = determinerFor(grammar, bare, f);
  return article ? join(article, name, apostrophe) : name;
}
