import type { Rule, RuleContext } from '../rule';
import { say } from '../messages/message';
import { groupMemberAdditions } from '../assist/model-addition';
import type { Group, Instrument } from '../../../../schemas/policy-model';
import type { Label } from '../model/policy-index';
import { inclusionMarkerIn, readColonList, readCountryList, readParenthesisedList, type Enumeration } from '../analysis/enumerations';
import { countryName } from '../analysis/names';
import { escapeRegExp } from '../text/regex';
import { nameWithArticle } from '../language/grammar';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { LanguageData } from '../../../../schemas/language';

/** How far after a group's name its list may start ("priority countries of origin and transit (…)"). */
const LIST_WINDOW = 120;
/** How far after an instrument's name, in its sentence, the relation word may come ("an action plan has also been drawn up for …"). */
const RELATION_WINDOW = 60;
const SENTENCE_END = /[.!?](?:\s|$)|\u0001|\n\s*\n/;

/**
 * Countries the text links to a group or instrument that the model does not link them to:
 * a list introduced by a group's name ("10 priority countries (…)", "key partners, including …"),
 * or an instrument tied to countries by a relation word, at once or a few words later in the
 * same sentence ("the talent partnership with Nigeria", "an action plan has also been drawn up
 * for Senegal": a sentence that adds a country to the instrument's countries).
 */
export const groupMembership: Rule = {
  id: 'group-membership',
  description: 'A country the text links to a group or instrument that the model does not link it to.',
  defaultSeverity: 'error',
  fixes: {
    // A member of the group instead: another country, so another fact.
    suggestion: { title: (c) => say('fix.replace-with', { new: { quote: c.new } }), safety: 'unsafe', fromSuggestions: true },
  },
  // The country as a member of the group, or linked to the instrument (the drafter says the text is right).
  modelAddition: { sections: ['groups', 'instruments'], additions: groupMemberAdditions },
  scope: 'block',
  check(context) {
    const { analysis } = context;
    // Groups and instruments named so far in the block (a block rule reads no other block), by id,
    // with the lower-cased names used; entities and blocks come in text order.
    const named = new Map<string, Set<string>>();
    const { blocks } = analysis.draft;
    let block = 0;
    for (const match of analysis.entities) {
      const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'group' || l.kind === 'instrument');
      if (!label) continue;
      if (block < blocks.length && match.start >= blocks[block].end) {
        while (block < blocks.length && match.start >= blocks[block].end) block++;
        named.clear();
      }
      const before = new Map(named.get(label.id) ? [[label.id, new Set(named.get(label.id))]] : []);
      named.set(label.id, (named.get(label.id) ?? new Set()).add(label.text.toLowerCase()));
      if (label.kind === 'group') {
        const group = analysis.model.groups.get(label.id);
        const list = group && listAfter(context, match.end);
        if (group && list) checkGroupList(context, group, list, analysis.prose.slice(match.start, match.end));
      } else {
        const instrument = analysis.model.instruments.get(label.id);
        if (instrument && !isGenericMention(context, instrument, label, (id) => (id === label.id ? before.get(id) : named.get(id)))) checkInstrumentLink(context, instrument, label, match.end);
      }
    }
  },
};

