/**
 * A draft read for the editor features (completion, hover, navigation): parsed, its language
 * chosen exactly as a check chooses it, and its analysis. No rule runs here.
 */
import type { LanguageData } from '../../../../schemas/language';
import { chooseLanguage, type CheckSettings, type LanguageSource } from '../check';
import { DraftAnalysis } from '../analysis/draft-analysis';
import { readDraft, type ParsedDraft } from '../markdown/parse';
import type { LanguageRegistry } from '../language/registry';
import type { PolicyIndex } from '../model/policy-index';
import type { BlockCache } from '../analysis/block-cache';

export interface DraftView {
  draft: ParsedDraft;
  language: LanguageData;
  languageSource: LanguageSource;
  analysis: DraftAnalysis;
}

export function analyseDraft(text: string, model: PolicyIndex, languages: LanguageRegistry, settings: CheckSettings = {}, draft: ParsedDraft = readDraft(text), blockCache?: BlockCache): DraftView {
  // The language a check would choose: the same choice the rules see.
  const { code, source: languageSource } = chooseLanguage(draft, languages, { language: settings.language });
  const language = languages.get(code) ?? languages.get('en')!;
  return { draft, language, languageSource, analysis: new DraftAnalysis(draft, language, languages, model, blockCache) };
}
