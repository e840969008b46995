/** The JSON Schema of model files, generated from the zod schema (one source of truth). */
import { z } from 'zod';
import { policyModelSchema } from './policy-model';

export function policyModelJsonSchema(): string {
  const schema = z.toJSONSchema(policyModelSchema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify({ ...schema, $id: 'https://council-notes.eu/schemas/policy-model.schema.json', title: 'Council Notes policy model' }, null, 2)}\n`;
}
