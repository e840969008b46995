/**
 * The official SARIF 2.1.0 JSON Schema (sarif-2.1.0-rtm.5.json, as shipped in the
 * @microsoft/jest-sarif package: no download at test time), compiled once with ajv. It is a
 * draft-04 schema, hence ajv-draft-04; ajv-formats checks its "uri", "uri-reference" and
 * "date-time" formats. The schema's language pattern has a stray "]" that only a non-Unicode
 * regular expression accepts (unicodeRegExp: false).
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import schema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

let validate: ReturnType<Ajv['compile']> | undefined;

/** Fails with every schema error when `log` is not valid SARIF 2.1.0. */
export function assertValidSarif(log: unknown, what = 'SARIF output'): void {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  if (!validate(log)) assert.fail(`${what} is not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
}

/** The SARIF text a CLI run printed, parsed and validated. */
export function validSarif(stdout: string, what?: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const log = JSON.parse(stdout);
  assertValidSarif(log, what);
  return log;
}
