import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { domainListsFromPackages } from '#infra/email-lists/domain-lists.ts';
import { DOMAIN_LIST_FILES, domainListUrl, readDomainList } from '#shared/contact/domain-list-files.ts';

const require = createRequire(import.meta.url);

describe('the generated domain list files', () => {
  it('match the maintained packages (run `npm run build:domain-lists` after updating them)', () => {
    const fresh = domainListsFromPackages();
    for (const [name, file] of Object.entries(DOMAIN_LIST_FILES)) {
      const written = readFileSync(domainListUrl(file));
      const expected = Buffer.from(fresh[name as keyof typeof DOMAIN_LIST_FILES].buffer);
      expect(written.equals(expected), `${file} is stale`).toBe(true);
    }
  });

  it('hold every domain of the packages, each under its own fingerprint', () => {
    const { DOMAINS } = require('free-email-domains-list') as { DOMAINS: ReadonlySet<string> };
    const freeMail = readDomainList(DOMAIN_LIST_FILES.freeMail);
    expect(freeMail.size).toBe(DOMAINS.size);
    for (const domain of DOMAINS) expect(freeMail.has(domain), domain).toBe(true);
  });

  it('do not hold business domains', () => {
    const freeMail = readDomainList(DOMAIN_LIST_FILES.freeMail);
    const disposable = readDomainList(DOMAIN_LIST_FILES.disposable);
    for (const domain of [
      'acme.com',
      'example-corp.fr',
      'leadflow.dev',
      'gmail.com.',
      'mailinator.com.example',
    ]) {
      expect(freeMail.has(domain), domain).toBe(false);
      expect(disposable.has(domain), domain).toBe(false);
    }
  });
});
