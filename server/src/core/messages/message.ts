/**
 * A finding's message as a rule reports it: an id and its arguments, written out in the UI locale
 * only when the finding is made (render.ts). Rules stay free of wording and of the locale, and
 * an editor's per-block cache holds messages that any locale can read.
 */
import type { Messages } from './catalogues/en';

export type MessageId = keyof Messages;

/**
 * An argument, resolved in the UI locale when the message is written:
 * - a string or number: as it is (acronyms, codes, numbers, URLs);
 * - `quote`: text of the draft, or text in the draft's language (a suggestion): always quoted,
 *   with the UI locale's quotation marks;
 * - `draft`: the draft's words used as a name in the sentence ("Morocco is not one of the
 *   priority countries"): as they are when the draft is in the UI language, else quoted; text
 *   without letters ("7") is never quoted;
 * - `country`, `act`, `language`, `month`: the entity named in the UI locale, from the model's
 *   labels in that language (English, then the id, where it has none);
 * - `article`: an article number as the UI language writes inserted articles ("25a", "25 bis");
 * - `articles`: what an act's article list holds ("1–58, 25a and 51a");
 * - `factKind`: the fact kind's description in the UI locale ('' where the model has none);
 * - `list`: arguments joined as the UI language joins them ("A, B and C", "A, B or C", "A, B").
 */
export type Arg =
  | string | number
  | { quote: string }
  | { draft: string }
  | { country: string }
  | { act: string }
  | { language: string }
  | { month: number }
  | { article: string }
  | { articles: string }
  | { factKind: string }
  | { list: readonly Arg[]; join: ListJoin };

/** "and": "A, B and C"; "or": "A, B or C"; "comma": "A, B, C"; "semicolon": "A; B; C"; "slash": "A / B / C". */
export type ListJoin = 'and' | 'or' | 'comma' | 'semicolon' | 'slash';

/** The arguments of a message: numbers stay numbers (for plurals), booleans choose wording, text may be any Arg. */
export type ArgsOf<K extends MessageId> = {
  [P in keyof Parameters<Messages[K]>[0]]: Parameters<Messages[K]>[0][P] extends number ? number
    : Parameters<Messages[K]>[0][P] extends boolean ? boolean
      : Parameters<Messages[K]>[0][P] extends string ? Arg
        : Parameters<Messages[K]>[0][P] extends string | undefined ? Arg | undefined
          : Parameters<Messages[K]>[0][P];
};

export interface Message<K extends MessageId = MessageId> {
  id: K;
  args: ArgsOf<K>;
}

/** A message for a finding: `message: say('deprecated-name.replace', { found: { quote: found }, replacement: { quote: right } })`. */
export function say<K extends MessageId>(id: K, args: ArgsOf<K>): Message<K> {
  return { id, args };
}
