/**
 * `npm run build:domain-lists`: writes the free-mail and disposable fingerprint files beside
 * shared/contact/domain-list-files.ts from the maintained npm packages. Run it after updating
 * free-email-domains-list or mailchecker (a test says when).
 */
import { writeFile } from 'node:fs/promises';
import { DOMAIN_LIST_FILES, domainListUrl } from '#shared/contact/domain-list-files.ts';
import { domainListsFromPackages } from './domain-lists.ts';

if (import.meta.main) {
  const lists = domainListsFromPackages();
  for (const [name, file] of Object.entries(DOMAIN_LIST_FILES)) {
    const fingerprints = lists[name as keyof typeof DOMAIN_LIST_FILES];
    await writeFile(domainListUrl(file), new Uint8Array(fingerprints.buffer));
    console.log(`Wrote shared/contact/${file}: ${fingerprints.length} domains`);
  }
}
