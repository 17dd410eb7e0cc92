// Validates bodies against the contract itself: the OpenAPI YAML is loaded whole into Ajv (JSON
// Schema 2020-12, as OpenAPI 3.1 uses) so `#/components/schemas/...` refs resolve as written.
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const SPEC_URL = new URL('../../contract/neo-public-api.sync-runs.openapi.yaml', import.meta.url);
const SPEC_ID = 'https://neo-standin.test/openapi.json';
const OPERATION = '/paths/~1public-api~1integrations~1%7Bname%7D~1sync-runs/get';

export type ContractValidator = {
  /** Validates a response body against the schema of `status` in the contract. */
  response(status: number, body: unknown): { valid: boolean; errors: string };
  /** Validates one value against a named component schema (e.g. "SyncRun"). */
  component(name: string, value: unknown): { valid: boolean; errors: string };
};

export function loadContractValidator(): ContractValidator {
  const spec = parse(readFileSync(SPEC_URL, 'utf8')) as Record<string, unknown>;
  // strict: false because an OpenAPI document has keys (openapi, info, paths) that are not keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv, ['uuid', 'date-time']);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const cache = new Map<string, ValidateFunction>();

  function run(pointer: string, value: unknown) {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      cache.set(pointer, validate);
    }
    const valid = validate(value);
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  }

  return {
    response: (status, body) =>
      run(`${OPERATION}/responses/${status}/content/application~1json/schema`, body),
    component: (name, value) => run(`/components/schemas/${name}`, value),
  };
}
