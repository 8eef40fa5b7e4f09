import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface DomainLists {
  /** Sorted, one domain per line (see SortedLines). */
  readonly freeMail: string;
  readonly disposable: string;
}

/**
 * The maintained lists, read from their npm packages (free-email-domains-list, mailchecker) at build
 * time. The functions load the compact generated copy instead, so a cold start does not build
 * 150,000-entry collections; a test fails when the copy is stale after a package update.
 */
export function domainListsFromPackages(): DomainLists {
  const { DOMAINS } = require('free-email-domains-list') as { DOMAINS: ReadonlySet<string> };
  const mailChecker = require('mailchecker') as { blacklist(): ReadonlySet<string> };
  return { freeMail: sortedLines(DOMAINS), disposable: sortedLines(mailChecker.blacklist()) };
}

function sortedLines(domains: Iterable<string>): string {
  return [...new Set([...domains].map((domain) => domain.trim().toLowerCase()).filter(Boolean))]
    .sort()
    .join('\n');
}
