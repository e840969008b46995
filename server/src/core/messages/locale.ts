/**
 * The UI locale: the language of messages. Chosen by the caller (CLI `--locale`, the
 * environment's LC_ALL / LC_MESSAGES / LANG, the editor's display language or the
 * councilNotes.locale setting); a locale without a catalogue gets English.
 */

/** Locales with a message catalogue (./catalogues), English first: the fallback. */
export const MESSAGE_LOCALES = ['en', 'de', 'es', 'fr', 'it', 'nl'] as const;
export type MessageLocale = typeof MESSAGE_LOCALES[number];

/**
 * The language of a locale name, or undefined if it names none: "nl_NL.UTF-8", "nl-BE",
 * "de_DE@euro", "FR" → nl, nl, de, fr; "C", "POSIX" and "" name no language.
 */
export function languageOfLocale(name: string | undefined): string | undefined {
  const language = /^([A-Za-z]{2,3})(?:$|[-_.@])/.exec(name?.trim() ?? '')?.[1].toLowerCase();
  return language === undefined || language === 'c' ? undefined : language;
}

/** Whether a locale name asks for a language that has a message catalogue ("nl_BE.UTF-8": yes; "es": no). */
export function hasCatalogue(name: string): boolean {
  return (MESSAGE_LOCALES as readonly string[]).includes(languageOfLocale(name) ?? '');
}

/** The message locale for a locale name: its language if it has a catalogue, else English. */
export function messageLocale(name: string | undefined): MessageLocale {
  return name !== undefined && hasCatalogue(name) ? languageOfLocale(name) as MessageLocale : 'en';
}

/**
 * The locale the environment asks for, in POSIX order: LC_ALL, then LC_MESSAGES, then LANG
 * (the first that is set and not empty wins, even "C"). LANGUAGE (GNU's list of preferences) is
 * not read: it only matters where LANG is set to a language already.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value;
  }
  return undefined;
}
