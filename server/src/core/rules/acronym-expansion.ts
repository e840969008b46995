import type { Rule, RuleContext } from '../rule';
import { say } from '../messages/message';
import type { Acronym } from '../../../../schemas/policy-model';
import type { AcronymUse } from '../analysis/acronyms';
import { editDistance, looseKey } from '../text/normalize';
import { sentenceStart } from '../analysis/enumerations';
import { replaceName } from '../language/grammar';

/**
 * "Full term (ACRONYM)" where the full term is not the model's for that acronym and language,
 * e.g. the EUAA spelled out with the old agency's name. Inflected forms (plurals) are accepted.
 */
export const acronymExpansion: Rule = {
  id: 'acronym-expansion',
  description: 'An acronym spelled out with an expansion that differs from the model\'s for that language, e.g. the agency\'s old name.',
  defaultSeverity: 'warning',
  fixes: {
    // Safe when the old name stands uninflected and the article fits the new one.
    'replace-expansion': { title: (c) => say('fix.write-expansion', { expansion: { quote: c.new } }), safety: 'grammar' },
  },
  check(context) {
    const forms = context.analysis.model.acronymsByForm(context.language.code);
    for (const use of context.analysis.acronymUses) {
      if (use.definition !== 'after-expansion' || use.parenthesisStart === undefined) continue;
      const acronyms = forms.get(use.acronym);
      if (acronyms?.length) checkExpansion(context, use, acronyms);
    }
  },
};

function checkExpansion({ analysis, language, report }: RuleContext, use: AcronymUse, acronyms: Acronym[]): void {
  const accepted = acronyms.flatMap((a) => a.expansions[language.code] ?? []);
  const deprecated = acronyms.flatMap((a) => a.deprecatedExpansions?.[language.code] ?? []);
  // The expansion stands in the same sentence, right before the parenthesis.
  const before = analysis.prose.slice(Math.max(sentenceStart(analysis.prose, use.parenthesisStart!), use.parenthesisStart! - 300), use.parenthesisStart!);

  for (const old of deprecated) {
    const span = trailingPhrase(before, old.name);
    if (!span || !nearlyEqual(span.text, old.name)) continue;
    const start = use.parenthesisStart! - before.length + span.offset;
    const end = start + span.text.trimEnd().length;
    report({ start, end, message: say('acronym-expansion.old-name', { found: { quote: span.text.trim() }, acronym: use.acronym, replacement: { quote: old.replacement } }), suggestions: [old.replacement], fixes: [expansionFix(analysis.language, analysis.prose, start, end, span.text.trim() === old.name, old.replacement)] });
    return;
  }
  if (accepted.length === 0 || accepted.some((expansion) => { const span = trailingPhrase(before, expansion); return span !== undefined && nearlyEqual(span.text, expansion); })) return;
  const longest = Math.max(...accepted.map(wordCount));
  const shown = trailingWords(before, longest);
  report({
    start: use.start,
    end: use.end,
    message: say('acronym-expansion.other', { acronym: use.acronym, expansion: { quote: accepted[0] }, found: shown ? { quote: shown } : undefined }),
    suggestions: [accepted[0]],
  });
}

function expansionFix(language: RuleContext['language'], prose: string, start: number, end: number, uninflected: boolean, replacement: string) {
  const fitted = replaceName(language, prose, start, end, replacement, { bodyName: true });
  return { kind: 'replace-expansion', edits: fitted.edits, safe: uninflected && fitted.safe };
}

function wordCount(text: string): number { return text.trim().split(/\s+/).length; }

/** The last words of `before` as many as the phrase has, with their offset (ignoring the space before the parenthesis). */
function trailingPhrase(before: string, phrase: string): { text: string; offset: number } | undefined {
  const words = [...before.matchAll(/\S+/g)];
  const count = wordCount(phrase);
  if (words.length < count) return undefined;
  const first = words[words.length - count];
  return { text: before.slice(first.index!), offset: first.index! };
}

function trailingWords(before: string, count: number): string {
  return trailingPhrase(before, Array(count).fill('w').join(' '))?.text.trim() ?? '';
}

/** Same phrase up to inflection and typography: "Team Europa-initiatieven" ≈ "Team Europa-initiatief". */
function nearlyEqual(found: string, expected: string): boolean {
  const a = looseKey(found.trim());
  const b = looseKey(expected);
  return a === b || editDistance(a, b, 4) <= Math.min(4, Math.floor(b.length * 0.15));
}
