import { domainToASCII } from 'node:url';
import { EMAIL_ADDRESS_MAX_LENGTH, emailAddress } from '#events/vocabulary/email-address.ts';

export type NormalizedEmail =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly reason: string };

// Printable ASCII without the space: anything else in the name is a character SES cannot send to.
const NON_ASCII_OR_SPACE = /[^\x21-\x7e]/;

/**
 * One contact per address: the address is trimmed and lower-cased, and an internationalized domain
 * (`müller.de`) is stored in its ASCII form (`xn--mller-kva.de`) so both spellings meet on one contact.
 * The result is checked against the one address grammar (events/vocabulary/email-address.ts) that every event
 * contract checks too, so nothing accepted here is refused after it was saved.
 */
export function normalizeEmail(raw: string): NormalizedEmail {
  const trimmed = raw.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) {
    return { ok: false, reason: 'The email address must have a name, an @ and a domain.' };
  }
  const local = trimmed.slice(0, at);
  const asciiDomain = domainToASCII(trimmed.slice(at + 1));
  if (asciiDomain === '') {
    return { ok: false, reason: 'The domain of the email address is not a valid domain name.' };
  }
  if (NON_ASCII_OR_SPACE.test(local)) {
    return {
      ok: false,
      reason:
        'The part of the email address before the @ may only use unaccented letters, digits and ' +
        "!#$%&'*+-/=?^_`{|}~ (our email service cannot deliver to accented letters or spaces there).",
    };
  }
  const email = `${local}@${asciiDomain}`;
  if (email.length > EMAIL_ADDRESS_MAX_LENGTH || local.length > 64) {
    return { ok: false, reason: 'The email address is too long.' };
  }
  if (!emailAddress.safeParse(email).success) {
    return { ok: false, reason: 'The email address is not valid.' };
  }
  return { ok: true, email };
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
