import { createRequire } from 'node:module';
import { fingerprintsOf } from '#shared/contact/fingerprint-set.ts';

const require = createRequire(import.meta.url);

export interface DomainLists {
  /** Sorted distinct fingerprints (see FingerprintSet), one file each. */
  readonly freeMail: Float64Array;
  readonly disposable: Float64Array;
}

/**
 * The maintained lists, read from their npm packages (free-email-domains-list, mailchecker) at build
 * time. The functions read the generated fingerprint files instead, so a cold start neither parses
 * nor builds 150,000-entry collections; a test fails when the files are stale after a package update.
 */
export function domainListsFromPackages(): DomainLists {
  const { DOMAINS } = require('free-email-domains-list') as { DOMAINS: ReadonlySet<string> };
  const mailChecker = require('mailchecker') as { blacklist(): ReadonlySet<string> };
  return {
    freeMail: fingerprintsOf(normalized(DOMAINS)),
    disposable: fingerprintsOf(normalized(mailChecker.blacklist())),
  };
}

function normalized(domains: Iterable<string>): string[] {
  return [...domains].map((domain) => domain.trim().toLowerCase()).filter(Boolean);
}