/** The list that a group's name introduces, in the same sentence: "(…)", ": …" or "including …". */
function listAfter({ analysis }: RuleContext, from: number): Enumeration | undefined {
  const window = analysis.prose.slice(from, from + LIST_WINDOW);
  const stop = window.search(/[.!?](?:\s|$)|\u0001|\n\s*\n/);
  const scope = stop >= 0 ? window.slice(0, stop) : window;
  const open = scope.search(/[(:]/);
  const markers = analysis.language.inclusionMarkers ?? [];
  for (const marker of markers) {
    const at = scope.toLowerCase().search(new RegExp(`(?<![\\p{L}])${escapeRegExp(marker.toLowerCase())}(?![\\p{L}])`, 'u'));
    if (at >= 0 && (open < 0 || at < open)) return readCountryList(analysis, from + at + marker.length);
  }
  if (open < 0) return undefined;
  return scope[open] === '(' ? readParenthesisedList(analysis, from + open) : readColonList(analysis, from + open);
}

function checkGroupList({ analysis, language, report }: RuleContext, group: Group, list: Enumeration, groupText: string): void {
  const members = new Set(group.members);
  const countries = list.items.filter((item) => item.countryId);
  const outsiders = countries.filter((item) => !members.has(item.countryId!));
  if (outsiders.length === 0) return;
  const listed = new Set(countries.map((item) => item.countryId));
  const exhaustive = !inclusionMarkerIn(analysis, analysis.prose.slice(list.start, list.end)) && countries.length === list.items.length;
  const missing = exhaustive && countries.length === members.size ? group.members.filter((id) => !listed.has(id)) : [];
  for (const item of outsiders) {
    report({
      start: item.start,
      end: item.end,
      message: say('group-membership.not-member', {
        item: { draft: item.text }, group: { draft: groupText }, incomplete: group.complete === false,
        missing: missing.length > 0 ? { list: missing.map((id) => ({ country: id })), join: 'comma' } : undefined, missingCount: missing.length,
      }),
      suggestions: missing.length === 1 ? [replacementFor(analysis, language, item, missing[0])] : undefined,
    });
  }
}

/** The missing member's name written as the replaced item is: with its article where the item has one ("le Sénégal" -> "l'Égypte"). */
function replacementFor(analysis: DraftAnalysis, language: LanguageData, item: Enumeration['items'][number], missingId: string): string {
  const name = countryName(analysis.model, missingId, language.code);
  const itemName = countryName(analysis.model, item.countryId!, language.code);
  const itemWithArticle = nameWithArticle(language, itemName);
  const apostrophe = /’/.test(item.text) ? '’' : "'";
  return itemWithArticle !== itemName && itemWithArticle.toLowerCase() === item.text.toLowerCase() ? nameWithArticle(language, name, apostrophe) : name;
}

/**
 * "an action plan" is the EU's action plan for a priority country only in a paragraph that has
 * named the action plans or their group before; elsewhere ("an action plan for the energy grid of …")
 * it is any action plan. So a secondary name (not the language's first) of an instrument that is
 * defined by its groups links countries only after such a mention.
 */
function isGenericMention({ language }: RuleContext, instrument: Instrument, label: Label, namedBefore: (id: string) => Set<string> | undefined): boolean {
  if (!instrument.groups?.length) return false;
  const text = label.text.toLowerCase();
  const first = instrument.names?.[language.code]?.[0];
  if (first === undefined || first.toLowerCase() === text) return false;
  const otherName = (id: string) => [...(namedBefore(id) ?? [])].some((name) => name !== text);
  return !otherName(instrument.id) && !instrument.groups.some((id) => (namedBefore(id)?.size ?? 0) > 0);
}

/**
 * "the talent partnership with Nigeria", "an action plan has also been drawn up for Senegal":
 * countries tied to an instrument by the first relation word after it in its sentence.
 */
function checkInstrumentLink({ analysis, language, report }: RuleContext, instrument: Instrument, label: Label, end: number): void {
  const covered = analysis.model.instrumentCountries(instrument);
  if (covered.size === 0) return;
  const words = (language.relationWords ?? []).map(escapeRegExp).join('|');
  if (!words) return;
  const window = analysis.prose.slice(end, end + RELATION_WINDOW);
  const stop = window.search(SENTENCE_END);
  const scope = stop >= 0 ? window.slice(0, stop) : window;
  // Only the first relation word: in "an action plan for the energy grid, agreed with Ukraine" the plan is not Ukraine's.
  const relation = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})\\s+`, 'iu').exec(scope);
  if (!relation) return;
  const list = readCountryList(analysis, end + relation.index + relation[0].length);
  for (const item of list?.items ?? []) {
    if (covered.has(item.countryId!)) continue;
    const known = { list: [...covered].map((id) => ({ country: id })), join: 'comma' as const };
    report({ start: item.start, end: item.end, message: say('group-membership.not-linked', { item: { draft: item.text }, instrument: { draft: label.text }, covered: known }) });
  }
}
