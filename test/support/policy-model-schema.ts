/**
 * Validates a model file's text against the generated JSON Schema (schemas/policy-model.schema.json,
 * what editors validate model files with), compiled once with ajv, and against the loader (zod).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadModelText } from '../../server/src/core/model/load';
import { packageRoot } from '../../server/src/node/resources';

let validate: ReturnType<Ajv['compile']> | undefined;

export function assertValidModel(file: string, text: string): void {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'policy-model.schema.json'), 'utf8')));
  const data: unknown = parse(text);
  assert.ok(validate(data), `${JSON.stringify(validate.errors)}\n${text}`);
  assert.deepEqual(loadModelText(file, text).problems.filter((p) => p.severity === 'error'), [], text);
}
