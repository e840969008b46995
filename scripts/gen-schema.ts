/**
 * Writes schemas/policy-model.schema.json from the zod schema, for editors (jsonValidation /
 * yamlValidation). test/unit/schema.test.ts fails when the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyModelJsonSchema } from '../schemas/json-schema';
import { packageRoot } from '../server/src/node/resources';

const target = join(packageRoot(), 'schemas', 'policy-model.schema.json');
writeFileSync(target, policyModelJsonSchema());
console.log(`wrote ${target}`);
