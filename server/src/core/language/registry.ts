/**
 * The language data files (languages/<code>.json), validated and indexed. The core never reads
 * files itself: callers hand it the file texts, so the same code runs in the CLI, the server
 * and tests.
 */
import type { LanguageData } from '../../../../schemas/language';
import { languageSchemas } from '../model/lazy-schemas';
import type { LanguageCode } from '../../../../schemas/policy-model';

export class LanguageRegistry {
  private readonly byCode = new Map<string, LanguageData>();
  private readonly stopwordLanguages = new Map<string, LanguageCode[]>();

  constructor(languages: readonly LanguageData[]) {
    for (const language of languages) {
      this.byCode.set(language.code, language);
      for (const word of language.detection.stopwords) {
        const key = word.toLowerCase();
        const list = this.stopwordLanguages.get(key) ?? [];
        list.push(language.code);
        this.stopwordLanguages.set(key, list);
      }
    }
  }

  /** Parses language files; throws with the file name and the first problem if one is invalid. */
  static fromTexts(files: readonly { file: string; text: string }[]): LanguageRegistry {
    const languages = files.map(({ file, text }) => {
      const parsed = languageSchemas().languageDataSchema.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return parsed.data;
    });
    return new LanguageRegistry(languages);
  }

  get(code: string): LanguageData | undefined { return this.byCode.get(code); }
  get codes(): string[] { return [...this.byCode.keys()].sort(); }
  get all(): LanguageData[] { return [...this.byCode.values()]; }

  /** Languages whose stopword list contains the (lower-cased) word. */
  languagesOfStopword(word: string): readonly LanguageCode[] { return this.stopwordLanguages.get(word) ?? []; }
}
