/**
 * Writing a rule's message in the UI locale: the catalogue's text for the message id, with each
 * argument resolved (draft words quoted, model entities named in the UI locale). A locale
 * without the message gets the English message, arguments and all: a message is in one language.
 */
import { LANGUAGE_NAMES_EN } from '../../../../schemas/model-names';
import type { LanguageCode } from '../../../../schemas/policy-model';
import type { LanguageData } from '../../../../schemas/language';
import type { PolicyIndex } from '../model/policy-index';
import { articleParts, formatAct, formatArticleId } from '../analysis/acts';
import type { Arg, ListJoin, Message } from './message';
import type { MessageLocale } from './locale';
import type { Conventions, Tools } from './catalogues/tools';
import * as en from './catalogues/en';
import * as de from './catalogues/de';
import * as es from './catalogues/es';
import * as fr from './catalogues/fr';
import * as it from './catalogues/it';
import * as nl from './catalogues/nl';

type Catalogue = { conventions: Conventions; messages: Partial<en.Messages> };
export const CATALOGUES: Record<MessageLocale, Catalogue> = { en, de, es, fr, it, nl };

export interface MessageContext {
  locale: MessageLocale;
  /** The draft's language: its words are quoted in a message of another language. */
  draftLanguage: string;
  /** The UI language's data (how it writes articles and acts), where loaded. */
  uiLanguage?: LanguageData;
  /** The policy model, for names of its entities (their ids without it). */
  model?: PolicyIndex;
}

type Template = (args: Record<string, unknown>, tools: Tools) => string;

export function renderMessage(message: string | Message, context: MessageContext): string {
  if (typeof message === 'string') return message;
  const catalogue = CATALOGUES[context.locale];
  const template = catalogue.messages[message.id] as Template | undefined;
  if (!template) return renderMessage(message, { ...context, locale: 'en', uiLanguage: undefined });
  const raw: Record<string, string> = {};
  const resolved: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(message.args as Record<string, Arg | boolean | undefined>)) {
    if (arg === undefined || typeof arg === 'boolean') { resolved[name] = arg; continue; }
    if (typeof arg === 'object' && ('quote' in arg || 'draft' in arg)) raw[name] = 'quote' in arg ? arg.quote : arg.draft;
    resolved[name] = typeof arg === 'number' ? arg : resolve(arg, context, catalogue.conventions);
  }
  return sentenceCase(template(resolved, { quote: catalogue.conventions.quote, raw }));
}

/** A message is a sentence: "code des visas : …" (a name in lower case first) starts with a capital. */
function sentenceCase(text: string): string {
  const first = text.charAt(0);
  return first === first.toLowerCase() && first !== first.toUpperCase() ? first.toUpperCase() + text.slice(1) : text;
}

function resolve(arg: Arg, context: MessageContext, conventions: Conventions): string {
  if (typeof arg === 'string' || typeof arg === 'number') return String(arg);
  const { locale, model } = context;
  if ('quote' in arg) return conventions.quote(arg.quote);
  if ('draft' in arg) return context.draftLanguage === locale || !/\p{L}/u.test(arg.draft) ? arg.draft : conventions.quote(arg.draft);
  if ('country' in arg) {
    const names = model?.countries.get(arg.country)?.names;
    return names?.[locale]?.short ?? names?.en?.short ?? arg.country;
  }
  if ('act' in arg) {
    const act = model?.acts.get(arg.act);
    if (!act) return arg.act;
    return act.titles?.[locale]?.short?.[0] ?? (context.uiLanguage ? formatAct(act, context.uiLanguage) : act.titles?.en?.short?.[0] ?? act.id);
  }
  if ('language' in arg) return languageName(arg.language, locale);
  if ('month' in arg) return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, arg.month - 1, 1));
  if ('article' in arg) return context.uiLanguage ? formatArticleId(arg.article, context.uiLanguage) : arg.article;
  if ('articles' in arg) {
    const act = model?.acts.get(arg.articles);
    const parts = act && context.uiLanguage ? articleParts(act, context.uiLanguage) : [];
    return join(parts, 'and', conventions);
  }
  if ('factKind' in arg) return model?.factKinds.get(arg.factKind)?.description[locale as LanguageCode] ?? '';
  return join(arg.list.map((item) => resolve(item, context, conventions)), arg.join, conventions);
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the UI locale: CLDR's (Intl.DisplayNames), English's as the model's schema has them. */
export function languageName(code: string, locale: MessageLocale): string {
  if (locale === 'en') return LANGUAGE_NAMES_EN[code as LanguageCode] ?? code;
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, names = new Intl.DisplayNames([locale], { type: 'language' }));
  return names.of(code) ?? code;
}

/** "A, B and C" (no serial comma, as the EU style writes lists in every language). */
function join(items: readonly string[], how: ListJoin, conventions: Conventions): string {
  if (how === 'comma') return items.join(', ');
  if (how === 'semicolon') return items.join(conventions.semicolon);
  if (how === 'slash') return items.join(' / ');
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${how === 'and' ? conventions.and : conventions.or} ${items[items.length - 1]}`;
}
