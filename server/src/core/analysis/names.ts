/** Names of model entities as a language writes them, for messages. */
import type { LanguageCode } from '../../../../schemas/policy-model';
import type { PolicyIndex } from '../model/policy-index';

export function countryName(model: PolicyIndex, id: string, lang: string): string {
  const names = model.countries.get(id)?.names;
  return names?.[lang as LanguageCode]?.short ?? names?.en?.short ?? id;
}
