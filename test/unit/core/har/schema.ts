/** The HAR 1.2 JSON schema (test/fixtures/har) compiled once with ajv. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync(new URL('../../../fixtures/har/har-1.2.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Schema errors as readable lines; empty when the document is valid HAR 1.2. */
export function harErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

const corsSchema = JSON.parse(readFileSync(new URL('../../../fixtures/har/cors-extension.schema.json', import.meta.url), 'utf8')) as object;
const validateCors = ajv.compile(corsSchema);

/** Problems with the `_cors` blocks of a report (every entry must carry one), as readable lines. */
export function corsBlockErrors(doc: { log: { entries: { _cors?: unknown }[] } }): string[] {
  return doc.log.entries.flatMap((e, i) => (validateCors(e._cors) ? [] : (validateCors.errors ?? []).map((err) => `entry ${i} _cors${err.instancePath} ${err.message ?? ''}`.trim())));
}

const logSchema = JSON.parse(readFileSync(new URL('../../../fixtures/har/cors-lens-log.schema.json', import.meta.url), 'utf8')) as object;
const validateLog = ajv.compile(logSchema);

/** Problems with the log-level `_corsLens` block, as readable lines. */
export function corsLensErrors(doc: { log: { _corsLens?: unknown } }): string[] {
  return validateLog(doc.log._corsLens) ? [] : (validateLog.errors ?? []).map((e) => `_corsLens${e.instancePath} ${e.message ?? ''}`.trim());
}
