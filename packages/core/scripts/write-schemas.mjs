// Writes the JSON Schema files shipped in the package, from the built zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchema, PUBLISHED_SCHEMAS } from '../dist/index.js';

const out = new URL('../schemas/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of Object.keys(PUBLISHED_SCHEMAS)) {
  writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(PUBLISHED_SCHEMAS).length} JSON Schema files to schemas/`);
