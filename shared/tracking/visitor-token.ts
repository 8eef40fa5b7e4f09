import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import { SECRETS } from '#shared/runtime/settings.ts';

export const VISITOR_TOKEN_SECRET_NAME = SECRETS.visitorToken.name;
/** The cookie the intake sets for browsers, and the beacon reads when the page sends no token. */
export const VISITOR_COOKIE_NAME = 'lf_vt';
/** A year: a returning visitor is still recognised next season, and browsers cap cookies at 400 days. */
export const VISITOR_TOKEN_LIFETIME_SECONDS = 365 * 86_400;

const AUDIENCE = 'leadflow/track';

/** Derived keys by secret: deriving and importing a key at every submission showed in the profile. */
const derivedKeys = new Map<string, KeyObject>();
/** Secrets in use at once: the current one, and the previous one for a while after a rotation. */
const MAX_DERIVED_KEYS = 4;

/** A 256-bit key derived from the configured secret, so the secret itself is never the cipher key. */
function keyFrom(secret: string): KeyObject {
  let key = derivedKeys.get(secret);
  if (!key) {
    if (derivedKeys.size >= MAX_DERIVED_KEYS) derivedKeys.clear();
    key = createSecretKey(new Uint8Array(hkdfSync('sha256', secret, 'leadflow', 'visitor token v1', 32)));
    derivedKeys.set(secret, key);
  }
  return key;
}

/**
 * Issues the token that lets the `/track` beacon name the contact a browser belongs to. It is a JWE
 * (`dir`, A256GCM): authenticated so it cannot be forged or guessed, and encrypted so it does not show
 * the contact id to anyone reading the cookie or the page's storage.
 */
export function issueVisitorToken(contactId: string, secret: string, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new EncryptJWT({})
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setSubject(contactId)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + VISITOR_TOKEN_LIFETIME_SECONDS)
    .encrypt(keyFrom(secret));
}

/** The contact id a token was issued for, or undefined when it is forged, altered or expired. */
export async function contactIdOfVisitorToken(
  token: string,
  secret: string,
  now: Date,
): Promise<string | undefined> {
  try {
    const { payload } = await jwtDecrypt(token, keyFrom(secret), {
      audience: AUDIENCE,
      currentDate: now,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      requiredClaims: ['sub', 'exp'],
    });
    return payload.sub;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}

/**
 * The cookie for browsers that posted a form: HttpOnly (no script reads it), Secure and
 * SameSite=None, because the beacon calls leadflow's domain from the website's.
 */
export function visitorCookie(token: string): string {
  return `${VISITOR_COOKIE_NAME}=${token}; Max-Age=${VISITOR_TOKEN_LIFETIME_SECONDS}; Path=/; Secure; HttpOnly; SameSite=None`;
}

/** The visitor token among the request's cookies (`name=value` strings, as API Gateway passes them). */
export function visitorTokenFromCookies(cookies: readonly string[] | undefined): string | undefined {
  const prefix = `${VISITOR_COOKIE_NAME}=`;
  return cookies?.find((cookie) => cookie.startsWith(prefix))?.slice(prefix.length) || undefined;
}
