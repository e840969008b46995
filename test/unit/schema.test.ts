import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyModelJsonSchema } from '../../schemas/json-schema';
import { packageRoot } from '../../server/src/node/resources';

describe('policy-model JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run gen:schema`)', () => {
    const committed = readFileSync(join(packageRoot(), 'schemas', 'policy-model.schema.json'), 'utf8');
    assert.equal(committed, policyModelJsonSchema());
  });

  it('is what the manifest contributes for *.policy.json and *.policy.yaml', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
    const json = manifest.contributes.jsonValidation.find((entry: { fileMatch: string | string[] }) => [entry.fileMatch].flat().some((m) => m.includes('.policy.json')));
    const yaml = manifest.contributes.yamlValidation.find((entry: { fileMatch: string | string[] }) => [entry.fileMatch].flat().some((m) => m.includes('.policy.yaml')));
    assert.equal(json?.url, './schemas/policy-model.schema.json');
    assert.equal(yaml?.url, './schemas/policy-model.schema.json');
  });
});
