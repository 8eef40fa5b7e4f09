import { domainToASCII } from 'node:url';
import validatorIsEmail from 'validator/lib/isEmail.js';

// Only isEmail, not the whole validator package (the whole package adds ≈20 ms to every cold start).
// Node's module resolution and the console's bundler resolution type this CommonJS default export
// differently; at run time it is the function under both.
const isEmail = validatorIsEmail as unknown as typeof import('validator')['default']['isEmail'];

export type NormalizedEmail =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly reason: string };

/**
 * One contact per address: the address is trimmed and lower-cased, and an internationalized domain
 * (`müller.de`) is stored in its ASCII form (`xn--mller-kva.de`) so both spellings meet on one contact.
 * Syntax is checked by validator's isEmail rather than a home-grown regular expression.
 */
export function normalizeEmail(raw: string): NormalizedEmail {
  const trimmed = raw.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) {
    return { ok: false, reason: 'The email address must have a name, an @ and a domain.' };
  }
  const asciiDomain = domainToASCII(trimmed.slice(at + 1));
  if (asciiDomain === '') {
    return { ok: false, reason: 'The domain of the email address is not a valid domain name.' };
  }
  const email = `${trimmed.slice(0, at)}@${asciiDomain}`;
  if (!isEmail(email, { allow_display_name: false, require_tld: true, allow_ip_domain: false })) {
    return { ok: false, reason: 'The email address is not valid.' };
  }
  return { ok: true, email };
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
