/**
 * A draft read for the editor features (completion, hover, navigation): parsed, its language
 * chosen exactly as a check chooses it, and its analysis. No rule runs here.
 */
import type { LanguageData } from '../../../../schemas/language';
import { checkDraft, type CheckSettings, type LanguageSource, type RuleSetting } from '../check';
import { DraftAnalysis } from '../analysis/draft-analysis';
import { readDraft, type ParsedDraft } from '../markdown/parse';
import type { LanguageRegistry } from '../language/registry';
import type { PolicyIndex } from '../model/policy-index';
import { RULES } from '../rules/index';
import type { BlockCache } from '../analysis/block-cache';

export interface DraftView {
  draft: ParsedDraft;
  language: LanguageData;
  languageSource: LanguageSource;
  analysis: DraftAnalysis;
}

const ALL_RULES_OFF: Record<string, RuleSetting> = Object.fromEntries(RULES.map((rule) => [rule.id, 'off' as const]));

export function analyseDraft(text: string, model: PolicyIndex, languages: LanguageRegistry, settings: CheckSettings = {}, draft: ParsedDraft = readDraft(text), blockCache?: BlockCache): DraftView {
  // With every rule off a check only chooses the language: the same choice the rules see.
  const { language: code, languageSource } = checkDraft({ text, draft, model, languages, settings: { language: settings.language, rules: ALL_RULES_OFF } });
  const language = languages.get(code) ?? languages.get('en')!;
  return { draft, language, languageSource, analysis: new DraftAnalysis(draft, language, languages, model, blockCache) };
}
