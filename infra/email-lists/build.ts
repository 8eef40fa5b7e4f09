/**
 * `npm run build:domain-lists`: writes shared/contact/domain-lists.generated.json from the maintained
 * npm packages. Run it after updating free-email-domains-list or mailchecker (a test says when).
 */
import { writeFile } from 'node:fs/promises';
import { domainListsFromPackages } from './domain-lists.ts';

export const GENERATED_LISTS_URL = new URL(
  '../../shared/contact/domain-lists.generated.json',
  import.meta.url,
);

if (import.meta.main) {
  await writeFile(GENERATED_LISTS_URL, `${JSON.stringify(domainListsFromPackages())}\n`);
  console.log(`Wrote ${GENERATED_LISTS_URL.pathname.split('/').slice(-3).join('/')}`);
}
