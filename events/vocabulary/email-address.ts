import * as z from 'zod/mini';

/**
 * The one address grammar of leadflow: intake accepts an address only if it matches, every event
 * contract that carries an address checks it, and every adapter sends to nothing else, so an address
 * accepted at intake is never refused later, after its stage was saved.
 *
 * It is the dot-atom of RFC 5321 in ASCII (letters, digits and ``!#$%&'*+/=?^_`{|}~-``, dots between
 * them) at a host name of letters, digits and hyphens with a real top-level domain, an
 * internationalized domain in its ASCII (`xn--`) form. Not in it: quoted local parts (`"a b"@x.io`) and
 * non-ASCII local parts (`josé@acme.io`), which SES cannot send to and most CRMs refuse; intake
 * answers those with 422 and the reason (see docs/decisions/0007-email-address-grammar.md).
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const TOP_LEVEL = '(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})';
export const EMAIL_ADDRESS_PATTERN = new RegExp(
  `^(?=[^@]{1,64}@)${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+${TOP_LEVEL}$`,
);

/** The longest address SMTP carries (RFC 5321 path limit less the angle brackets). */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

export const emailAddress = z
  .string()
  .check(z.maxLength(EMAIL_ADDRESS_MAX_LENGTH), z.regex(EMAIL_ADDRESS_PATTERN));
