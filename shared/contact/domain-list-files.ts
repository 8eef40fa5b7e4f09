import { readFileSync } from 'node:fs';
import { FingerprintSet } from './fingerprint-set.ts';

/**
 * The free-mail and disposable domain lists as fingerprint files, written by
 * `npm run build:domain-lists`. They sit beside this module in the repository and beside the bundle
 * in a Lambda package (LeadflowFunction copies them there), so one relative URL finds them in both.
 */
export const DOMAIN_LIST_FILES = {
  freeMail: 'free-mail-domains.bin',
  disposable: 'disposable-domains.bin',
} as const;

export function domainListUrl(file: string): URL {
  return new URL(`./${file}`, import.meta.url);
}

/** Reads a list synchronously: about a millisecond, once per process, on the first lookup. */
export function readDomainList(file: string): FingerprintSet {
  return FingerprintSet.fromBytes(readFileSync(domainListUrl(file)));
}
