import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compileTemplates, TEMPLATES_DIR } from './compile-templates.ts';

/** The generated module Lambda bundles import: compiled HTML, text and subjects, no MJML at run time. */
export const GENERATED_MODULE = join(TEMPLATES_DIR, '..', 'templates.generated.json');

if (import.meta.main) {
  const templates = await compileTemplates();
  await writeFile(GENERATED_MODULE, `${JSON.stringify(templates, null, 2)}\n`);
  console.log(
    `${Object.keys(templates).length} email templates compiled into ${relative(process.cwd(), GENERATED_MODULE)}`,
  );
}
