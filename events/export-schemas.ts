/**
 * `npm run events:schemas`: writes the JSON Schema of every event to events/schemas/, the folder the
 * docs/events.md links for CRM integrators. A test fails while the committed files differ from the contracts.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { publishedSchemas } from './json-schemas.ts';

const directory = fileURLToPath(new URL('./schemas/', import.meta.url));
const schemas = publishedSchemas();
await mkdir(directory, { recursive: true });
for (const stale of (await readdir(directory)).filter((name) => !schemas.has(name))) {
  await rm(new URL(`./schemas/${stale}`, import.meta.url));
}
for (const [name, content] of schemas)
  await writeFile(new URL(`./schemas/${name}`, import.meta.url), content);
process.stdout.write(`Wrote ${schemas.size} event schemas to events/schemas/.\n`);
