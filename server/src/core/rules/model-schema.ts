import type { Rule } from '../rule';

/** Problems in policy-model files; the model loader reports them (see model/load.ts). */
export const modelSchema: Rule = {
  id: 'model-schema',
  description: 'A problem in a policy-model file: invalid YAML/JSON, a field the schema does not allow, a duplicate id or an unknown reference.',
  defaultSeverity: 'error',
};
