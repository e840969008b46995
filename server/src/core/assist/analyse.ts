/**
 * A draft read for the editor features (completion, hover, navigation): parsed, its language
 * chosen exactly as a check chooses it (with where the choice came from), and analysed. No rule
 * runs here.
 */
import { chooseLanguage, type CheckSettings } from '../check';
import { DraftAnalysis } from '../analysis/draft-analysis';
import { readDraft, type ParsedDraft } from '../markdown/parse';
import type { LanguageRegistry } from '../language/registry';
import type { PolicyIndex } from '../model/policy-index';
import type { BlockCache } from '../analysis/block-cache';

export function analyseDraft(text: string, model: PolicyIndex, languages: LanguageRegistry, settings: CheckSettings = {}, draft: ParsedDraft = readDraft(text), blockCache?: BlockCache): DraftAnalysis {
  // The language a check would choose: the same choice the rules see.
  const { code, source: languageSource } = chooseLanguage(draft, languages, { language: settings.language });
  const language = languages.get(code) ?? languages.get('en')!;
  return new DraftAnalysis(draft, language, languages, model, blockCache, languageSource);
}
