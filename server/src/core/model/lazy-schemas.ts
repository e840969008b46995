/**
 * The zod schemas, loaded on first use. The built-in model and language files are validated at
 * build time (server/src/node/precompiled.ts), so a check that uses only them never needs zod:
 * loading zod and building the schemas was a tenth of a cold CLI run (docs/performance.md,
 * "Cold start"). A static import would load them at start; esbuild keeps a `require` of a
 * bundled module lazy, so only a workspace model file or an edited language file loads them.
 */
import type * as PolicyModelSchemas from '../../../../schemas/policy-model';
import type * as LanguageSchemas from '../../../../schemas/language';

export function policyModelSchemas(): typeof PolicyModelSchemas {
  return require('../../../../schemas/policy-model') as typeof PolicyModelSchemas;
}

export function languageSchemas(): typeof LanguageSchemas {
  return require('../../../../schemas/language') as typeof LanguageSchemas;
}
